// CI options of `tailor build`: --strict, machine-readable diagnostics, --prune, failed inputs
// losing their old outputs, --if-changed checking the outputs' bytes, --dry-run, --summary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/sha256.hpp"
#include "diag/machine_format.hpp"
#include "support/test_support.hpp"

using tailor::test::run_cli;
using tailor::test::slurp;
using tailor::test::source_path;
namespace fs = std::filesystem;
namespace diag = tailor::diag;

namespace {

class CiBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tailor-ci-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    for (const std::string& s : tailor::test::list_files("samples", ".resume")) {
      fs::copy_file(source_path(s), dir_ / "in" / fs::path(s).filename());
      inputs_.push_back((dir_ / "in" / fs::path(s).filename()).string());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string out() const { return (dir_ / "out").string(); }
  std::string in(const std::string& name) const { return (dir_ / "in" / name).string(); }

  std::vector<std::string> build(std::vector<std::string> extra,
                                 const std::string& roles = "Backend Engineer") const {
    std::vector<std::string> a = {"build"};
    a.insert(a.end(), inputs_.begin(), inputs_.end());
    a.insert(a.end(), {"--role", roles, "--format", "text,native", "--out-dir", out()});
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  /// Every file below the scratch folder -> SHA-256 of its bytes.
  std::map<std::string, std::string> tree() const {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      if (e.is_regular_file()) {
        m[e.path().string()] = tailor::base::sha256_hex(slurp(e.path().string()));
      } else {
        m[e.path().string()] = "dir";
      }
    }
    return m;
  }

  fs::path dir_;
  std::vector<std::string> inputs_;
};

}  // namespace

TEST(MachineDiagnostics, GithubEscapesDataAndProperties) {
  EXPECT_EQ(diag::github_escape_data("50% done\r\nnext: a,b"), "50%25 done%0D%0Anext: a,b");
  EXPECT_EQ(diag::github_escape_property("dir:a,b/50%.resume"), "dir%3Aa%2Cb/50%25.resume");
}

TEST(MachineDiagnostics, JsonAndGithubLinesForOneWarning) {
  tailor::model::SourceManager sm;
  std::uint32_t id = sm.add("a,b:c.resume", "name: X\n");
  diag::Diagnostics ds;
  ds.warning({id, 1, 7, 1, 8}, "odd \"name\"\nsecond line").hints.push_back("fix 100%");
  EXPECT_EQ(diag::render_all(ds, sm, diag::Format::Json),
            "{\"file\":\"a,b:c.resume\",\"line\":1,\"col\":7,\"end_line\":1,\"end_col\":8,"
            "\"severity\":\"warning\",\"message\":\"odd \\\"name\\\"\\nsecond line\","
            "\"hints\":[\"fix 100%\"]}\n");
  EXPECT_EQ(diag::render_all(ds, sm, diag::Format::Github),
            "::warning file=a%2Cb%3Ac.resume,line=1,col=7,endColumn=8::odd \"name\"%0Asecond "
            "line%0Ahint: fix 100%25\n");
}

TEST_F(CiBuild, StrictTurnsAWarningIntoExitOneAndKeepsNoOutputOfIt) {
  // No name: a warning, and without --strict the build succeeds.
  std::ofstream(in("noname.resume")) << "email: x@example.org\n\n== Skills\n- Go\n";
  std::vector<std::string> args = {"build", in("noname.resume"), "--format",
                                   "text",  "--out-dir",         out()};
  auto lax = run_cli(args);
  EXPECT_EQ(lax.exit_code, 0) << lax.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "noname.txt"));
  args.push_back("--strict");
  args.insert(args.end(), {"--diagnostic-format", "json"});
  auto strict = run_cli(args);
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(
      strict.err.find("\"severity\":\"error\",\"message\":\"the header has no 'name:' field\""),
      std::string::npos)
      << strict.err;
  EXPECT_FALSE(fs::exists(dir_ / "out" / "noname.txt")) << "a strict failure's output stands";
  EXPECT_EQ(strict.err.find("wrote "), std::string::npos)
      << "written, then removed: " << strict.err;
  EXPECT_NE(strict.err.find("removed 1 earlier output of failed inputs"), std::string::npos)
      << strict.err;
  // check too: a warning is exit 1 under --strict, 0 without.
  EXPECT_EQ(run_cli({"check", in("noname.resume")}).exit_code, 0);
  auto gh = run_cli({"check", in("noname.resume"), "--strict", "--diagnostic-format", "github"});
  EXPECT_EQ(gh.exit_code, 1);
  // ...and its summary line does not call the failed file "ok".
  EXPECT_EQ(gh.out.find(": ok"), std::string::npos) << gh.out;
  EXPECT_NE(gh.out.find(": failed (1 warnings, errors under --strict)"), std::string::npos)
      << gh.out;
  EXPECT_EQ(gh.err.rfind("::error file=" + in("noname.resume") + ",line=1,col=1,", 0), 0u)
      << gh.err;
  EXPECT_EQ(run_cli({"check", in("noname.resume"), "--diagnostic-format", "xml"}).exit_code, 2);
}

TEST_F(CiBuild, PruneRemovesExactlyTheOutputsOfADeletedResumeAndADroppedRole) {
  ASSERT_EQ(run_cli(build({}, "Backend Engineer,Infrastructure Engineer")).exit_code, 0);
  auto before = tree();
  fs::remove(inputs_.front());
  std::string gone = fs::path(inputs_.front()).stem().string();
  inputs_.erase(inputs_.begin());
  auto r = run_cli(build({"--prune", "--if-changed"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("pruned "), std::string::npos) << r.err;
  auto after = tree();
  std::size_t removed = 0;
  for (const auto& [path, hash] : before) {
    std::string name = fs::path(path).filename().string();
    if (path.find("/in/") != std::string::npos || name == ".tailor-manifest") continue;
    bool should_go = name.rfind(gone + "-", 0) == 0 ||
                     name.find("-infrastructure-engineer.") != std::string::npos;
    EXPECT_EQ(after.count(path) == 0, should_go) << path;
    if (should_go) ++removed;
    if (!should_go && after.count(path)) {
      EXPECT_EQ(after[path], hash) << path;
    }
  }
  EXPECT_EQ(removed, 4 + 2 * inputs_.size());  // the deleted: 2 roles x 2 formats
  std::string manifest = slurp(out() + "/.tailor-manifest");
  EXPECT_EQ(manifest.find("-infrastructure-engineer."), std::string::npos) << manifest;
  // Without --prune nothing is removed: the manifest's other outputs stay.
  ASSERT_EQ(run_cli(build({}, "Backend Engineer,Infrastructure Engineer")).exit_code, 0);
  ASSERT_EQ(run_cli(build({})).exit_code, 0);
  EXPECT_TRUE(fs::exists(out() + "/" + fs::path(inputs_.front()).stem().string() +
                         "-infrastructure-engineer.txt"));
}

TEST_F(CiBuild, AFailedInputsEarlierOutputsAreRemovedAndTheSummarySaysSo) {
  ASSERT_EQ(run_cli(build({})).exit_code, 0);
  std::string stem = fs::path(inputs_.front()).stem().string();
  ASSERT_TRUE(fs::exists(out() + "/" + stem + "-backend-engineer.txt"));
  std::ofstream(inputs_.front(), std::ios::app) << "\n== Experience\n=== Dev | Acme | | 2020-13\n";
  auto r = run_cli(build({"--if-changed", "--summary", (dir_ / "summary.json").string()}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(out() + "/" + stem + "-backend-engineer.txt"));
  EXPECT_FALSE(fs::exists(out() + "/" + stem + "-backend-engineer.native"));
  EXPECT_NE(r.err.find("removed 2 earlier outputs of failed inputs"), std::string::npos) << r.err;
  std::string summary = slurp((dir_ / "summary.json").string());
  EXPECT_NE(summary.find("\"removed\": [\"" + stem + "-backend-engineer.native\", \"" + stem +
                         "-backend-engineer.txt\"]"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("\"status\": \"failed\""), std::string::npos) << summary;
}

TEST_F(CiBuild, IfChangedRebuildsAnEditedOrDamagedOutput) {
  ASSERT_EQ(run_cli(build({})).exit_code, 0);
  std::string victim =
      out() + "/" + fs::path(inputs_.back()).stem().string() + "-backend-engineer.txt";
  std::string good = slurp(victim);
  std::ofstream(victim, std::ios::trunc) << "edited by hand\n";
  auto r = run_cli(build({"--if-changed"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("built 1 output from 1 input"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(victim), good);
  auto again = run_cli(build({"--if-changed"}));
  EXPECT_NE(again.err.find("nothing to build"), std::string::npos) << again.err;
}

TEST_F(CiBuild, DryRunPrintsThePlanAndWritesNothing) {
  ASSERT_EQ(run_cli(build({}, "Backend Engineer,Infrastructure Engineer")).exit_code, 0);
  std::string edited = inputs_.front();
  std::ofstream(edited, std::ios::app) << "\n";
  fs::remove(inputs_.back());
  inputs_.pop_back();
  auto before = tree();
  auto r = run_cli(build({"--if-changed", "--prune", "--dry-run", "--summary",
                          (dir_ / "s.json").string(), "--key-file", (dir_ / "k.csv").string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(tree(), before) << "--dry-run changed the tree";
  std::string stem = fs::path(edited).stem().string();
  EXPECT_NE(
      r.out.find("build  " + edited + " -> " + out() + "/" + stem + "-backend-engineer.txt\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("skip   " + inputs_.back()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("prune  " + out() + "/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("infrastructure-engineer.txt\n"), std::string::npos) << r.out;
}

TEST_F(CiBuild, SummaryIsJsonWrittenAtomicallyAndTheLogNamesInputs) {
  std::string summary = (dir_ / "summary.json").string();
  auto r = run_cli(build({"--summary", summary, "--jobs", "2"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string text = slurp(summary);
  const std::string head = "{\n  \"tailor_summary\": 1,\n  \"counts\": {\"inputs\": ";
  EXPECT_EQ(text.substr(0, head.size()), head) << text;
  EXPECT_NE(text.find(head + std::to_string(inputs_.size()) + ","), std::string::npos) << text;
  EXPECT_NE(text.find("\"built\": " + std::to_string(inputs_.size() * 2)), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos);
  }
  EXPECT_NE(r.err.find("-backend-engineer.txt (from " + inputs_.front() + ")"), std::string::npos)
      << r.err;
}
