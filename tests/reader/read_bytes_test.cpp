// reader::read_document_bytes (the fuzzers' way in) must behave exactly like read_document.
#include <gtest/gtest.h>

#include "reader/reader.hpp"
#include "support/test_support.hpp"
#include "writer/writer.hpp"

using namespace tailor;

namespace {

/// The native dump and the rendered diagnostics of one read.
std::string outcome(const std::optional<model::Document>& doc, const diag::Diagnostics& diags,
                    const model::SourceManager& sources) {
  std::string out = diag::render_all(diags, sources);
  if (doc) {
    style::Style style;
    writer::RenderOptions options;
    options.style = &style;
    std::string native;
    diag::Diagnostics write_diags;
    EXPECT_TRUE(writer::find_writer("native")->write(*doc, options, native, write_diags));
    out += native;
  }
  return out;
}

void expect_same_as_file(const std::string& relative) {
  SCOPED_TRACE(relative);
  std::string path = test::source_path(relative);
  model::SourceManager from_file_sources, from_bytes_sources;
  diag::Diagnostics from_file_diags, from_bytes_diags;
  auto from_file = reader::read_document(path, from_file_sources, from_file_diags);
  auto from_bytes =
      reader::read_document_bytes(path, test::slurp(path), from_bytes_sources, from_bytes_diags);
  EXPECT_EQ(from_file.has_value(), from_bytes.has_value());
  EXPECT_EQ(outcome(from_file, from_file_diags, from_file_sources),
            outcome(from_bytes, from_bytes_diags, from_bytes_sources));
}

}  // namespace

TEST(ReadDocumentBytes, MatchesReadDocumentForEverySample) {
  for (const std::string& f : test::list_files("samples", ".resume")) expect_same_as_file(f);
  expect_same_as_file("tests/fixtures/jsonresume/sample.resume.json");
}

TEST(ReadDocumentBytes, MatchesReadDocumentForEveryErrorCase) {
  for (const std::string& f : test::list_files("tests/golden/errors", ".resume")) {
    expect_same_as_file(f);
  }
}

TEST(ReadDocumentBytes, LocatesAnInvalidByteAndNormalisesCrlfAndBom) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes("mem.resume", "\xEF\xBB\xBFname: A\r\n\r\n== S\xFF\r\n",
                                         sources, diags);
  EXPECT_FALSE(doc);
  EXPECT_EQ(diag::render_all(diags, sources, diag::Format::Short),
            "mem.resume:3:5: error: invalid UTF-8 byte 0xFF\n");
}

TEST(ReadDocumentBytes, TheNamePicksTheFormat) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  auto doc =
      reader::read_document_bytes("mem.json", R"({"basics": {"name": "Ləman"}})", sources, diags);
  ASSERT_TRUE(doc) << diag::render_all(diags, sources);
  EXPECT_EQ(doc->header.name.value, "Ləman");
}
