// Markdown habits in .resume files (issue 16): accepted where their meaning is clear, reported at
// their line with the Tailor spelling otherwise, and never a line reordered or dropped silently.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/reader.hpp"
#include "writer/native/native.hpp"

namespace tailor {
namespace {

struct Read {
  std::optional<model::Document> doc;
  std::string diagnostics;
  std::set<std::uint32_t> warned_lines;  ///< Lines with a diagnostic on them.
  std::size_t errors = 0;
};

Read read(const std::string& bytes, const std::string& name = "t.resume") {
  model::SourceManager sources;
  diag::Diagnostics diags;
  Read r;
  r.doc = reader::read_document_bytes(name, bytes, sources, diags);
  r.diagnostics = diag::render_all(diags, sources);
  r.errors = diags.error_count();
  for (const diag::Diagnostic& d : diags.items()) {
    for (std::uint32_t l = d.span.line; l <= std::max(d.span.line, d.span.end_line); ++l) {
      r.warned_lines.insert(l);
    }
  }
  return r;
}

std::string dump(const Read& r) { return r.doc ? writer::dump_native(*r.doc) : "(no document)"; }

bool has(const Read& r, const std::string& text) {
  return r.diagnostics.find(text) != std::string::npos;
}

/// A node of the model in the order the writers print it, with the source lines it covers.
struct Printed {
  std::uint32_t line;
  std::uint32_t end_line;
  std::string what;
};

std::vector<Printed> print_order(const model::Document& doc) {
  std::vector<Printed> out;
  auto add = [&](const model::SourceSpan& s, std::string what) {
    out.push_back({s.line, std::max(s.line, s.end_line), std::move(what)});
  };
  for (const model::Section& s : doc.sections) {
    add({s.span.file_id, s.span.line, s.span.col, s.span.line, s.span.col}, "section " + s.title);
    for (const model::Block& b : s.blocks) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Paragraph>) {
              add(v.span, "paragraph");
            } else if constexpr (std::is_same_v<T, model::Bullet>) {
              add(v.span, "bullet");
            } else if constexpr (std::is_same_v<T, model::SkillGroup>) {
              add(v.span, "group " + v.label);
            } else {
              // Writers print an entry's heading, then its description, then its bullets.
              add({v.span.file_id, v.span.line, v.span.col, v.span.line, v.span.col},
                  "entry " + v.role);
              for (const model::Paragraph& p : v.description) add(p.span, "description");
              for (const model::Bullet& bl : v.bullets) add(bl.span, "bullet");
            }
          },
          b);
    }
  }
  return out;
}

bool bullet_line(const std::string& line) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string::npos) return false;
  std::string_view t = std::string_view(line).substr(i);
  return t.starts_with("- ") || t.starts_with("* ") || t.starts_with("\xE2\x80\xA2 ");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(MarkdownHabitsCorpus, EveryLineStaysInPlaceOrADiagnosticNamesIt) {
  const std::filesystem::path dir =
      std::filesystem::path(TAILOR_SOURCE_DIR) / "tests/fixtures/markdown-habits";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".resume") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 4u);
  std::size_t bullets_checked = 0;
  for (const auto& path : files) {
    SCOPED_TRACE(path.filename().string());
    std::string text = slurp(path);
    Read r = read(text, path.filename().string());
    ASSERT_TRUE(r.doc) << r.diagnostics;
    EXPECT_EQ(r.errors, 0u) << r.diagnostics;
    std::vector<Printed> order = print_order(*r.doc);

    // 1. Printed in source order, except where a diagnostic explains the move: at the line
    // printed too late, or at the line printed ahead of it.
    std::uint32_t last = 0;
    for (const Printed& p : order) {
      if (p.line < last) {
        EXPECT_TRUE(r.warned_lines.count(p.line) || r.warned_lines.count(last))
            << p.what << " at line " << p.line << " prints after line " << last
            << " without a diagnostic\n"
            << dump(r) << r.diagnostics;
      }
      last = std::max(last, p.line);
    }

    // 2. Every line of content after the header reaches the model, or a diagnostic names it.
    std::vector<std::string> lines = lines_of(text);
    std::uint32_t first_section = order.empty() ? 0 : order.front().line;
    for (std::uint32_t n = first_section; n <= lines.size(); ++n) {
      const std::string& l = lines[n - 1];
      std::size_t i = l.find_first_not_of(" \t");
      if (i == std::string::npos || l[i] == '%') continue;
      bool covered = std::any_of(order.begin(), order.end(),
                                 [&](const Printed& p) { return p.line <= n && n <= p.end_line; });
      EXPECT_TRUE(covered || r.warned_lines.count(n))
          << "line " << n << " '" << l << "' is in no model node and has no diagnostic\n"
          << dump(r);
    }

    // 3. Every bullet line starts a bullet (or a skill group in a skills-like section).
    for (std::uint32_t n = 1; n <= lines.size(); ++n) {
      if (!bullet_line(lines[n - 1])) continue;
      ++bullets_checked;
      bool starts = std::any_of(order.begin(), order.end(), [&](const Printed& p) {
        return p.line == n && (p.what == "bullet" || p.what.starts_with("group"));
      });
      EXPECT_TRUE(starts || r.warned_lines.count(n))
          << "bullet line " << n << " '" << lines[n - 1] << "' starts no bullet\n"
          << dump(r) << r.diagnostics;
    }
  }
  EXPECT_GE(bullets_checked, 30u);
}

TEST(MarkdownHabits, StarAndBulletCharacterBulletsAreBullets) {
  Read r = read(
      "name: Ada\n\n== Experience\n=== E | A | | 2021\n* First thing\n\xE2\x80\xA2 Second thing\n"
      "- Third thing\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& e = std::get<model::Entry>(r.doc->sections[0].blocks[0]);
  ASSERT_EQ(e.bullets.size(), 3u) << dump(r);
  EXPECT_EQ(model::plain_text(e.bullets[0].text), "First thing");
  EXPECT_EQ(model::plain_text(e.bullets[1].text), "Second thing");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics;
  // "*italic* at the start" is not a bullet: the star needs a blank after it.
  Read it = read("name: Ada\n\n== Summary\n*Calm* under pressure.\n");
  ASSERT_TRUE(it.doc) << it.diagnostics;
  EXPECT_TRUE(std::holds_alternative<model::Paragraph>(it.doc->sections[0].blocks[0]));
}

TEST(MarkdownHabits, HashHeadingsAreSectionsAndEntries) {
  Read r = read(
      "name: Ada\n\n## Experience\n### Engineer | Babbage & Co | London | 1842 – 1843\n- Notes\n"
      "# Education\n### Mathematics | Home | | 1830\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  ASSERT_EQ(r.doc->sections.size(), 2u) << dump(r);
  EXPECT_EQ(r.doc->sections[0].kind, model::SectionKind::Experience);
  EXPECT_EQ(r.doc->sections[1].kind, model::SectionKind::Education);
  const auto& e = std::get<model::Entry>(r.doc->sections[0].blocks[0]);
  EXPECT_EQ(e.organisation, "Babbage & Co");
  EXPECT_EQ(e.bullets.size(), 1u);
  // "#hashtag" and "##text" without a blank are text.
  Read t = read("name: Ada\n\n== Summary\n#1 in sales\n##notaheading\n");
  ASSERT_TRUE(t.doc) << t.diagnostics;
  EXPECT_EQ(t.doc->sections.size(), 1u) << dump(t);
}

TEST(MarkdownHabits, TooManyHashesIsALocatedError) {
  Read r = read("name: Ada\n\n## Experience\n#### Deep\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(has(r, "t.resume:4:1: error: too many '#'")) << r.diagnostics;
}

TEST(MarkdownHabits, HashNameAtTheTopIsTheName) {
  Read r = read("# Ada Lovelace\nemail: ada@example.org\n\n## Summary\nAnalyst.\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_EQ(r.doc->header.name.value, "Ada Lovelace");
  EXPECT_EQ(r.doc->header.email.value, "ada@example.org");
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics;
  // Once the name is known, or when the title is a standard one, "# Title" is a section.
  Read s = read("# Ada Lovelace\nemail: ada@example.org\n# Experience\n### E | A | | 2021\n");
  ASSERT_TRUE(s.doc) << s.diagnostics;
  ASSERT_EQ(s.doc->sections.size(), 1u) << dump(s);
  EXPECT_EQ(s.doc->sections[0].kind, model::SectionKind::Experience);
  Read t = read("# Summary\nAnalyst.\n");
  ASSERT_TRUE(t.doc) << t.diagnostics;
  EXPECT_TRUE(t.doc->header.name.empty());
  ASSERT_EQ(t.doc->sections.size(), 1u) << dump(t);
  EXPECT_TRUE(has(t, "the header has no 'name:' field")) << t.diagnostics;
}

TEST(MarkdownHabits, UnindentedSecondLineContinuesTheBullet) {
  Read r = read(
      "name: Ada\n\n== Experience\n=== E | A | | 2021\n- Cut paging noise by 70%\nwith SLO "
      "alerts\n- Second\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& e = std::get<model::Entry>(r.doc->sections[0].blocks[0]);
  EXPECT_TRUE(e.description.empty()) << dump(r);
  ASSERT_EQ(e.bullets.size(), 2u) << dump(r);
  EXPECT_EQ(model::plain_text(e.bullets[0].text), "Cut paging noise by 70% with SLO alerts");
  EXPECT_EQ(e.bullets[0].span.end_line, 6u);
}

TEST(MarkdownHabits, ParagraphAfterBulletsWarnsAtItsLine) {
  Read r = read("name: Ada\n\n== Experience\n=== E | A | | 2021\n- One\n\nTools: Go, Rust\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_TRUE(has(r,
                  "t.resume:7:1: warning: this paragraph follows the entry's bullets but prints "
                  "above them"))
      << r.diagnostics;
  EXPECT_TRUE(has(r, "'- Tools: Go, Rust'")) << r.diagnostics;
  // Above the bullets it is a description, as before, and nothing is said.
  Read ok = read("name: Ada\n\n== Experience\n=== E | A | | 2021\nTools: Go\n- One\n");
  EXPECT_TRUE(ok.diagnostics.empty()) << ok.diagnostics;
}

TEST(MarkdownHabits, DashWithoutSpaceWarnsWithTheTailorSpelling) {
  Read r = read("name: Ada\n\n== Experience\n=== E | A | | 2021\n-Ran the on-call rotation\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_TRUE(has(r, "t.resume:5:1: warning: '-' without a space is text, not a bullet"))
      << r.diagnostics;
  EXPECT_TRUE(has(r, "hint: write '- Ran the on-call rotation' for a bullet")) << r.diagnostics;
  // Escaped, it is deliberate text and nothing is said.
  Read esc = read("name: Ada\n\n== Summary\n\\-40% latency\n");
  EXPECT_TRUE(esc.diagnostics.empty()) << esc.diagnostics;
}

TEST(MarkdownHabits, OtherBulletMarksAndNumbersWarnAtTheirLine) {
  Read r = read("name: Ada\n\n== Talks\n+ One\n\xE2\x80\x93 Two\n1. Three\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_TRUE(has(r, "t.resume:4:1: warning: '+' is not a bullet marker")) << r.diagnostics;
  EXPECT_TRUE(has(r, "t.resume:5:1: warning: '\xE2\x80\x93' is not a bullet marker"))
      << r.diagnostics;
  EXPECT_TRUE(has(r, "t.resume:6:1: warning: a numbered line is text, not a bullet"))
      << r.diagnostics;
  EXPECT_TRUE(has(r, "hint: write '- Three'")) << r.diagnostics;
}

TEST(MarkdownHabits, MarkdownRuleIsDroppedWithAWarning) {
  Read r = read("name: Ada\n\n== Summary\nOne.\n---\nTwo.\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_TRUE(has(r, "t.resume:5:1: warning: a Markdown rule ('---') is not printed"))
      << r.diagnostics;
  ASSERT_EQ(r.doc->sections[0].blocks.size(), 2u) << dump(r);
}

TEST(MarkdownHabits, NestedBulletIsABulletOfItsOwnWithAWarning) {
  Read r = read("name: Ada\n\n== Experience\n=== E | A | | 2021\n- Parent\n  - Child\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& e = std::get<model::Entry>(r.doc->sections[0].blocks[0]);
  ASSERT_EQ(e.bullets.size(), 2u) << dump(r);
  EXPECT_EQ(model::plain_text(e.bullets[1].text), "Child");
  EXPECT_TRUE(has(r, "t.resume:6:3: warning: an indented bullet is printed as a bullet of its own"))
      << r.diagnostics;
}

TEST(MarkdownHabits, SkillsWrittenAsBulletsStaySkills) {
  Read r = read(
      "name: Ada\n\n== Skills\n* **Languages:** Go, Python\n- Infrastructure: Kubernetes, AWS "
      "(EKS, RDS)\n- Prometheus, Grafana\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  const auto& blocks = r.doc->sections[0].blocks;
  ASSERT_EQ(blocks.size(), 3u) << dump(r);
  const auto& g0 = std::get<model::SkillGroup>(blocks[0]);
  EXPECT_EQ(g0.label, "Languages");
  ASSERT_EQ(g0.items.size(), 2u);
  EXPECT_EQ(g0.items[0].name, "Go");
  EXPECT_EQ(std::get<model::SkillGroup>(blocks[1]).items[1].name, "AWS (EKS, RDS)");
  const auto& g2 = std::get<model::SkillGroup>(blocks[2]);
  EXPECT_EQ(g2.label, "");
  EXPECT_EQ(g2.items.size(), 2u);
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics;
}

TEST(MarkdownHabits, UnlabelledSkillLinesStaySkills) {
  Read r =
      read("name: Ada\n\n== Skills\nGo, Python, C++\nKubernetes\n\n== Languages\n- English (C1)\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  ASSERT_EQ(r.doc->sections[0].blocks.size(), 2u) << dump(r);
  EXPECT_EQ(std::get<model::SkillGroup>(r.doc->sections[0].blocks[0]).items.size(), 3u);
  EXPECT_EQ(std::get<model::SkillGroup>(r.doc->sections[0].blocks[1]).items[0].name, "Kubernetes");
  EXPECT_EQ(std::get<model::SkillGroup>(r.doc->sections[1].blocks[0]).items[0].name,
            "English (C1)");
}

TEST(MarkdownHabits, LongUnlabelledSkillLineWarnsThatItIsAParagraph) {
  Read r = read(
      "name: Ada\n\n== Skills\nLanguages: Go\nKubernetes and Terraform and a lot of AWS work\n");
  ASSERT_TRUE(r.doc) << r.diagnostics;
  EXPECT_TRUE(std::holds_alternative<model::Paragraph>(r.doc->sections[0].blocks[1])) << dump(r);
  EXPECT_TRUE(has(r,
                  "t.resume:5:1: warning: a line without a 'Label:' in a Skills section is "
                  "printed as a paragraph"))
      << r.diagnostics;
  // A sentence is prose on purpose: kept as a paragraph, nothing said.
  Read s = read("name: Ada\n\n== Skills\nI enjoy low-latency networking and kernel work.\n");
  ASSERT_TRUE(s.doc) << s.diagnostics;
  EXPECT_TRUE(std::holds_alternative<model::Paragraph>(s.doc->sections[0].blocks[0])) << dump(s);
  EXPECT_TRUE(s.diagnostics.empty()) << s.diagnostics;
}

}  // namespace
}  // namespace tailor
