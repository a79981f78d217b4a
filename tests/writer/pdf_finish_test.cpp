// Typographic finish of the PDF layout (issue 16): no one-word last lines where a better break
// exists, bullets that keep two lines together at a page break.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"
#include "writer/pdf/pdf.hpp"

namespace tailor::test {
namespace {

/// The words of each text line of the summary paragraph, top to bottom.
std::vector<std::size_t> words_per_line(const std::string& resume) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto doc = reader::read_document_bytes("t.resume", resume, sm, diags);
  EXPECT_TRUE(doc) << diag::render_all(diags, sm);
  if (!doc) return {};
  auto st = style::load_style("classic", sm, diags);
  EXPECT_TRUE(st);
  writer::RenderOptions o;
  o.style = &*st;
  writer::pdf::DisplayList dl;
  std::vector<std::string> subsets;
  EXPECT_TRUE(writer::pdf::layout_two_pass(*doc, o, dl, subsets, diags));
  std::map<double, std::string, std::greater<>> lines;  // by baseline, top first
  for (const auto& op : dl.ops) {
    if (op.kind != writer::pdf::Op::Kind::Text || op.page != 1) continue;
    lines[op.y] += " " + op.text;
  }
  std::vector<std::size_t> out;
  bool in_summary = false;
  for (const auto& [y, text] : lines) {
    if (text.find("Summary") != std::string::npos || text.find("SUMMARY") != std::string::npos) {
      in_summary = true;
      continue;
    }
    if (!in_summary) continue;
    std::istringstream in(text);
    std::size_t n = 0;
    for (std::string w; in >> w;) ++n;
    out.push_back(n);
  }
  return out;
}

TEST(PdfFinish, NoOneWordLastLineWhereTheLineAboveCanGiveAWord) {
  // A sample's prose, cut to every length from 12 words on: greedy filling leaves one word
  // alone on the last line for several of these lengths.
  const std::string prose =
      "Backend engineer with nine years on payment systems who designed idempotent APIs in "
      "Go, moved thirty-eight services to Kubernetes with Helm and Argo CD, cut paging noise "
      "by seventy percent with SLO burn-rate alerts and wrote the incident review template "
      "that twelve teams use for every outage they have";
  std::vector<std::string> words;
  std::istringstream in(prose);
  for (std::string w; in >> w;) words.push_back(w);
  std::size_t checked = 0;
  for (std::size_t n = 12; n <= words.size(); ++n) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += (i ? " " : "") + words[i];
    std::vector<std::size_t> lines = words_per_line("name: Ada\n\n== Summary\n" + text + "\n");
    SCOPED_TRACE(std::to_string(n) + " words");
    ASSERT_FALSE(lines.empty());
    if (lines.size() < 2) continue;
    ++checked;
    EXPECT_GE(lines.back(), 2u) << "a one-word last line";
  }
  EXPECT_GE(checked, 10u);
}

}  // namespace
}  // namespace tailor::test
