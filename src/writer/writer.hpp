// The writer registry: one entry per output format, name -> function (pandoc's Writers.hs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "style/style.hpp"

namespace tailor::writer {

/// Everything a writer needs besides the document. Shared read-only across threads.
struct RenderOptions {
  const style::Style* style = nullptr;  ///< Never null when a writer is called.
  std::optional<style::Paper> paper;    ///< --paper overrides the style's paper.
  int max_pages = 0;                    ///< 0: no limit. PDF fits; DOCX reuses the factors.
  std::optional<std::int64_t> source_date_epoch;  ///< Dates in metadata; none when unset.
  std::string version = "0.1.0";                  ///< "Tailor VERSION" in metadata.
  /// Fit-to-pages factors (--max-pages). The PDF layout finds them; the CLI passes the same
  /// values to the DOCX writer so both outputs are tightened alike. 1.0 means untouched.
  double spacing_scale = 1.0;  ///< Multiplies every vertical gap.
  double font_scale = 1.0;     ///< Multiplies every font size (body never below 9 pt).
  double margin_shrink = 0;    ///< Points off each margin, down to the style's min_margin.
};

/// Writes a document to bytes. Returns false after adding at least one error to diags.
using WriteFn = bool (*)(const model::Document&, const RenderOptions&, std::string& out,
                         diag::Diagnostics& diags);

struct WriterInfo {
  const char* name;                     ///< --format value: "text", "pdf", "docx", ...
  std::vector<const char*> extensions;  ///< Output extensions that select it: ".txt".
  WriteFn write;
  const char* description;
};

const std::vector<WriterInfo>& writers();
const WriterInfo* find_writer(const std::string& name);
/// The writer for an output path's extension, or nullptr.
const WriterInfo* writer_for_path(const std::string& path);
/// "text, native, pdf, ..." for messages.
std::string writer_names();

}  // namespace tailor::writer
