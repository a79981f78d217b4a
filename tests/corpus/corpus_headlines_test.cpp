// The evidence corpus, person by role: the headline a careful recruiter accepts
// (expectations.tsv) and the "never invents" property over every build.
#include <gtest/gtest.h>

#include "corpus/corpus.hpp"
#include "transform/never_invents.hpp"

namespace tailor::corpus {
namespace {

TEST(EvidenceCorpus, HasEnoughPeopleAndPostingsAndEveryPersonHasExpectations) {
  Corpus& c = corpus();
  EXPECT_TRUE(c.diags.empty()) << diag::render_all(c.diags, c.sources);
  EXPECT_GE(c.people.size(), 40u);
  EXPECT_GE(c.postings.size(), 8u);
  for (const auto& [name, person] : c.people) {
    EXPECT_TRUE(c.expect.headlines.count(name)) << "no headline row for " << person.path;
  }
  for (const auto& [name, cells] : c.expect.headlines) {
    EXPECT_TRUE(c.people.count(name)) << "expectations.tsv names an unknown person " << name;
  }
}

TEST(EvidenceCorpus, EveryPersonTimesEveryRoleGetsTheHeadlineARecruiterAccepts) {
  Corpus& c = corpus();
  for (const auto& [name, cells] : c.expect.headlines) {
    if (!c.people.count(name)) continue;
    std::optional<model::Document> doc = c.read(c.people.at(name));
    if (!doc) continue;
    for (std::size_t r = 0; r < kRoles.size(); ++r) {
      model::Document out = *doc;
      transform::tailor(out, c.role(kRoles[r]), c.rules.lexicon, {});
      std::vector<std::string> ok = accepted(cells[r], doc->header.headline.value);
      std::string got = out.header.headline.value;
      EXPECT_NE(std::find(ok.begin(), ok.end(), got), ok.end())
          << name << " x " << kRoles[r] << ": got \"" << got << "\", a recruiter accepts \""
          << cells[r] << "\" (headline was \"" << doc->header.headline.value << "\")";
    }
  }
}

TEST(EvidenceCorpus, NothingIsInventedForAnyPersonAndRole) {
  Corpus& c = corpus();
  for (const auto& [name, person] : c.people) {
    std::optional<model::Document> doc = c.read(person);
    if (!doc) continue;
    for (const std::string& r : kRoles) {
      const transform::Profile& p = c.role(r);
      EXPECT_EQ(test::check_never_invents(*doc, p, c.rules.lexicon), "") << name;
      EXPECT_EQ(test::check_never_invents(*doc, p, c.rules.lexicon, {3, 2, false}), "") << name;
    }
  }
}

}  // namespace
}  // namespace tailor::corpus
