// The translations in templates/locales/*.locale: output words per language (headings,
// "present", "page N of M", contact labels) and the words each language uses on input.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "model/source_manager.hpp"

namespace tailor::locale {

/// One language's file. Output words are keyed by stable names ("experience", "email").
struct LocaleData {
  std::string tag;   ///< BCP 47 language from the file name ("de", "pt-BR").
  std::string name;  ///< The language's own name ("Deutsch").
  bool rtl = false;  ///< "direction: rtl".
  std::map<model::SectionKind, std::string> headings;
  std::string present;                        ///< "heute".
  std::string page;                           ///< "Seite {page} von {pages}".
  std::map<std::string, std::string> labels;  ///< email, phone, location, website.
  /// Optional font families for the language's script, for the DOCX w:eastAsia and w:cs
  /// slots ("Noto Sans CJK SC", "Noto Naskh Arabic"); empty: the style's font.
  std::string font_east_asia;
  std::string font_complex;
  /// "quote_space: narrow": a narrow no-break space (U+202F) inside quotation marks, as French
  /// sets « texte ». Empty: none.
  std::string quote_space;
  /// Input spellings, already folded with fold_key: headings and "also.KIND" lines.
  std::map<std::string, model::SectionKind> input_titles;
  std::vector<std::string> input_present;  ///< Folded "present" and "also.present" words.
};

/// Parses one .locale file (`tag` comes from its name). Errors are located at the line and
/// column of the bad key or value; nullopt when there was any error.
std::optional<LocaleData> parse_locale(std::uint32_t file_id, const std::string& text,
                                       const std::string& tag, diag::Diagnostics& diags);

/// Every language, loaded once per process: the compiled-in locales and those of the user's
/// data folders (data/files.hpp). Malformed files are left out and their errors
/// kept in diagnostics(), for the CLI to render with sources().
class Catalog {
 public:
  static const Catalog& instance();
  /// True once instance() has loaded the files (a run that never needed them did not).
  static bool loaded();

  /// The language for a BCP 47 tag: the exact tag, then its language alone ("de-AT" -> "de").
  const LocaleData* find(const std::string& tag) const;
  /// A localised heading in any language ("Berufserfahrung"), compared after NFC and case
  /// folding; nullopt when no language knows it.
  std::optional<model::SectionKind> section_kind(const std::string& title) const;
  /// True when `word` means "present" in some language ("heute", "по настоящее время").
  bool is_present_word(const std::string& word) const;
  std::vector<std::string> tags() const;

  const diag::Diagnostics& diagnostics() const { return diags_; }
  const model::SourceManager& sources() const { return sources_; }

 private:
  Catalog();
  std::map<std::string, LocaleData> langs_;
  model::SourceManager sources_;
  diag::Diagnostics diags_;
};

/// The kind a section title stands for: the English titles of model::section_kind_from_title,
/// then every language's headings; Custom when none knows it. Readers and the markup writer
/// share it, so a title reads back as the kind it was written for.
model::SectionKind section_kind_for_title(const std::string& title);

}  // namespace tailor::locale
