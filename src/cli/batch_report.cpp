#include "cli/batch_report.hpp"

#include <algorithm>
#include <map>

#include "base/json_text.hpp"
#include "model/source_manager.hpp"
#include "reader/json_value.hpp"

namespace tailor::cli::batch {

namespace {

void name_list(std::string& out, const char* key, const std::vector<std::string>& names) {
  out += "  \"";
  out += key;
  out += "\": [";
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += i ? ", " : "";
    base::append_json_string(out, names[i]);
  }
  out += "]";
}

const json::Value* member(const json::Value& v, const char* key, json::Kind kind) {
  const json::Value* m = v.find(key);
  return m && m->is(kind) ? m : nullptr;
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Report::normalise() {
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const ReportInput& a, const ReportInput& b) { return a.input < b.input; });
  std::sort(pruned.begin(), pruned.end());
  std::sort(removed.begin(), removed.end());
}

void Report::merge(const Report& other) {
  inputs.insert(inputs.end(), other.inputs.begin(), other.inputs.end());
  pruned.insert(pruned.end(), other.pruned.begin(), other.pruned.end());
  removed.insert(removed.end(), other.removed.begin(), other.removed.end());
  interrupted = interrupted || other.interrupted;
  normalise();
}

std::string Report::to_json() const {
  std::map<std::string, std::size_t> counts = {
      {"built", 0}, {"up-to-date", 0}, {"failed", 0}, {"not-built", 0}};
  std::size_t failed_inputs = 0;
  for (const ReportInput& in : inputs) {
    failed_inputs += in.failed ? 1 : 0;
    for (const ReportOutput& o : in.outputs) ++counts[o.status];
  }
  auto num = [](std::size_t n) { return std::to_string(n); };
  std::string out = "{\n  \"tailor_summary\": 1,\n  \"counts\": {";
  out += "\"inputs\": " + num(inputs.size()) + ", \"failed_inputs\": " + num(failed_inputs);
  out += ", \"built\": " + num(counts["built"]) + ", \"up_to_date\": " + num(counts["up-to-date"]);
  out += ", \"failed\": " + num(counts["failed"]) + ", \"not_built\": " + num(counts["not-built"]);
  out += ", \"pruned\": " + num(pruned.size()) + ", \"removed\": " + num(removed.size()) + "},\n";
  out += "  \"inputs\": [";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ReportInput& in = inputs[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"input\": ";
    base::append_json_string(out, in.input);
    out += ", \"ref\": ";
    base::append_json_string(out, in.ref);
    out += std::string(", \"status\": ") + (in.failed ? "\"failed\"" : "\"ok\"");
    out += ", \"outputs\": [";
    for (std::size_t k = 0; k < in.outputs.size(); ++k) {
      const ReportOutput& o = in.outputs[k];
      out += k ? ", {" : "{";
      out += "\"name\": ";
      base::append_json_string(out, o.name);
      out += ", \"status\": ";
      base::append_json_string(out, o.status);
      out += ", \"sha256\": ";
      if (o.sha256.empty()) {
        out += "null";
      } else {
        base::append_json_string(out, o.sha256);
      }
      out += "}";
    }
    out += "]}";
  }
  out += inputs.empty() ? "],\n" : "\n  ],\n";
  name_list(out, "pruned", pruned);
  out += ",\n";
  name_list(out, "removed", removed);
  out += ",\n  \"interrupted\": ";
  out += interrupted ? "true" : "false";
  out += "\n}\n";
  return out;
}

std::optional<Report> Report::from_json(const std::string& text, const std::string& path,
                                        std::string& error) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id = sources.add(path, text);
  auto root = reader::parse_json(id, sources.text(id), diags);
  auto bad = [&](const std::string& why) -> std::optional<Report> {
    error = path + ": " + why;
    return std::nullopt;
  };
  if (!root) return bad("not JSON: " + diag::render_all(diags, sources, diag::Format::Short));
  const json::Value* version = member(*root, "tailor_summary", json::Kind::Number);
  if (!version || version->text != "1") return bad("not a tailor --summary file (version 1)");
  Report r;
  const json::Value* inputs = member(*root, "inputs", json::Kind::Array);
  if (!inputs) return bad("no \"inputs\" array");
  for (const json::Value& v : inputs->items) {
    const json::Value* input = member(v, "input", json::Kind::String);
    const json::Value* ref = member(v, "ref", json::Kind::String);
    const json::Value* status = member(v, "status", json::Kind::String);
    const json::Value* outputs = member(v, "outputs", json::Kind::Array);
    if (!input || !ref || !status || !outputs) return bad("an input without input/ref/status");
    ReportInput in{input->text, ref->text, status->text == "failed", {}};
    for (const json::Value& o : outputs->items) {
      const json::Value* name = member(o, "name", json::Kind::String);
      const json::Value* st = member(o, "status", json::Kind::String);
      const json::Value* sha = member(o, "sha256", json::Kind::String);
      if (!name || !st) return bad("an output without name/status");
      in.outputs.push_back({name->text, st->text, sha ? sha->text : ""});
    }
    r.inputs.push_back(std::move(in));
  }
  for (const char* key : {"pruned", "removed"}) {
    const json::Value* list = member(*root, key, json::Kind::Array);
    if (!list) return bad(std::string("no \"") + key + "\" array");
    for (const json::Value& n : list->items) {
      if (!n.is(json::Kind::String)) return bad(std::string("\"") + key + "\" holds a non-string");
      (std::string(key) == "pruned" ? r.pruned : r.removed).push_back(n.text);
    }
  }
  const json::Value* interrupted = member(*root, "interrupted", json::Kind::Bool);
  r.interrupted = interrupted && interrupted->boolean;
  return r;
}

std::string Report::key_csv() const {
  std::vector<std::string> rows;
  for (const ReportInput& in : inputs) {
    for (const ReportOutput& o : in.outputs) {
      if (o.status != "built" && o.status != "up-to-date") continue;
      rows.push_back(csv_field(in.ref) + "," + csv_field(in.input) + "," + csv_field(o.name) +
                     "\n");
    }
  }
  std::sort(rows.begin(), rows.end());
  std::string out = "ref,input,output\n";
  for (const std::string& r : rows) out += r;
  return out;
}

}  // namespace tailor::cli::batch
