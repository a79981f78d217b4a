// Recruiter and scale options: stable references, the key file, ranking many resumes, and
// --shard K/N whose union is the whole run, byte for byte.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/shard.hpp"
#include "support/test_support.hpp"

using tailor::test::run_cli;
using tailor::test::slurp;
using tailor::test::source_path;
namespace fs = std::filesystem;

namespace {

class Scale : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tailor-scale-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    // The samples, plus generated people (some with a ref:, some with no e-mail).
    for (const std::string& s : tailor::test::list_files("samples", ".resume")) {
      fs::copy_file(source_path(s), dir_ / "in" / fs::path(s).filename());
      inputs_.push_back((dir_ / "in" / fs::path(s).filename()).string());
    }
    const char* skills[] = {"Go, Kubernetes, Terraform", "Python, PostgreSQL, Kafka",
                            "C++, Linux, eBPF", "Java, Spring, AWS"};
    for (int i = 0; i < 24; ++i) {
      std::string path = (dir_ / "in" / ("person-" + std::to_string(i) + ".resume")).string();
      std::ofstream f(path);
      f << "name: Person " << i << " Example\n";
      if (i % 3 != 0) f << "email: person" << i << "@example.org\n";
      if (i % 5 == 0) f << "ref: ATS-" << 1000 + i << "\n";
      f << "headline: Engineer\n\n== Skills\n- Languages: " << skills[i % 4]
        << "\n\n== Experience\n=== Engineer | Acme " << i << " | Bakı | 2019-01 – present\n"
        << "- Built services in " << skills[(i + 1) % 4] << "\n";
      inputs_.push_back(path);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> build(const std::string& out, std::vector<std::string> extra) const {
    std::vector<std::string> a = {"build"};
    a.insert(a.end(), inputs_.begin(), inputs_.end());
    a.insert(a.end(), {"--role", "Backend Engineer", "--format", "text,pdf", "--anonymize",
                       "--out-dir", out});
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }

  /// File name -> bytes, for every output below `folder` (not the manifest).
  std::map<std::string, std::string> outputs(const fs::path& folder) const {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
      if (e.is_regular_file() && e.path().filename() != ".tailor-manifest") {
        m[fs::relative(e.path(), folder).string()] = slurp(e.path().string());
      }
    }
    return m;
  }

  fs::path dir_;
  std::vector<std::string> inputs_;
};

}  // namespace

TEST_F(Scale, ATypoFixKeepsTheReferenceAndTheKeyFileMapsItBack) {
  std::string keys = (dir_ / "keys.csv").string(), out = (dir_ / "blind").string();
  ASSERT_EQ(run_cli(build(out, {"--key-file", keys})).exit_code, 0);
  std::string first = slurp(keys);
  // Every input is in the key file, with its reference and outputs.
  for (const std::string& in : inputs_) {
    EXPECT_NE(first.find("," + in + ","), std::string::npos) << in;
  }
  EXPECT_NE(first.find("ATS-1005," + (dir_ / "in" / "person-5.resume").string() + ","),
            std::string::npos)
      << first;
  // A typo fix in the body: same references, same output names.
  std::string victim = (dir_ / "in" / "person-7.resume").string();
  std::string text = slurp(victim);
  text.replace(text.find("Built services"), 14, "Built servcies");
  std::ofstream(victim, std::ios::trunc) << text;
  ASSERT_EQ(run_cli(build(out, {"--key-file", keys})).exit_code, 0);
  EXPECT_EQ(slurp(keys), first);
  // No two people share a reference.
  std::set<std::string> refs;
  std::size_t rows = 0;
  std::istringstream lines(first);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "ref,input,output");
  std::map<std::string, std::string> ref_input;
  while (std::getline(lines, line)) {
    ++rows;
    std::string ref = line.substr(0, line.find(','));
    std::string input = line.substr(ref.size() + 1, line.rfind(',') - ref.size() - 1);
    auto [it, fresh] = ref_input.emplace(ref, input);
    EXPECT_EQ(it->second, input) << "two inputs share " << ref;
  }
  EXPECT_EQ(ref_input.size(), inputs_.size());
  EXPECT_EQ(rows, inputs_.size() * 2);
}

TEST_F(Scale, KeyFileInsideTheBlindFolderIsRefused) {
  std::string out = (dir_ / "blind").string();
  auto r = run_cli(build(out, {"--key-file", out + "/sub/../keys.csv"}));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(Scale, TheLogNamesEachOutputsReferenceUnderAnonymize) {
  auto r = run_cli(build((dir_ / "blind").string(), {}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(" (from ATS-1010)\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(dir_.string() + "/in/"), std::string::npos) << "an input path in the log";
}

TEST_F(Scale, FourShardsMakeTheWholeRunByteForByte) {
  std::string whole = (dir_ / "whole").string();
  ASSERT_EQ(run_cli(build(whole, {"--summary", (dir_ / "whole.json").string(), "--key-file",
                                  (dir_ / "whole.csv").string()}))
                .exit_code,
            0);
  std::vector<std::string> summaries;
  std::map<std::string, std::string> united;
  std::size_t non_empty = 0;
  for (int k = 0; k < 4; ++k) {
    std::string s = std::to_string(k);
    fs::path out = dir_ / ("shard-" + s);
    auto r = run_cli(build(out.string(), {"--shard", s + "/4", "--summary",
                                          (dir_ / ("shard-" + s + ".json")).string()}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    summaries.push_back((dir_ / ("shard-" + s + ".json")).string());
    auto part = outputs(out);
    non_empty += part.empty() ? 0 : 1;
    for (auto& [name, bytes] : part) {
      EXPECT_TRUE(united.emplace(name, bytes).second) << name << " built by two shards";
    }
  }
  EXPECT_GE(non_empty, 3u) << "the shards are far from even";
  EXPECT_EQ(united, outputs(whole));
  std::vector<std::string> merge = {"merge-summaries", "--key-file",
                                    (dir_ / "merged.csv").string()};
  merge.insert(merge.end(), summaries.begin(), summaries.end());
  auto m = run_cli(merge);
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_EQ(m.out, slurp((dir_ / "whole.json").string()));
  EXPECT_EQ(slurp((dir_ / "merged.csv").string()), slurp((dir_ / "whole.csv").string()));
}

TEST(Shard, ParsesKOfNAndSplitsByPath) {
  std::string err;
  EXPECT_FALSE(tailor::cli::parse_shard("4/4", err));
  EXPECT_FALSE(tailor::cli::parse_shard("1/0", err));
  EXPECT_FALSE(tailor::cli::parse_shard("a/4", err));
  EXPECT_FALSE(tailor::cli::parse_shard("1", err));
  auto s = tailor::cli::parse_shard("3/4", err);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->index, 3u);
  EXPECT_EQ(tailor::cli::shard_of("./in/a.resume", 7), tailor::cli::shard_of("in/a.resume", 7));
}

TEST_F(Scale, MatchRanksManyResumesAsCsvWithReferencesUnderAnonymize) {
  std::string posting = source_path("tests/fixtures/jobs/infrastructure.txt");
  std::vector<std::string> a = {"match", "--job", posting, "--csv", "--jobs", "2"};
  a.insert(a.end(), inputs_.begin(), inputs_.end());
  auto r = run_cli(a);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("rank,input,ref,score,nearest_role,matched,missing\n1,", 0), 0u) << r.out;
  std::size_t lines = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_EQ(lines, inputs_.size() + 1);
  // Scores never rise down the ranking.
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  double last = 101;
  while (std::getline(in, line)) {
    std::size_t c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1),
                c4 = line.find(',', c3 + 1);
    double score = std::stod(line.substr(c3 + 1, c4 - c3 - 1));
    EXPECT_LE(score, last) << line;
    last = score;
  }
  a.push_back("--anonymize");
  auto blind = run_cli(a);
  ASSERT_EQ(blind.exit_code, 0);
  EXPECT_EQ(blind.out.find(dir_.string()), std::string::npos) << blind.out;
  EXPECT_NE(blind.out.find("ATS-1000"), std::string::npos) << blind.out;
  // Four shards' rows are the whole ranking's rows.
  std::multiset<std::string> whole, united;
  auto json = a;
  json.back() = "--json";
  json.erase(std::find(json.begin(), json.end(), "--csv"));
  json.push_back("--anonymize");
  auto rows = [](const std::string& out, std::multiset<std::string>& into) {
    std::istringstream s(out);
    std::string l;
    while (std::getline(s, l)) {
      std::size_t ref = l.find("\"ref\"");
      if (ref == std::string::npos) continue;
      std::string row = l.substr(ref);
      if (!row.empty() && row.back() == ',') row.pop_back();  // all rows but the last
      into.insert(row);
    }
  };
  rows(run_cli(json).out, whole);
  for (int k = 0; k < 4; ++k) {
    auto sj = json;
    sj.insert(sj.end(), {"--shard", std::to_string(k) + "/4"});
    rows(run_cli(sj).out, united);
  }
  EXPECT_EQ(united, whole);
  EXPECT_EQ(whole.size(), inputs_.size());
}
