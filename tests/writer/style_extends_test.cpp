// `extends: NAME|FILE`: a style inherits every key it does not set; cycles, unknown bases and
// unreadable bases are located errors; `tailor styles NAME` text parses back to the same style.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "style/describe.hpp"
#include "style/load.hpp"
#include "support/test_support.hpp"

namespace tailor::test {
namespace {

namespace fs = std::filesystem;

class StyleExtends : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tailor-extends-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "sub");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::optional<style::Style> load(const std::string& path) {
    return style::load_style(path, sm_, diags_);
  }
  std::string rendered() { return diag::render_all(diags_, sm_); }

  fs::path dir_;
  model::SourceManager sm_;
  diag::Diagnostics diags_;
};

// Compares every key the describe text lists, which is every key a style file can set.
std::string keys_without_name(const style::Style& s) {
  std::string d = style::describe_style(s);
  return d.substr(d.find("\npaper:"));
}

TEST_F(StyleExtends, DocsExampleRendersAsClassicWithItsOwnKeys) {
  std::string p = write("my.style",
                        "% my.style: classic, but on Letter paper with a green accent\n"
                        "extends: classic\nname: my\npaper: letter\naccent_color: #2E7D32\n");
  auto mine = load(p);
  ASSERT_TRUE(mine) << rendered();
  model::SourceManager sm;
  diag::Diagnostics d;
  auto classic = style::load_style("classic", sm, d);
  ASSERT_TRUE(classic);
  EXPECT_EQ(mine->name, "my");
  EXPECT_EQ(mine->paper, style::Paper::Letter);
  EXPECT_EQ(mine->accent, (style::Color{0x2E, 0x7D, 0x32}));
  // Everything else is classic's: fonts, centred header, sizes, section order.
  style::Style expect = *classic;
  expect.paper = style::Paper::Letter;
  expect.accent = mine->accent;
  EXPECT_EQ(keys_without_name(*mine), keys_without_name(expect));
  EXPECT_EQ(mine->body_font, "Liberation Serif");
  EXPECT_TRUE(mine->header_centered);
}

TEST_F(StyleExtends, ChainsThroughFilesRelativeToTheExtendingFile) {
  write("sub/base.style", "extends: compact\nbody_size: 9.5\n");
  std::string p = write("top.style", "extends: sub/base.style\nname_size: 30\n");
  auto s = load(p);
  ASSERT_TRUE(s) << rendered();
  EXPECT_EQ(s->name, "top");
  EXPECT_EQ(s->name_size, 30);
  EXPECT_EQ(s->body_size, 9.5);
  EXPECT_EQ(s->body_font, "DejaVu Sans Condensed");  // from compact, two levels up
  EXPECT_TRUE(s->entry_inline);
}

TEST_F(StyleExtends, CycleIsALocatedError) {
  write("a.style", "extends: b.style\n");
  std::string b = write("b.style", "name: b\nextends: ./a.style\n");
  EXPECT_FALSE(load(b));
  std::string out = rendered();
  EXPECT_NE(out.find("a.style:1:10: error: styles extend each other in a cycle: b.style -> "
                     "a.style -> b.style"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(" 1 | extends: b.style\n   |          ^~~~~~~"), std::string::npos) << out;
  EXPECT_NE(out.find("hint: "), std::string::npos) << out;
}

TEST_F(StyleExtends, SelfExtensionIsACycle) {
  std::string p = write("self.style", "extends: self.style\n");
  EXPECT_FALSE(load(p));
  EXPECT_NE(rendered().find("self.style:1:10: error: styles extend each other in a cycle: "
                            "self.style -> self.style"),
            std::string::npos)
      << rendered();
}

TEST_F(StyleExtends, UnknownBaseSuggests) {
  std::string p = write("typo.style", "paper: letter\nextends: clasic\n");
  EXPECT_FALSE(load(p));
  std::string out = rendered();
  EXPECT_NE(out.find("typo.style:2:10: error: unknown base style 'clasic'\n"
                     " 2 | extends: clasic\n"
                     "   |          ^~~~~~\n"
                     "hint: did you mean 'classic'?\n"),
            std::string::npos)
      << out;
}

TEST_F(StyleExtends, MissingBaseFileIsLocated) {
  std::string p = write("m.style", "extends: nowhere/gone.style\n");
  EXPECT_FALSE(load(p));
  EXPECT_NE(rendered().find("m.style:1:10: error: cannot read the base style"), std::string::npos)
      << rendered();
}

TEST_F(StyleExtends, ErrorsInTheBaseAreReportedInTheBase) {
  write("bad.style", "body_szie: 10\n");
  std::string p = write("child.style", "extends: bad.style\n");
  EXPECT_FALSE(load(p));
  EXPECT_NE(rendered().find("bad.style:1:1: error: unknown style key 'body_szie'"),
            std::string::npos)
      << rendered();
}

TEST_F(StyleExtends, ExtendsTwiceIsAnError) {
  std::string p = write("twice.style", "extends: classic\nextends: modern\n");
  EXPECT_FALSE(load(p));
  EXPECT_NE(rendered().find("twice.style:2:1: error: 'extends' is set twice"), std::string::npos)
      << rendered();
}

TEST_F(StyleExtends, DescribeParsesBackToTheSameStyle) {
  for (const std::string& name : style::builtin_style_names()) {
    model::SourceManager sm;
    diag::Diagnostics d;
    auto s = style::load_style(name, sm, d);
    ASSERT_TRUE(s) << name;
    std::string text = style::describe_style(*s);
    std::string p = write(name + "-copy.style", text);
    auto again = load(p);
    ASSERT_TRUE(again) << name << "\n" << rendered() << text;
    EXPECT_EQ(style::describe_style(*again), text) << name;
  }
}

}  // namespace
}  // namespace tailor::test
