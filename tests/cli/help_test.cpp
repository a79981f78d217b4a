// Help, man page and completions come from the same option declarations: every option a
// command declares appears in each, with a metavariable instead of "arg".
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "cli/help.hpp"
#include "cli/man_page.hpp"
#include "support/test_support.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {
namespace {

using test::run_cli;

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

TEST(Help, EveryCommandHasMetavariablesAndExamples) {
  for (const Command& c : commands()) {
    test::CliResult r = run_cli({c.name, "--help"});
    EXPECT_EQ(r.exit_code, 0) << c.name;
    EXPECT_FALSE(has(r.out, " arg")) << c.name << ":\n" << r.out;
    EXPECT_TRUE(has(r.out, "\nExamples:\n  # ")) << c.name << ":\n" << r.out;
    CommandHelp h = describe(c);
    EXPECT_FALSE(h.options.empty()) << c.name;
    for (const OptionHelp& o : h.options) {
      EXPECT_TRUE(has(r.out, option_label(o))) << c.name << " lacks " << option_label(o);
    }
  }
}

TEST(Help, HelpCommandEqualsCommandHelp) {
  test::CliResult a = run_cli({"help", "match"}), b = run_cli({"match", "--help"});
  EXPECT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_TRUE(has(a.out, "Usage: tailor match"));
}

TEST(Help, BuildHelpListsFormatsStylesAndDefaults) {
  test::CliResult r = run_cli({"build", "--help"});
  for (const writer::WriterInfo& w : writer::writers()) {
    EXPECT_TRUE(has(r.out, "\n  " + std::string(w.name) + " ")) << w.name;
  }
  for (const char* style : {"classic", "compact", "modern"}) EXPECT_TRUE(has(r.out, style));
  EXPECT_TRUE(has(r.out, "--style NAME")) << r.out;
  EXPECT_TRUE(has(r.out, "(default: classic)")) << r.out;
  EXPECT_TRUE(has(r.out, "the output is text, on standard output")) << r.out;
}

TEST(Help, MistypedCommandAndOptionSuggestTheNearest) {
  test::CliResult r = run_cli({"buidl", "cv.resume"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown command 'buidl'; did you mean 'build'?")) << r.err;
  r = run_cli({"help", "mach"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "did you mean 'match'?")) << r.err;
  r = run_cli({"build", "--stlye", "modern", "samples/aysel.resume"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "did you mean '--style'?")) << r.err;
  EXPECT_TRUE(has(r.err, "Try 'tailor build --help'")) << r.err;
  r = run_cli({"zzzzzz"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(has(r.err, "did you mean")) << r.err;
}

TEST(Help, ShortVersionFlag) {
  test::CliResult a = run_cli({"-V"}), b = run_cli({"--version"});
  EXPECT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_TRUE(has(a.out, "tailor ")) << a.out;
}

TEST(Help, ManPageAndCompletionsCoverEveryOption) {
  std::string man = man_page();
  test::CliResult bash = run_cli({"completion", "bash"}), zsh = run_cli({"completion", "zsh"}),
                  fish = run_cli({"completion", "fish"});
  ASSERT_EQ(bash.exit_code, 0);
  ASSERT_EQ(zsh.exit_code, 0);
  ASSERT_EQ(fish.exit_code, 0);
  EXPECT_EQ(run_cli({"completion", "tcsh"}).exit_code, 2);
  auto roff = [](const std::string& s) {  // roff spells a hyphen in text as \-
    std::string out;
    for (char ch : s) out += ch == '-' ? std::string("\\-") : std::string(1, ch);
    return out;
  };
  for (const Command& c : commands()) {
    EXPECT_TRUE(has(man, ".SS tailor " + roff(c.name))) << c.name;
    EXPECT_TRUE(has(bash.out, "    " + std::string(c.name) + ")")) << c.name;
    EXPECT_TRUE(has(fish.out, "-a " + std::string(c.name) + " -d")) << c.name;
    for (const OptionHelp& o : describe(c).options) {
      EXPECT_TRUE(has(man, "\\fB" + roff(o.long_name) + "\\fR")) << c.name << " " << o.long_name;
      EXPECT_TRUE(has(bash.out, o.long_name)) << c.name << " " << o.long_name;
      EXPECT_TRUE(has(zsh.out, "'" + o.long_name)) << c.name << " " << o.long_name;
      EXPECT_TRUE(has(fish.out, "-l " + o.long_name.substr(2) + " "))
          << c.name << " " << o.long_name;
    }
  }
  EXPECT_FALSE(has(man, "(=")) << "program_options syntax leaked into the man page";
}

TEST(Help, ShellsAcceptTheCompletionScripts) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tailor-completion-syntax";
  fs::create_directories(dir);
  for (const char* shell : {"bash", "zsh", "fish"}) {
    std::string path = (dir / shell).string();
    std::ofstream(path) << run_cli({"completion", shell}).out;
    std::string probe = std::string("command -v ") + shell + " >/dev/null 2>&1";
    if (std::system(probe.c_str()) != 0) continue;
    std::string cmd = std::string(shell) + " -n " + path;
    EXPECT_EQ(std::system(cmd.c_str()), 0) << shell;
  }
  fs::remove_all(dir);
}

TEST(Help, BuiltinFilesAreNamedStably) {
  test::CliResult r =
      run_cli({"build", "samples/aysel.resume", "--role", "sre", "--explain", "--format", "text"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "builtin:roles/sre.rules:")) << r.err;
}

TEST(UserData, StylesAndRolesFromDataFoldersAreListedAndUsed) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "tailor-user-data";
  fs::remove_all(dir);
  fs::create_directories(dir / "styles");
  fs::create_directories(dir / "roles");
  std::ofstream(dir / "styles" / "green.style") << "name: green\naccent_color: #2E7D32\n";
  // Replaces the built-in profile of the same title, as a --rules file would.
  std::string sre = test::slurp(test::source_path("templates/roles/sre.rules"));
  std::ofstream(dir / "roles" / "my-sre.rules") << sre;
  ::setenv("TAILOR_DATA_DIR", dir.c_str(), 1);
  test::CliResult help = run_cli({"build", "--help"});
  test::CliResult built =
      run_cli({"build", "samples/aysel.resume", "--style", "green", "--format", "text"});
  test::CliResult roles =
      run_cli({"build", "samples/aysel.resume", "--role", "sre", "--explain", "--format", "text"});
  ::unsetenv("TAILOR_DATA_DIR");
  fs::remove_all(dir);
  EXPECT_TRUE(has(help.out, "classic, compact, datecolumn, engineering, green, modern, sidebar"))
      << help.out;
  EXPECT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(roles.exit_code, 0) << roles.err;
  EXPECT_TRUE(has(roles.err, "my-sre.rules:")) << roles.err;
  EXPECT_FALSE(has(roles.err, "builtin:roles/sre.rules")) << roles.err;
}

}  // namespace
}  // namespace tailor::cli
