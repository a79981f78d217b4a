// Pagination of blocks taller than a page: keep-with-next gives up, and the block is split.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "style/load.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/pdf_fixtures.hpp"

namespace tailor::test {
namespace {

/// `n` words drawn from a small vocabulary with a fixed seed, so lines vary in length.
std::string words(int n, unsigned seed) {
  static const char* vocab[] = {"the",   "service", "handled",  "requests", "across",  "regions",
                                "while", "every",   "engineer", "reviewed", "latency", "under",
                                "load",  "and",     "measured", "payments", "ledger",  "a"};
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(vocab) - 1);
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ' ';
    out += vocab[pick(rng)];
  }
  return out;
}

/// A header, a one-line summary, one job whose first bullet has `bullet_words` words, a
/// short second bullet, and an education entry.
model::Document long_bullet_resume(int bullet_words, unsigned seed) {
  using namespace model;
  Document doc;
  doc.header.name.value = "Long Bullet Person";
  doc.header.headline.value = "Backend Engineer";
  Section summary;
  summary.kind = SectionKind::Summary;
  summary.title = "Summary";
  Paragraph p;
  p.text.push_back(run("Short summary line."));
  summary.blocks.push_back(p);
  doc.sections.push_back(summary);
  Section exp;
  exp.kind = SectionKind::Experience;
  exp.title = "Experience";
  Entry e;
  e.role = "Engineer";
  e.organisation = "Acme";
  e.dates.start = ym(2020, 1);
  e.bullets.push_back(bullet({run(words(bullet_words, seed))}));
  e.bullets.push_back(bullet({run("A short second bullet.")}));
  exp.blocks.push_back(e);
  doc.sections.push_back(exp);
  Section edu;
  edu.kind = SectionKind::Education;
  edu.title = "Education";
  Entry school;
  school.role = "BSc";
  school.organisation = "University";
  edu.blocks.push_back(school);
  doc.sections.push_back(edu);
  return doc;
}

struct Laid {
  writer::pdf::DisplayList dl;
  int text_lines = 0;
};

Laid lay_out(const model::Document& doc, const char* style_name) {
  model::SourceManager sm;
  diag::Diagnostics diags;
  auto st = style::load_style(style_name, sm, diags);
  EXPECT_TRUE(st.has_value());
  writer::RenderOptions o;
  o.style = &*st;
  Laid l;
  std::vector<std::string> subsets;
  EXPECT_TRUE(writer::pdf::layout_two_pass(doc, o, l.dl, subsets, diags));
  return l;
}

/// The pages that carry text, counting running heads out (they repeat the name).
int text_pages(const writer::pdf::DisplayList& dl) {
  int last = 0;
  for (const auto& op : dl.ops) {
    if (op.kind == writer::pdf::Op::Kind::Text && !op.text.empty()) last = std::max(last, op.page);
  }
  return last;
}

bool page_has(const writer::pdf::DisplayList& dl, int page, const std::string& text) {
  return std::any_of(dl.ops.begin(), dl.ops.end(), [&](const writer::pdf::Op& op) {
    return op.page == page && op.text.find(text) != std::string::npos;
  });
}

// A 1,000-word bullet used to chain every one of its lines to the entry heading and to the
// section heading, so each line went to a page of its own (18 pages) and the name stood
// alone on page 1.
TEST(PdfPagination, BulletTallerThanAPageIsSplitAcrossPages) {
  for (const char* style_name : {"classic", "modern", "compact"}) {
    for (unsigned seed : {1u, 2u, 3u}) {
      SCOPED_TRACE(std::string(style_name) + " seed " + std::to_string(seed));
      Laid l = lay_out(long_bullet_resume(1000, seed), style_name);
      // About 7,000 characters at roughly 95 characters a line and 50 lines a page: the
      // bullet needs two pages or so, never ten.
      EXPECT_LE(l.dl.pages, 4);
      // The experience section and the start of the bullet share page 1 with the name.
      EXPECT_TRUE(page_has(l.dl, 1, "Long Bullet Person"));
      EXPECT_TRUE(page_has(l.dl, 1, "Engineer"));
      EXPECT_TRUE(page_has(l.dl, 1, words(3, seed)));
      // Nothing runs below the bottom margin.
      for (const auto& op : l.dl.ops) {
        if (op.kind == writer::pdf::Op::Kind::Text) {
          EXPECT_GT(op.y, 0.0) << op.text;
        }
      }
    }
  }
}

// 60 KB in one bullet made 518 pages: one line a page.
TEST(PdfPagination, SixtyKilobyteBulletFillsItsPages) {
  model::Document doc = long_bullet_resume(9000, 7);
  Laid l = lay_out(doc, "classic");
  std::size_t chars = 0;
  for (const auto& op : l.dl.ops) {
    if (op.kind == writer::pdf::Op::Kind::Text) chars += op.text.size();
  }
  ASSERT_GT(chars, 55000u);
  // Every page but the last is at least half full of the bullet's text.
  EXPECT_LE(l.dl.pages, 20);
  EXPECT_EQ(text_pages(l.dl), l.dl.pages);
}

// Blocks that fit on a page keep their keep-with-next: a section heading is never left at
// the foot of a page without the entry that follows it.
TEST(PdfPagination, HeadingStaysWithItsEntryWhenTheEntryFits) {
  model::Document doc = sample_resume(12, 5);
  Laid l = lay_out(doc, "classic");
  ASSERT_GT(l.dl.pages, 1);
  for (const auto& s : doc.sections) {
    for (int page = 1; page <= l.dl.pages; ++page) {
      if (!page_has(l.dl, page, s.title)) continue;
      // The last text op of the page is not the heading.
      const writer::pdf::Op* last = nullptr;
      for (const auto& op : l.dl.ops) {
        if (op.page == page && op.kind == writer::pdf::Op::Kind::Text && !op.text.empty()) {
          last = &op;
        }
      }
      ASSERT_NE(last, nullptr);
      EXPECT_EQ(last->text.find(s.title), std::string::npos) << "page " << page;
    }
  }
}

TEST(PdfPagination, EntryHeadingKeepsTwoItemsOnItsPage) {
  // Page breaks land at many places as the number of jobs and bullets varies; wherever an
  // entry of two or more bullets starts on a page, its first two bullets start there too.
  std::size_t checked = 0;
  for (int jobs = 6; jobs <= 16; ++jobs) {
    for (int bullets = 2; bullets <= 3; ++bullets) {
      model::Document doc = sample_resume(jobs, bullets);
      for (auto& s : doc.sections) {
        int n = 0;
        for (auto& b : s.blocks) {
          if (auto* e = std::get_if<model::Entry>(&b); e && e->bullets.size() >= 2) {
            e->role = "ROLEMARK " + std::to_string(n++);
          }
        }
      }
      Laid l = lay_out(doc, "classic");
      SCOPED_TRACE(std::to_string(jobs) + " jobs, " + std::to_string(bullets) + " bullets");
      for (int page = 1; page <= l.dl.pages; ++page) {
        int signs_after_last_heading = -1;
        for (const auto& op : l.dl.ops) {
          if (op.page != page || op.kind != writer::pdf::Op::Kind::Text) continue;
          if (op.text.rfind("ROLEMARK", 0) == 0) {
            signs_after_last_heading = 0;
          } else if (signs_after_last_heading >= 0 && op.text == "\u2022") {
            ++signs_after_last_heading;
          }
        }
        if (signs_after_last_heading < 0) continue;
        ++checked;
        EXPECT_GE(signs_after_last_heading, 2) << "page " << page;
      }
    }
  }
  EXPECT_GE(checked, 20u);
}

}  // namespace
}  // namespace tailor::test
