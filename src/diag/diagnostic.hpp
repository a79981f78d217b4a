// One diagnostic type for every stage: readers, rule loader, engine, writers, CLI.
// Library code appends to a Diagnostics sink and never prints; only cli/ renders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"
#include "model/source_manager.hpp"

namespace tailor::diag {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  model::SourceSpan span;  ///< file_id 0 with a path in `path` for file-level errors.
  std::string message;
  std::vector<std::string> hints;
  std::string path;  ///< Used when span.file_id is 0 (e.g. a file that could not be read).
};

/// Collects diagnostics in order of appearance. Only the first kMaxKept are kept; later ones
/// are counted (they still make has_errors() true) and render_all says how many were left out.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxKept = 100;

  Diagnostic& error(model::SourceSpan span, std::string message);
  Diagnostic& warning(model::SourceSpan span, std::string message);
  Diagnostic& add(Diagnostic d);
  void append(const Diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// How many diagnostics were counted but not kept.
  std::size_t dropped() const { return dropped_; }

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t dropped_ = 0;
  std::size_t dropped_warnings_ = 0;
  Diagnostic overflow_;  ///< What add() returns once the limit is reached.
};

enum class Format {
  Human,   ///< path:line:col: error: message, the source line, a caret, hint: lines.
  Short,   ///< The first line only.
  Json,    ///< One JSON object per line: file, line, col, severity, message, hints.
  Github,  ///< GitHub Actions workflow commands: ::error file=F,line=L,col=C::message.
};

/// Parses a --diagnostic-format value ("human", "short", "json", "github").
std::optional<Format> parse_format(std::string_view name);

/// Renders one diagnostic. The caret column counts code points, so it lines up under
/// multi-byte letters (ə, ş) in a UTF-8 terminal.
std::string render(const Diagnostic& d, const model::SourceManager& sources,
                   Format format = Format::Human);
std::string render_all(const Diagnostics& ds, const model::SourceManager& sources,
                       Format format = Format::Human);

}  // namespace tailor::diag
