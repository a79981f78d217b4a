// The command line's contract: help, version, usage errors and documented exit codes.
#include <gtest/gtest.h>

#include "support/test_support.hpp"

using tailor::test::run_cli;

TEST(Cli, HelpListsEveryCommandAndExitsZero) {
  auto r = run_cli({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"build", "check", "dump", "convert", "styles"}) {
    EXPECT_NE(r.out.find(std::string("  ") + c), std::string::npos) << c;
  }
}

TEST(Cli, CommandHelpShowsOptions) {
  auto r = run_cli({"build", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--out-dir"), std::string::npos);
}

TEST(Cli, VersionPrintsName) {
  auto r = run_cli({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("tailor ", 0), 0u);
}

TEST(Cli, UnknownCommandIsUsageError) {
  auto r = run_cli({"bild", "x.resume"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'bild'"), std::string::npos);
}

TEST(Cli, UnknownOptionIsUsageError) {
  auto r = run_cli({"check", "--frobnicate", "x.resume"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, MissingFileIsIoErrorWithPath) {
  auto r = run_cli({"check", "no/such/file.resume"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.rfind("no/such/file.resume: error: cannot read file:", 0), 0u) << r.err;
}

TEST(Cli, OutputWithSeveralInputsIsUsageError) {
  auto r = run_cli({"build", "a.resume", "b.resume", "-o", "x.txt"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, UnknownFormatIsUsageErrorListingFormats) {
  auto r = run_cli({"build", "a.resume", "--format", "rtf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("text"), std::string::npos);
}
