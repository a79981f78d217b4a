// Golden `--explain=json` for every corpus person and built-in role: the keywords behind each
// title decision, their kinds, weights and file:line:col, the failed conditions and the missing
// defining evidence. One file per person, one line per role (tests/golden/explain/).
// UPDATE_GOLDEN=1 rewrites them for review.
#include <gtest/gtest.h>

#include <filesystem>

#include "corpus/corpus.hpp"

namespace tailor::corpus {
namespace {

TEST(EvidenceExplain, GoldenJsonForEveryPersonAndRole) {
  Corpus& c = corpus();
  std::string out = (std::filesystem::temp_directory_path() / "tailor-corpus-explain.txt").string();
  for (const auto& [name, person] : c.people) {
    std::string lines;
    for (const std::string& r : kRoles) {
      test::CliResult res =
          test::run_cli({"build", person.path, "--role", r, "--explain=json", "-o", out});
      EXPECT_EQ(res.exit_code, 0) << name << " x " << r << ": " << res.err;
      std::string json = res.err;
      while (!json.empty() && json.back() == '\n') json.pop_back();
      EXPECT_EQ(json.find('\n'), std::string::npos) << name << " x " << r << ": one line wanted";
      lines += json + "\n";
    }
    EXPECT_EQ(test::compare_golden("explain/" + name + ".jsonl", lines), "") << name;
  }
  std::filesystem::remove(out);
}

}  // namespace
}  // namespace tailor::corpus
