#include "diag/diagnostic.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace tailor::diag {

Diagnostic& Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
  return items_.back();
}

Diagnostic& Diagnostics::error(model::SourceSpan span, std::string message) {
  return add(Diagnostic{Severity::Error, span, std::move(message), {}, {}});
}

Diagnostic& Diagnostics::warning(model::SourceSpan span, std::string message) {
  return add(Diagnostic{Severity::Warning, span, std::move(message), {}, {}});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) add(d);
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Warning; }));
}

static const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

std::string render(const Diagnostic& d, const model::SourceManager& sources, Format format) {
  std::string out;
  const std::string& path = d.span.file_id != 0 ? sources.path(d.span.file_id) : d.path;
  if (!path.empty()) {
    out += path;
    if (d.span.known()) {
      out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.col);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  out += '\n';
  if (format == Format::Short) return out;

  if (d.span.file_id != 0 && d.span.known()) {
    std::string_view line = sources.line(d.span.file_id, d.span.line);
    // Show the line as text a terminal can print: bad bytes become U+FFFD, tabs a space,
    // so the caret below lines up by code point.
    std::string shown = base::printable_line(line);
    std::string num = std::to_string(d.span.line);
    std::string pad(num.size(), ' ');
    out += ' ' + num + " | " + shown + '\n';
    out += ' ' + pad + " | ";
    std::uint32_t col = std::max<std::uint32_t>(d.span.col, 1);
    out += std::string(col - 1, ' ');
    out += '^';
    if (d.span.end_line == d.span.line && d.span.end_col > d.span.col + 1) {
      out += std::string(d.span.end_col - d.span.col - 1, '~');
    }
    out += '\n';
  }
  for (const std::string& h : d.hints) out += "hint: " + h + '\n';
  return out;
}

std::string render_all(const Diagnostics& ds, const model::SourceManager& sources, Format format) {
  std::string out;
  for (const Diagnostic& d : ds.items()) out += render(d, sources, format);
  return out;
}

}  // namespace tailor::diag
