// JSON Resume's own schema fixtures (tests/fixtures/resume-schema/, from the schema project),
// each read as `tailor check` reads a .json file:
//   - a fixture the schema calls valid reads with no diagnostic at all;
//   - one it calls invalid reads with a warning located at the value and naming its JSON path,
//     and the value is read as absent: the same document without it reads clean to the same
//     model.
// A date string the schema rejects is the one exception: a malformed date is an error that
// names the JSON path (JsonResume.DatesAndOpenEnds), since a date silently dropped would
// change what the resume says.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "reader/resume_schema_fixtures.hpp"
#include "reader/strip_spans.hpp"
#include "support/test_support.hpp"
#include "writer/native/native.hpp"

namespace tailor {
namespace {

using test::SchemaFixture;

struct Read {
  std::optional<model::Document> doc;
  diag::Diagnostics diags;
  std::string shown;  ///< The diagnostics as the CLI prints them.
};

Read read(const std::string& name, const std::string& text) {
  Read r;
  model::SourceManager sources;
  r.doc = reader::read_document_bytes(name + ".json", text, sources, r.diags);
  r.shown = diag::render_all(r.diags, sources) + text + "\n";
  return r;
}

std::string dump(const model::Document& d) { return test::strip_spans(writer::dump_native(d)); }

/// Removes the value at a JSON path ("$.work[0].highlights[1]") from root: the member from
/// its object, or the item from its array. False when the path leads nowhere.
bool remove_path(json::Value& root, const std::string& path) {
  if (path.empty() || path[0] != '$') return false;
  json::Value* parent = nullptr;
  json::Value* at = &root;
  std::string last_key;
  std::size_t last_index = 0;
  bool last_is_key = false;
  std::size_t i = 1;
  while (i < path.size()) {
    parent = at;
    if (path[i] == '.') {
      std::size_t end = path.find_first_of(".[", i + 1);
      if (end == std::string::npos) end = path.size();
      last_key = path.substr(i + 1, end - i - 1);
      last_is_key = true;
      const json::Member* m = at->find_member(last_key);
      if (!m) return false;
      at = const_cast<json::Value*>(&m->value);
      i = end;
    } else if (path[i] == '[') {
      std::size_t end = path.find(']', i);
      if (end == std::string::npos) return false;
      last_index = std::stoul(path.substr(i + 1, end - i - 1));
      last_is_key = false;
      if (!at->is(json::Kind::Array) || last_index >= at->items.size()) return false;
      at = &at->items[last_index];
      i = end + 1;
    } else {
      return false;
    }
  }
  if (!parent) return false;
  if (last_is_key) {
    std::erase_if(parent->members, [&](const json::Member& m) { return m.key == last_key; });
  } else {
    parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(last_index));
  }
  return true;
}

class SchemaValid : public testing::TestWithParam<SchemaFixture> {};

TEST_P(SchemaValid, ReadsWithoutAnyDiagnostic) {
  const SchemaFixture& f = GetParam();
  Read r = read(f.name(), f.json);
  EXPECT_TRUE(r.doc) << r.shown;
  EXPECT_TRUE(r.diags.empty()) << r.shown;
}

INSTANTIATE_TEST_SUITE_P(ResumeSchema, SchemaValid, testing::ValuesIn(test::schema_fixtures(true)),
                         test::schema_fixture_param_name);

class SchemaInvalid : public testing::TestWithParam<SchemaFixture> {};

TEST_P(SchemaInvalid, WarnsAtItsJsonPathAndReadsItAsAbsent) {
  const SchemaFixture& f = GetParam();
  Read r = read(f.name(), f.json);
  if (f.file == "dates") {
    EXPECT_FALSE(r.doc) << r.shown;
    bool located = false;
    for (const diag::Diagnostic& d : r.diags.items()) {
      located = located || (d.severity == diag::Severity::Error && d.span.line > 0 &&
                            d.message.rfind("$.work[0].startDate: invalid date", 0) == 0);
    }
    EXPECT_TRUE(located) << r.shown;
    return;
  }
  ASSERT_TRUE(r.doc) << r.shown;
  EXPECT_EQ(r.diags.error_count(), 0u) << r.shown;
  std::vector<std::string> paths;
  for (const diag::Diagnostic& d : r.diags.items()) {
    if (d.severity != diag::Severity::Warning || d.span.line == 0) continue;
    // "$.work[0].url: expected a string, found null; it is read as absent"
    std::size_t colon = d.message.find(": ");
    if (d.message.rfind("$", 0) == 0 && colon != std::string::npos) {
      paths.push_back(d.message.substr(0, colon));
    }
  }
  ASSERT_FALSE(paths.empty()) << "no located warning with a JSON path\n" << r.shown;

  // Read as absent: without the values warned about, the document reads clean, to the same
  // model.
  model::SourceManager sources;
  diag::Diagnostics parse_diags;
  std::uint32_t id = sources.add("fixture.json", f.json);
  std::optional<json::Value> root = reader::parse_json(id, sources.text(id), parse_diags);
  ASSERT_TRUE(root);
  for (auto p = paths.rbegin(); p != paths.rend(); ++p) {
    ASSERT_TRUE(remove_path(*root, *p)) << *p << " is not in " << f.json;
  }
  Read without = read(f.name() + "-without", test::json_text(*root));
  ASSERT_TRUE(without.doc) << without.shown;
  EXPECT_TRUE(without.diags.empty()) << without.shown;
  EXPECT_EQ(dump(*r.doc), dump(*without.doc)) << r.shown;
}

INSTANTIATE_TEST_SUITE_P(ResumeSchema, SchemaInvalid,
                         testing::ValuesIn(test::schema_fixtures(false)),
                         test::schema_fixture_param_name);

// The figures, as counted when the fixtures were copied (README.md there): 15 files, 218
// fixtures, 97 of them invalid. Each file holds both kinds. A change of the copy shows here.
TEST(ResumeSchemaFixtures, AllFilesAndKeysAreRead) {
  std::vector<SchemaFixture> all = test::load_schema_fixtures();
  std::set<std::string> files, with_valid, with_invalid;
  std::size_t invalid = 0;
  for (const SchemaFixture& f : all) {
    files.insert(f.file);
    (f.valid ? with_valid : with_invalid).insert(f.file);
    if (!f.valid) ++invalid;
  }
  std::printf("resume-schema fixtures: %zu files, %zu fixtures, %zu valid, %zu invalid\n",
              files.size(), all.size(), all.size() - invalid, invalid);
  EXPECT_EQ(files.size(), test::list_files(test::kSchemaFixtureDir, ".json").size());
  EXPECT_EQ(files.size(), 15u);
  EXPECT_EQ(all.size(), 218u);
  EXPECT_EQ(invalid, 97u);
  EXPECT_EQ(with_valid, files);
  EXPECT_EQ(with_invalid, files);
}

// The helper that the invalid cases rely on: removing a path really removes that value.
TEST(ResumeSchemaFixtures, RemovePathRemovesExactlyThatValue) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id = sources.add("t.json", R"({"a": [1, {"b": null, "c": 2}], "d": 3})");
  std::optional<json::Value> root = reader::parse_json(id, sources.text(id), diags);
  ASSERT_TRUE(root);
  EXPECT_TRUE(remove_path(*root, "$.a[1].b"));
  EXPECT_EQ(test::json_text(*root), R"({"a": [1, {"c": 2}], "d": 3})");
  EXPECT_TRUE(remove_path(*root, "$.a[0]"));
  EXPECT_EQ(test::json_text(*root), R"({"a": [{"c": 2}], "d": 3})");
  EXPECT_FALSE(remove_path(*root, "$.x"));
  EXPECT_FALSE(remove_path(*root, "$.a[5]"));
}

}  // namespace
}  // namespace tailor
