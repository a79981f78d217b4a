// The evidence corpus against its postings: `tailor match` ranks the people the way a careful
// recruiter would (the rank rows of expectations.tsv).
#include <gtest/gtest.h>

#include "corpus/corpus.hpp"

namespace tailor::corpus {
namespace {

TEST(EvidenceMatch, ScoresRankPeopleForEachPostingAsARecruiterWould) {
  Corpus& c = corpus();
  std::map<std::pair<std::string, std::string>, double> scores;
  auto score = [&](const std::string& posting, const std::string& person) {
    auto key = std::make_pair(posting, person);
    if (auto it = scores.find(key); it != scores.end()) return it->second;
    std::optional<model::Document> doc = c.read(c.people.at(person));
    if (!doc) return -1.0;
    transform::JobAnalysis a = transform::analyse_posting(c.postings.at(posting), c.rules, *doc);
    double s = transform::match_resume(a, c.rules, *doc).score;
    scores[key] = s;
    return s;
  };
  EXPECT_GE(c.expect.ranks.size(), 40u);
  for (const Rank& r : c.expect.ranks) {
    ASSERT_TRUE(c.postings.count(r.posting)) << r.posting;
    ASSERT_TRUE(c.people.count(r.better)) << r.better;
    ASSERT_TRUE(c.people.count(r.worse)) << r.worse;
    double better = score(r.posting, r.better), worse = score(r.posting, r.worse);
    EXPECT_GT(better, worse) << r.posting << ": " << r.better << " " << better
                             << " should rank above " << r.worse << " " << worse;
  }
}

}  // namespace
}  // namespace tailor::corpus
