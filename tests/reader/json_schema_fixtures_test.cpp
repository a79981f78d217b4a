// JSON Resume's schema, field by field (tests/fixtures/jsonresume/schema/, written by its
// make_fixtures.py): a document where a field holds its type reads clean; a document where it
// holds any other JSON type, null included, reads with a warning naming the field's JSON path
// and no error, the value being read as absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "support/test_support.hpp"

namespace tailor {
namespace {

namespace fs = std::filesystem;

const std::string kDir = "tests/fixtures/jsonresume/schema/";

std::string case_name(const testing::TestParamInfo<std::string>& info) {
  std::string s = fs::path(info.param).stem().string();
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

class ValidField : public testing::TestWithParam<std::string> {};

TEST_P(ValidField, ReadsWithoutAnyDiagnostic) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(GetParam()), sources, diags);
  EXPECT_TRUE(doc) << diag::render_all(diags, sources);
  EXPECT_TRUE(diags.empty()) << diag::render_all(diags, sources);
}

INSTANTIATE_TEST_SUITE_P(Schema, ValidField,
                         testing::ValuesIn(test::list_files(kDir + "valid", ".json")), case_name);

/// cases.tsv: the JSON path each invalid case must name.
std::map<std::string, std::string> expected_paths() {
  std::map<std::string, std::string> out;
  std::ifstream in(test::source_path(kDir + "cases.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

class WrongType : public testing::TestWithParam<std::string> {};

TEST_P(WrongType, WarnsWithItsJsonPathAndReadsTheRest) {
  static const std::map<std::string, std::string> kPaths = expected_paths();
  std::string file = fs::path(GetParam()).filename().string();
  auto it = kPaths.find(file);
  ASSERT_NE(it, kPaths.end()) << file << " is not in cases.tsv";
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document(test::source_path(GetParam()), sources, diags);
  std::string shown = diag::render_all(diags, sources);
  ASSERT_TRUE(doc) << shown;
  EXPECT_EQ(diags.error_count(), 0u) << shown;
  bool named = false;
  for (const diag::Diagnostic& d : diags.items()) {
    // "$.work[0].url: expected a string, found null; it is read as absent", located.
    if (d.severity == diag::Severity::Warning &&
        d.message.rfind(it->second + ": expected", 0) == 0 && d.span.line > 0) {
      named = true;
    }
  }
  EXPECT_TRUE(named) << "no located warning for " << it->second << "\n" << shown;
}

INSTANTIATE_TEST_SUITE_P(Schema, WrongType,
                         testing::ValuesIn(test::list_files(kDir + "invalid", ".json")), case_name);

TEST(SchemaFixtures, CoverEveryCaseListed) {
  EXPECT_EQ(expected_paths().size(), test::list_files(kDir + "invalid", ".json").size());
  EXPECT_GE(test::list_files(kDir + "valid", ".json").size(), 80u);
}

}  // namespace
}  // namespace tailor
