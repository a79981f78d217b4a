// Golden layout dumps (positioned text runs) for every sample in every built-in style.
#include <gtest/gtest.h>

#include <filesystem>

#include "reader/reader.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"
#include "transform/basic.hpp"
#include "writer/pdf/pdf.hpp"

namespace tailor::test {
namespace {

namespace fs = std::filesystem;

TEST(PdfLayout, EverySampleInEveryStyleMatchesItsGolden) {
  if (!fs::exists(source_path("samples"))) GTEST_SKIP() << "no samples/ yet";
  std::vector<std::string> samples = list_files("samples", ".resume");
  ASSERT_FALSE(samples.empty());
  for (const std::string& sample : samples) {
    std::string stem = fs::path(sample).stem().string();
    for (const char* name : {"classic", "modern", "compact"}) {
      SCOPED_TRACE(stem + "-" + name);
      model::SourceManager sm;
      diag::Diagnostics diags;
      auto st = style::load_style(name, sm, diags);
      ASSERT_TRUE(st.has_value());
      auto doc = reader::read_document(
          source_path("samples/" + fs::path(sample).filename().string()), sm, diags);
      ASSERT_TRUE(doc.has_value()) << diag::render_all(diags, sm);
      // As `tailor build` does: no role selected, the style's section order.
      transform::select_variants(*doc, {});
      transform::order_sections(*doc, st->section_order);
      writer::RenderOptions o;
      o.style = &*st;
      writer::pdf::DisplayList dl;
      std::vector<std::string> subsets;
      ASSERT_TRUE(writer::pdf::layout_two_pass(*doc, o, dl, subsets, diags))
          << diag::render_all(diags, sm);
      EXPECT_EQ(diags.warning_count(), 0u) << diag::render_all(diags, sm);
      EXPECT_EQ(compare_golden("layout/" + stem + "-" + name + ".txt", dl.dump()), "");
    }
  }
}

}  // namespace
}  // namespace tailor::test
