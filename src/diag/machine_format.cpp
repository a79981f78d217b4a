#include "diag/machine_format.hpp"

#include "base/json_text.hpp"

namespace tailor::diag {

namespace {

const std::string& file_of(const Diagnostic& d, const model::SourceManager& sources) {
  return d.span.file_id != 0 ? sources.path(d.span.file_id) : d.path;
}

void append_position(std::string& out, const char* key, std::uint32_t value, bool known) {
  out += ",\"";
  out += key;
  out += "\":";
  out += known ? std::to_string(value) : "null";
}

}  // namespace

std::string render_json(const Diagnostic& d, const model::SourceManager& sources) {
  const std::string& path = file_of(d, sources);
  std::string out = "{\"file\":";
  if (path.empty()) {
    out += "null";
  } else {
    base::append_json_string(out, path);
  }
  bool known = d.span.known();
  append_position(out, "line", d.span.line, known);
  append_position(out, "col", d.span.col, known);
  bool has_end = known && d.span.end_line != 0;
  append_position(out, "end_line", d.span.end_line, has_end);
  append_position(out, "end_col", d.span.end_col, has_end);
  out += ",\"severity\":";
  base::append_json_string(out, severity_name(d.severity));
  out += ",\"message\":";
  base::append_json_string(out, d.message);
  out += ",\"hints\":[";
  for (std::size_t i = 0; i < d.hints.size(); ++i) {
    if (i) out += ',';
    base::append_json_string(out, d.hints[i]);
  }
  out += "]}\n";
  return out;
}

std::string github_escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (char c : github_escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_github(const Diagnostic& d, const model::SourceManager& sources) {
  std::string out = "::";
  out += d.severity == Severity::Error     ? "error"
         : d.severity == Severity::Warning ? "warning"
                                           : "notice";
  std::string props;
  auto prop = [&](const char* key, const std::string& value) {
    props += props.empty() ? " " : ",";
    props += key;
    props += '=';
    props += github_escape_property(value);
  };
  const std::string& path = file_of(d, sources);
  if (!path.empty()) prop("file", path);
  if (d.span.known()) {
    prop("line", std::to_string(d.span.line));
    prop("col", std::to_string(d.span.col));
    if (d.span.end_line == d.span.line && d.span.end_col > d.span.col) {
      prop("endColumn", std::to_string(d.span.end_col));
    }
  }
  out += props;
  out += "::";
  std::string text = d.message;
  for (const std::string& h : d.hints) text += "\nhint: " + h;
  out += github_escape_data(text);
  out += '\n';
  return out;
}

}  // namespace tailor::diag
