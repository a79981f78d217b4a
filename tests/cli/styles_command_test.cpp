// `tailor styles [NAME|FILE]`: the list with descriptions, one style's resolved keys, and the
// exit codes of docs/exit-codes.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "style/load.hpp"
#include "support/test_support.hpp"

using tailor::test::run_cli;

TEST(StylesCommand, ListsEveryBuiltinStyleWithItsDescription) {
  auto r = run_cli({"styles"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> names = tailor::style::builtin_style_names();
  ASSERT_GE(names.size(), 6u);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, names.size()) << r.out;
  for (const std::string& n : names) {
    std::size_t at = r.out.find("\n" + n + " ");
    if (r.out.rfind(n + " ", 0) == 0) at = 0;
    ASSERT_NE(at, std::string::npos) << n << "\n" << r.out;
    std::size_t eol = r.out.find('\n', at + 1);
    std::string line = r.out.substr(at == 0 ? 0 : at + 1, eol - (at == 0 ? 0 : at + 1));
    // Name, then a description of a few words.
    EXPECT_GT(line.size(), n.size() + 20) << "no description: " << line;
  }
}

TEST(StylesCommand, ShowsOneStyleResolvedThroughExtends) {
  auto dir = std::filesystem::temp_directory_path() / "tailor-styles-command";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "letter.style").string();
  std::ofstream(path) << "extends: classic\npaper: letter\n";
  auto r = run_cli({"styles", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("name: letter\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("paper: letter\n"), std::string::npos) << r.out;
  // Inherited from classic.
  EXPECT_NE(r.out.find("body_font: Liberation Serif\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("header_align: center\n"), std::string::npos) << r.out;
  std::filesystem::remove_all(dir);

  auto c = run_cli({"styles", "classic"});
  EXPECT_EQ(c.exit_code, 0);
  EXPECT_NE(c.out.find("paper: a4\n"), std::string::npos) << c.out;
}

TEST(StylesCommand, UnknownNameIsAnInputErrorWithSuggestion) {
  auto r = run_cli({"styles", "clasic"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown style 'clasic'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'classic'?"), std::string::npos) << r.err;
}

TEST(StylesCommand, UnreadableFileIsAnIoError) {
  auto r = run_cli({"styles", "no/such/dir/x.style"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
}

TEST(StylesCommand, UnknownOptionIsAUsageError) {
  auto r = run_cli({"styles", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
}
