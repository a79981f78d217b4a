// The one diagnostic renderer: path:line:col, the source line, a caret by code point, hints.
#include <gtest/gtest.h>

#include "diag/diagnostic.hpp"

using namespace tailor;

TEST(DiagnosticRender, CaretCountsCodePointsNotBytes) {
  model::SourceManager sm;
  auto id = sm.add("cv.resume", "name: x\nlocation: Bakı, Azərbaycan !!\n");
  diag::Diagnostics ds;
  // "location: Bakı, Azərbaycan " is 27 code points; '?' is column 28.
  ds.error({id, 2, 28, 2, 30}, "unexpected '!!'").hints.push_back("remove them");
  EXPECT_EQ(diag::render_all(ds, sm),
            "cv.resume:2:28: error: unexpected '!!'\n"
            " 2 | location: Bakı, Azərbaycan !!\n"
            "   |                            ^~\n"
            "hint: remove them\n");
}

TEST(DiagnosticRender, ShortFormatIsOneLine) {
  model::SourceManager sm;
  auto id = sm.add("a.resume", "x\n");
  diag::Diagnostics ds;
  ds.warning({id, 1, 1, 1, 2}, "odd");
  EXPECT_EQ(diag::render_all(ds, sm, diag::Format::Short), "a.resume:1:1: warning: odd\n");
}

TEST(DiagnosticRender, FileLevelErrorHasPathOnly) {
  model::SourceManager sm;
  diag::Diagnostic d;
  d.path = "missing.resume";
  d.message = "cannot read file: No such file or directory";
  EXPECT_EQ(diag::render(d, sm),
            "missing.resume: error: cannot read file: No such file or directory\n");
}
