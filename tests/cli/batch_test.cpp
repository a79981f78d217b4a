// `tailor build` with many inputs, run in-process: outputs, failures, --if-changed, naming.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "support/test_support.hpp"

using tailor::test::run_cli;
using tailor::test::slurp;
using tailor::test::source_path;
namespace fs = std::filesystem;

namespace {

/// A scratch folder with copies of the samples and one broken file.
class BatchBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tailor-batch-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    for (const std::string& s : tailor::test::list_files("samples", ".resume")) {
      fs::copy_file(source_path(s), dir_ / "in" / fs::path(s).filename());
      inputs_.push_back((dir_ / "in" / fs::path(s).filename()).string());
    }
    broken_ = (dir_ / "in" / "broken.resume").string();
    std::ofstream(broken_) << "name: Broken Person\n\n== Experience\n=== Dev | Acme | | 2020-13\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string out() const { return (dir_ / "out").string(); }

  std::vector<std::string> args(std::vector<std::string> extra) const {
    std::vector<std::string> a = {"build"};
    a.insert(a.end(), inputs_.begin(), inputs_.end());
    a.push_back(broken_);
    a.insert(a.end(), {"--role", "Backend Engineer,Infrastructure Engineer", "--format",
                       "text,native", "--out-dir", out()});
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  /// Every file below out/ -> "inode:mtime_ns:size".
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::recursive_directory_iterator(out())) {
      struct stat st {};
      ::stat(e.path().c_str(), &st);
      m[e.path().filename().string()] =
          std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
          std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
    }
    return m;
  }

  fs::path dir_;
  std::vector<std::string> inputs_;
  std::string broken_;
};

}  // namespace

TEST_F(BatchBuild, EveryInputRoleAndFormatExceptTheBrokenOne) {
  auto r = run_cli(args({"--jobs", "2"}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto files = snapshot();
  std::size_t outputs = 0;
  for (const auto& [name, _] : files) {
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << "temporary file left: " << name;
    EXPECT_EQ(name.rfind("broken", 0), std::string::npos) << "output for the broken input";
    if (name != ".tailor-manifest") ++outputs;
  }
  EXPECT_EQ(outputs, inputs_.size() * 2 * 2);
  EXPECT_TRUE(files.count("aysel-backend-engineer.txt"));
  EXPECT_TRUE(files.count("systems-infrastructure-engineer.native"));
  EXPECT_NE(r.err.find(broken_ + ":4:25: error: month 13"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("built 16 outputs from 4 inputs in "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; 1 input failed: " + broken_), std::string::npos) << r.err;
}

TEST_F(BatchBuild, DiagnosticsAndLinesComeInCommandLineOrderWhateverTheJobs) {
  auto strip_timing = [](const std::string& s) {
    return std::regex_replace(s, std::regex(R"(in [0-9.]+ s \([0-9]+/s\))"), "in T");
  };
  auto one = run_cli(args({"--jobs", "1"}));
  fs::remove_all(out());
  auto four = run_cli(args({"--jobs", "4"}));
  EXPECT_EQ(strip_timing(one.err), strip_timing(four.err));
  // The broken file comes last on the command line: its error is printed after the lines of
  // the inputs before it, even when a worker finished it first.
  std::size_t err_at = one.err.find("error: month 13");
  std::size_t first = one.err.find("wrote " + out() + "/" + "aysel-backend-engineer.txt");
  ASSERT_NE(err_at, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, err_at);
  EXPECT_NE(one.err.find("[1/20] wrote "), std::string::npos) << one.err;
}

TEST_F(BatchBuild, IfChangedTouchesNothingThenRebuildsExactlyTheChangedInput) {
  ASSERT_EQ(run_cli(args({})).exit_code, 1);
  auto before = snapshot();
  auto again = run_cli(args({"--if-changed"}));
  EXPECT_EQ(again.exit_code, 1);  // the broken input still fails, every time
  EXPECT_NE(again.err.find("nothing to build: 16 outputs up to date"), std::string::npos)
      << again.err;
  EXPECT_EQ(snapshot(), before);

  std::ofstream(inputs_[0], std::ios::app) << "\n% an edit\n";
  auto third = run_cli(args({"--if-changed"}));
  auto after = snapshot();
  std::vector<std::string> changed;
  for (const auto& [name, id] : after) {
    if (before[name] != id) changed.push_back(name);
  }
  std::string stem = fs::path(inputs_[0]).stem().string();
  EXPECT_EQ(changed, (std::vector<std::string>{
                         ".tailor-manifest", stem + "-backend-engineer.native",
                         stem + "-backend-engineer.txt", stem + "-infrastructure-engineer.native",
                         stem + "-infrastructure-engineer.txt"}));
  EXPECT_NE(third.err.find("built 4 outputs from 1 input in "), std::string::npos) << third.err;
  EXPECT_NE(third.err.find("; 12 up to date"), std::string::npos) << third.err;
}

TEST_F(BatchBuild, IfChangedRebuildsAMissingOutputAndAChangedOption) {
  ASSERT_EQ(run_cli(args({})).exit_code, 1);
  fs::remove(fs::path(out()) / "aysel-backend-engineer.txt");
  auto r = run_cli(args({"--if-changed"}));
  EXPECT_NE(r.err.find("built 1 output from 1 input"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(fs::path(out()) / "aysel-backend-engineer.txt"));
  // The style is part of every output's hash.
  auto styled = run_cli(args({"--if-changed", "--style", "compact"}));
  EXPECT_NE(styled.err.find("built 16 outputs"), std::string::npos) << styled.err;
}

TEST_F(BatchBuild, FailFastStopsSchedulingAfterTheFirstFailure) {
  auto r = run_cli({"build", broken_, inputs_[0], inputs_[1], "--format", "text", "--out-dir",
                    out(), "--jobs", "1", "--fail-fast"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("stopped at the first failure (--fail-fast), 2 outputs not built"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(fs::path(out()) / "aysel.txt"));
}

TEST_F(BatchBuild, WithoutFailFastOneBadInputNeverStopsTheOthers) {
  auto r = run_cli(
      {"build", broken_, inputs_[0], "--format", "text", "--out-dir", out(), "--jobs", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(fs::exists(fs::path(out()) / (fs::path(inputs_[0]).stem().string() + ".txt")));
}

TEST_F(BatchBuild, StandardOutputKeepsCommandLineOrder) {
  auto r = run_cli({"build", inputs_[1], inputs_[0], "--format", "native", "--jobs", "2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto a = run_cli({"build", inputs_[1], "--format", "native"});
  auto b = run_cli({"build", inputs_[0], "--format", "native"});
  EXPECT_EQ(r.out, a.out + b.out);
  EXPECT_EQ(r.err, "");
}

TEST_F(BatchBuild, AnInputNamedTwiceIsBuiltOnce) {
  auto r = run_cli({"build", inputs_[0], inputs_[0], "--format", "text", "--out-dir", out()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is named twice; building it once"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("built 1 output from 1 input"), std::string::npos) << r.err;
}

TEST_F(BatchBuild, NameTemplates) {
  auto r = run_cli({"build", inputs_[0], "--role", "Backend Engineer", "--format", "text,native",
                    "--out-dir", out(), "--name", "{role}/{stem}.{format}.{ext}"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(fs::path(out()) / "backend-engineer" / "aysel.text.txt"));
  EXPECT_TRUE(fs::exists(fs::path(out()) / "backend-engineer" / "aysel.native.native"));
  auto bad = run_cli({"build", inputs_[0], "--format", "text", "--out-dir", out(), "--name",
                      "{stem}-{candidate}.{ext}"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown placeholder {candidate}"), std::string::npos) << bad.err;
  auto escape = run_cli(
      {"build", inputs_[0], "--format", "text", "--out-dir", out(), "--name", "../{stem}.{ext}"});
  EXPECT_EQ(escape.exit_code, 2);
  EXPECT_NE(escape.err.find("points outside --out-dir"), std::string::npos) << escape.err;
  EXPECT_FALSE(fs::exists(dir_ / "aysel.txt"));
}

TEST_F(BatchBuild, OutputOverAnInputIsRefusedBeforeAnythingIsWritten) {
  fs::path copy = dir_ / "in" / "cv.txt";
  fs::copy_file(inputs_[0], copy);
  auto r = run_cli({"build", copy.string(), inputs_[1], "--format", "text", "--out-dir",
                    (dir_ / "in").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("refusing to overwrite the input file"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(copy.string()), slurp(inputs_[0]));
  EXPECT_FALSE(fs::exists(dir_ / "in" / (fs::path(inputs_[1]).stem().string() + ".txt")));
  auto o = run_cli({"build", inputs_[0], "-o", inputs_[0]});
  EXPECT_EQ(o.exit_code, 2);
}

TEST_F(BatchBuild, UsageErrors) {
  EXPECT_EQ(run_cli({"build", inputs_[0], "--if-changed"}).exit_code, 2);
  EXPECT_EQ(run_cli({"build", inputs_[0], "--watch"}).exit_code, 2);
  EXPECT_EQ(run_cli({"build", inputs_[0], "--ref", "R1"}).exit_code, 2);
  EXPECT_EQ(run_cli({"build", inputs_[0], "--jobs", "-1"}).exit_code, 2);
  auto same_ref =
      run_cli({"build", inputs_[0], inputs_[1], "--anonymize", "--ref", "R1", "--out-dir", out()});
  EXPECT_EQ(same_ref.exit_code, 2);
  EXPECT_NE(same_ref.err.find("same reference"), std::string::npos) << same_ref.err;
}

TEST_F(BatchBuild, AnonymizedOutputsNameNoOne) {
  auto r = run_cli({"build", inputs_[0], inputs_[1], inputs_[2], inputs_[3], "--anonymize",
                    "--format", "text,native", "--out-dir", out()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t checked = 0;
  for (const auto& e : fs::directory_iterator(out())) {
    std::string name = e.path().filename().string();
    if (name == ".tailor-manifest") continue;
    EXPECT_EQ(name.rfind("candidate-", 0), 0u) << name;  // file names do not name anyone
    std::string text = slurp(e.path().string());
    EXPECT_NE(text.find("Candidate "), std::string::npos) << name;
    ++checked;
  }
  EXPECT_EQ(checked, 8u);
  for (const std::string& in : inputs_) {
    // The header lines of each sample: none of their values may appear in any output.
    std::ifstream f(in);
    std::vector<std::string> secrets;
    for (std::string line; std::getline(f, line);) {
      static const std::regex field(R"(^(name|email|phone|address|link):\s*(.*?)\s*$)");
      std::smatch m;
      if (!std::regex_match(line, m, field)) continue;
      std::string v = m[2];
      if (m[1] == "link") {
        std::smatch u;
        if (std::regex_search(v, u, std::regex(R"(<https?://([^>]+)>)"))) v = u[1];
      }
      secrets.push_back(v);
      if (m[1] == "name") secrets.push_back(v.substr(0, v.find(' ')));  // the first name alone
    }
    ASSERT_GE(secrets.size(), 4u) << in;
    for (const auto& e : fs::directory_iterator(out())) {
      if (e.path().filename() == ".tailor-manifest") continue;
      std::string text = slurp(e.path().string());
      for (const std::string& s : secrets) {
        EXPECT_EQ(text.find(s), std::string::npos)
            << e.path().filename() << " contains '" << s << "' from " << in;
      }
    }
  }
}
