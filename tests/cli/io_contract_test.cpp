// The command-line I/O contract (issue 15): usage errors that used to be silent, outputs that
// are regular files or nothing, masters never overwritten, terminal-safe messages.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/test_support.hpp"

using tailor::test::run_cli;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("tailor-io-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST(IoContract, ZeroLimitsAreUsageErrorsNotNoLimit) {
  for (const char* opt : {"--max-pages", "--max-skills", "--max-bullets"}) {
    auto r = run_cli({"build", "samples/aysel.resume", "--role", "sre", opt, "0"});
    EXPECT_EQ(r.exit_code, 2) << opt << "\n" << r.err;
    EXPECT_NE(r.err.find(std::string(opt) + " must be 1 or more, not 0"), std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty()) << opt;
  }
}

TEST(IoContract, OutputExtensionMustAgreeWithFormat) {
  fs::path dir = scratch("ext");
  auto r = run_cli(
      {"build", "samples/aysel.resume", "-o", (dir / "x.pdf").string(), "--format", "docx"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("names a pdf file, but --format asks for docx"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "x.pdf"));
  // An extension that names no format leaves the choice to --format.
  r = run_cli(
      {"build", "samples/aysel.resume", "-o", (dir / "x.out").string(), "--format", "text"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fs::remove_all(dir);
}

TEST(IoContract, TwoFormatsToStandardOutputAreRefused) {
  auto r = run_cli({"build", "samples/aysel.resume", "--format", "text,json"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("standard output takes one format"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = run_cli({"build", "samples/aysel.resume", "-o", "-", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{", 0), 0u);
}

TEST(IoContract, StandardInputNamedTwiceAndUnknownFromAreUsageErrors) {
  auto r = run_cli({"check", "-", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("can be read only once"), std::string::npos) << r.err;
  r = run_cli({"check", "--from", "yaml", "samples/aysel.resume"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--from must be resume, json, rendercv, yamlresume or linkedin"),
            std::string::npos)
      << r.err;
}

TEST(IoContract, FromChoosesTheFormatOverTheExtension) {
  fs::path dir = scratch("from");
  std::ofstream(dir / "cv") << R"({"basics": {"name": "Ada Lovelace"}})";
  auto r = run_cli({"dump", "--from", "json", (dir / "cv").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Ada Lovelace"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

TEST(IoContract, OutputThatIsAFifoIsRefusedWithExit3) {
  fs::path dir = scratch("fifo-out");
  std::string fifo = (dir / "cv.txt").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = run_cli({"build", "samples/aysel.resume", "-o", fifo});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("it is a FIFO (named pipe), not a regular file"), std::string::npos)
      << r.err;
  EXPECT_TRUE(fs::is_fifo(fifo));
  r = run_cli({"convert", "samples/aysel.resume", "-o", (dir / "cv.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fs::create_symlink("/proc/self/fd/1", dir / "link.json");
  r = run_cli({"convert", "samples/aysel.resume", "-o", (dir / "link.json").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("symbolic link to /proc/self/fd/1"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  fs::remove_all(dir);
}

// `tailor build cv.json --format resume,pdf --out-dir .` must not replace a hand-written
// cv.resume; once Tailor has written it (it is in the manifest) a rebuild may.
TEST(IoContract, HandWrittenMasterInOutDirIsNotOverwrittenWithoutForce) {
  fs::path dir = scratch("master");
  fs::copy_file(tailor::test::source_path("samples/aysel.resume"), dir / "cv.resume");
  auto convert =
      run_cli({"convert", (dir / "cv.resume").string(), "-o", (dir / "cv.json").string()});
  ASSERT_EQ(convert.exit_code, 0) << convert.err;
  std::ofstream(dir / "cv.resume", std::ios::app) << "\n// hand-written\n";
  std::string master = read(dir / "cv.resume");
  auto r = run_cli(
      {"build", (dir / "cv.json").string(), "--format", "resume,text", "--out-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("refusing to replace cv.resume: Tailor did not write it"), std::string::npos)
      << r.err;
  EXPECT_EQ(read(dir / "cv.resume"), master);
  EXPECT_FALSE(fs::exists(dir / "cv.txt"));  // refused before anything was built
  r = run_cli({"build", (dir / "cv.json").string(), "--format", "resume,text", "--out-dir",
               dir.string(), "--force"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read(dir / "cv.resume"), master);
  // Now the manifest lists it: the next build replaces it without --force.
  r = run_cli(
      {"build", (dir / "cv.json").string(), "--format", "resume", "--out-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fs::remove_all(dir);
}

TEST(IoContract, RulesAliasThatNamesABuiltInRoleIsAWarning) {
  fs::path dir = scratch("alias");
  std::ofstream(dir / "mine.rules")
      << "role \"My Reliability\"\nalias \"sre\"\ngroup tools\nkeywords tools 3: \"Rust\"\n";
  auto r = run_cli(
      {"build", "samples/aysel.resume", "--rules", (dir / "mine.rules").string(), "--role", "sre"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: 'sre', a name of role \"My Reliability\", already names the "
                       "built-in role \"Site Reliability Engineer\""),
            std::string::npos)
      << r.err;
  fs::remove_all(dir);
}

TEST(IoContract, TextPostingStartingWithABraceIsReadAsTextAndSaysSo) {
  fs::path dir = scratch("posting");
  std::ofstream(dir / "job.txt") << "{Senior} Backend Engineer\n\nWe use Go, Kafka and "
                                    "PostgreSQL.\n";
  auto r = run_cli({"match", "samples/aysel.resume", "--job", (dir / "job.txt").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("starts with '{' but is read as plain text"), std::string::npos) << r.err;
  std::ofstream(dir / "job") << R"({"title": "Backend Engineer", "skills": [{"name": "Go"}]})";
  r = run_cli({"match", "samples/aysel.resume", "--job", (dir / "job").string()});
  EXPECT_NE(r.err.find("reading this posting as JSON"), std::string::npos) << r.err;
  fs::remove_all(dir);
}

// A posting that tries to clear the screen and retitle the window reaches neither the report
// nor the diagnostics raw.
TEST(IoContract, MatchReportAndDiagnosticsCarryNoRawControls) {
  fs::path dir = scratch("escapes");
  std::ofstream(dir / "job.txt") << "Backend Engineer \x1b[2J\x1b]0;owned\x07 \xe2\x80\xae"
                                    "gnp.exe\n\nGo, Kafka, PostgreSQL, Kubernetes.\n";
  auto r = run_cli({"match", "samples/aysel.resume", "--job", (dir / "job.txt").string()});
  for (const std::string* s : {&r.out, &r.err}) {
    EXPECT_EQ(s->find('\x1b'), std::string::npos) << *s;
    EXPECT_EQ(s->find('\x07'), std::string::npos) << *s;
    EXPECT_EQ(s->find("\xe2\x80\xae"), std::string::npos) << *s;
  }
  // A file name with an escape in a diagnostic.
  r = run_cli({"check", (dir / "no\x1b[31mfile.resume").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no\u241b[31mfile.resume"), std::string::npos) << r.err;
  fs::remove_all(dir);
}
