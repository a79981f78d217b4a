// Golden tests for the DOCX writer: every part of the package, canonicalised (sorted
// attributes, pretty-printed), against tests/golden/docx/<case>/<part path>.
// UPDATE_GOLDEN=1 rewrites them for review with git diff.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>

#include "model/source_manager.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"
#include "writer/docx/docx.hpp"
#include "writer/docx_canonical.hpp"
#include "writer/docx_fixtures.hpp"

namespace tailor::test {
namespace {

namespace fx = docx_fixtures;

struct GoldenCase {
  const char* name;
  std::function<model::Document()> doc;
  std::function<style::Style()> style;
  std::function<void(writer::RenderOptions&)> tweak;
};

std::string describe(const diag::Diagnostics& diags) {
  std::string out;
  for (const diag::Diagnostic& d : diags.items()) {
    out += d.severity == diag::Severity::Error ? "error " : "warning ";
    out += std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " + d.message + "\n";
    for (const std::string& h : d.hints) out += "  hint: " + h + "\n";
  }
  return out;
}

/// A shipped style, as `--style NAME` loads it.
std::function<style::Style()> shipped(const char* name) {
  return [name] {
    model::SourceManager sources;
    diag::Diagnostics diags;
    std::optional<style::Style> st = style::load_style(name, sources, diags);
    EXPECT_TRUE(st.has_value()) << describe(diags);
    return st.value_or(style::Style{});
  };
}

// gtest prints the case by name instead of dumping its bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

class DocxGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(DocxGolden, EveryPartMatchesAfterCanonicalising) {
  const GoldenCase& c = GetParam();
  style::Style st = c.style();
  writer::RenderOptions options;
  options.style = &st;
  if (c.tweak) c.tweak(options);
  diag::Diagnostics diags;
  auto package = writer::docx::build_package(c.doc(), options, diags);
  ASSERT_TRUE(package.has_value()) << describe(diags);
  std::string dir = std::string("docx/") + c.name + "/";
  std::string listing;
  for (const writer::docx::Part& p : *package) {
    listing += p.name + "  " + p.content_type + "\n";
    std::string canon = canonical_xml(p.data);
    EXPECT_EQ(canon.rfind("PARSE ERROR", 0), std::string::npos) << p.name << ": " << canon;
    EXPECT_EQ(compare_golden(dir + p.name, canon), "");
  }
  EXPECT_EQ(compare_golden(dir + "parts.txt", listing), "");
  EXPECT_EQ(compare_golden(dir + "diagnostics.txt", describe(diags)), "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DocxGolden,
    ::testing::Values(GoldenCase{"classic-aysel", fx::aysel, fx::classic,
                                 [](writer::RenderOptions& o) {
                                   o.source_date_epoch = 1714564800;
                                 }},
                      GoldenCase{"modern-aysel", fx::aysel, fx::modern, nullptr},
                      // The two-column layouts' borderless tables; in the date column, no row
                      // kept with the next (LibreOffice moved chained tables to a new page).
                      GoldenCase{"sidebar-aysel", fx::aysel, shipped("sidebar"), nullptr},
                      GoldenCase{"datecolumn-aysel", fx::aysel, shipped("datecolumn"), nullptr},
                      // The contact line's explicit breaks (w:br) between whole items.
                      GoldenCase{"classic-long-contact", fx::long_contact, fx::classic, nullptr},
                      GoldenCase{"compact-hostile", fx::hostile, fx::compact,
                                 [](writer::RenderOptions& o) {
                                   o.paper =
                                       style::Paper::A4;  // --paper overrides the style's Letter
                                   o.spacing_scale = 0.8;
                                   o.font_scale = 0.9;
                                   o.source_date_epoch = 0;
                                 }}),
    [](const ::testing::TestParamInfo<GoldenCase>& param_info) {
      std::string n = param_info.param.name;
      for (char& ch : n) {
        if (ch == '-') ch = '_';
      }
      return n;
    });

}  // namespace
}  // namespace tailor::test
