// Test helper: the JSON Resume schema project's own fixtures (tests/fixtures/resume-schema/,
// see its README.md), one document per top-level key of each file.
//
// Which fixtures are valid: in the project's spec files, every key whose name contains
// "invalid" (any case) is expected to fail validation and every other key to pass; the keys no
// spec names follow the same rule, and so does the schema itself. That rule is encoded here.
// dates.json holds date strings, not documents: each becomes the start date of one job.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/json_value.hpp"
#include "support/test_support.hpp"

namespace tailor::test {

struct SchemaFixture {
  std::string file;  ///< "work" (tests/fixtures/resume-schema/work.json)
  std::string key;   ///< "nameInvalid"
  std::string json;  ///< The fixture as a JSON Resume document.
  bool valid = true;

  /// "work.nameInvalid", also the name of the document when it is read.
  std::string name() const { return file + "." + key; }
};

inline const std::string kSchemaFixtureDir = "tests/fixtures/resume-schema";

/// A JSON value written back as compact JSON text.
inline void write_json_value(const json::Value& v, std::string& out) {
  auto quote = [&](const std::string& s) {
    out += '"';
    for (char c : s) {
      auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (u < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        out += buf;
      } else {
        out += c;
      }
    }
    out += '"';
  };
  switch (v.kind) {
    case json::Kind::Null:
      out += "null";
      break;
    case json::Kind::Bool:
      out += v.boolean ? "true" : "false";
      break;
    case json::Kind::Number:
      out += v.text;
      break;
    case json::Kind::String:
      quote(v.text);
      break;
    case json::Kind::Array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ", ";
        write_json_value(v.items[i], out);
      }
      out += ']';
      break;
    case json::Kind::Object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) out += ", ";
        quote(v.members[i].key);
        out += ": ";
        write_json_value(v.members[i].value, out);
      }
      out += '}';
      break;
  }
}

inline std::string json_text(const json::Value& v) {
  std::string out;
  write_json_value(v, out);
  return out;
}

/// Every fixture of every file, in file then key order. A file that does not parse as one
/// JSON object yields nothing (the tests then fail on the counts).
inline std::vector<SchemaFixture> load_schema_fixtures() {
  std::vector<SchemaFixture> out;
  for (const std::string& path : list_files(kSchemaFixtureDir, ".json")) {
    std::string file = std::filesystem::path(path).stem().string();
    model::SourceManager sources;
    diag::Diagnostics diags;
    std::uint32_t id = sources.add(path, slurp(source_path(path)));
    std::optional<json::Value> root = reader::parse_json(id, sources.text(id), diags);
    if (!root || !root->is(json::Kind::Object)) continue;
    for (const json::Member& m : root->members) {
      SchemaFixture f;
      f.file = file;
      f.key = m.key;
      std::string lower = m.key;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      f.valid = lower.find("invalid") == std::string::npos;
      f.json = file == "dates" ? R"({"work": [{"name": "Pied Piper", "startDate": )" +
                                     json_text(m.value) + "}]}"
                               : json_text(m.value);
      out.push_back(std::move(f));
    }
  }
  return out;
}

/// The valid or the invalid fixtures.
inline std::vector<SchemaFixture> schema_fixtures(bool valid) {
  std::vector<SchemaFixture> out;
  for (SchemaFixture& f : load_schema_fixtures()) {
    if (f.valid == valid) out.push_back(std::move(f));
  }
  return out;
}

/// A GoogleTest parameter name: "work_nameInvalid".
inline std::string schema_fixture_param_name(const testing::TestParamInfo<SchemaFixture>& info) {
  std::string s = info.param.file + "_" + info.param.key;
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

}  // namespace tailor::test
