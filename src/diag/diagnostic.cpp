#include "diag/diagnostic.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "diag/machine_format.hpp"

namespace tailor::diag {

Diagnostic& Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  if (items_.size() >= kMaxKept) {
    // Counted, not kept: a hostile file with a million mistakes must not take a million
    // diagnostics' worth of memory and output. Callers may still add hints to the result.
    if (d.severity == Severity::Warning) ++dropped_warnings_;
    ++dropped_;
    overflow_ = std::move(d);
    return overflow_;
  }
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
  dropped_ += other.dropped_;
  dropped_warnings_ += other.dropped_warnings_;
  errors_ += other.errors_ - static_cast<std::size_t>(std::count_if(
                                 other.items_.begin(), other.items_.end(),
                                 [](const auto& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
  return dropped_warnings_ +
         static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const auto& d) {
           return d.severity == Severity::Warning;
         }));
}

const char* severity_name(Severity s) {
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

namespace {

// Lines longer than this many bytes are shown as a window of code points around the caret.
constexpr std::size_t kWindowBytes = 200;
constexpr std::uint32_t kWindowBefore = 60;
constexpr std::uint32_t kWindowAfter = 60;

void render_source(std::string& out, std::uint32_t line_number, const std::string& shown,
                   std::uint32_t col, std::uint32_t tildes) {
  std::string num = std::to_string(line_number);
  std::string pad(num.size(), ' ');
  out += ' ' + num + " | " + shown + '\n';
  out += ' ' + pad + " | ";
  out += std::string(col - 1, ' ');
  out += '^';
  out += std::string(tildes, '~');
  out += '\n';
}

}  // namespace

std::string render(const Diagnostic& d, const model::SourceManager& sources, Format format) {
  if (format == Format::Json) return render_json(d, sources);
  if (format == Format::Github) return render_github(d, sources);
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
    std::uint32_t col = std::max<std::uint32_t>(d.span.col, 1);
    std::uint32_t tildes = d.span.end_line == d.span.line && d.span.end_col > d.span.col + 1
                               ? d.span.end_col - d.span.col - 1
                               : 0;
    // A long line (minified JSON, a pasted blob) shows only a window around the caret, so
    // a diagnostic prints a screenful whatever the line length.
    if (line.size() > kWindowBytes) {
      std::uint32_t start_col = col > kWindowBefore ? col - kWindowBefore : 1;
      std::size_t i = 0, window_start = 0;
      for (std::uint32_t c = 1; c < col && i < line.size(); ++c) {
        if (c == start_col) window_start = i;
        base::decode_next(line, i);
      }
      std::size_t window_end = i;
      for (std::uint32_t k = 0; k < kWindowAfter && window_end < line.size(); ++k) {
        base::decode_next(line, window_end);
      }
      std::string shown;
      if (window_start > 0) {
        shown = "…";
        col = col - start_col + 2;
      }
      shown += base::printable_line(line.substr(window_start, window_end - window_start));
      if (window_end < line.size()) {
        shown += "…";
        tildes = std::min(tildes, kWindowAfter);
      }
      render_source(out, d.span.line, shown, col, tildes);
    } else {
      // Show the line as text a terminal can print: bad bytes become U+FFFD, tabs a space,
      // so the caret below lines up by code point.
      render_source(out, d.span.line, base::printable_line(line), col, tildes);
    }
  }
  for (const std::string& h : d.hints) out += "hint: " + h + '\n';
  return out;
}

std::string render_all(const Diagnostics& ds, const model::SourceManager& sources, Format format) {
  std::string out;
  for (const Diagnostic& d : ds.items()) out += render(d, sources, format);
  if (ds.dropped() > 0 && (format == Format::Json || format == Format::Github)) {
    Diagnostic note;
    note.severity = Severity::Note;
    note.message = std::to_string(ds.dropped()) + " more diagnostics not shown; only the first " +
                   std::to_string(Diagnostics::kMaxKept) + " are kept (docs/limits.md)";
    out += render(note, sources, format);
  } else if (ds.dropped() > 0) {
    out += "tailor: note: " + std::to_string(ds.dropped()) + " more diagnostic" +
           (ds.dropped() == 1 ? "" : "s") + " not shown; only the first " +
           std::to_string(Diagnostics::kMaxKept) + " are kept (docs/limits.md)\n";
  }
  return out;
}

}  // namespace tailor::diag

namespace tailor::diag {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "human") return Format::Human;
  if (name == "short") return Format::Short;
  if (name == "json") return Format::Json;
  if (name == "github") return Format::Github;
  return std::nullopt;
}

}  // namespace tailor::diag
