// A keyword index built once per role and kept by the caller (a batch shares it across its
// documents and worker threads) tailors exactly as the index tailor() builds for itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transform/built_in_roles.hpp"
#include "transform/engine.hpp"
#include "transform/evidence.hpp"
#include "transform/fixtures.hpp"
#include "transform/never_invents.hpp"
#include "transform/report.hpp"

namespace tailor::transform {
namespace {

const test::BuiltInRoles& loaded() { return test::built_in_roles(); }

std::vector<model::Document> resumes() {
  std::vector<model::Document> docs{test::backend_infra_resume(), test::systems_resume()};
  for (std::uint64_t seed = 1; seed <= 6; ++seed) docs.push_back(test::generated_resume(seed));
  return docs;
}

/// The tailored document as text and the --explain report: what the outputs are made of.
std::string tailored(model::Document doc, const Profile& p, const TailorOptions& options) {
  Report r = tailor(doc, p, loaded().rules.lexicon, options);
  return test::as_text(doc) + "\n--\n" + render_report(r, loaded().sources) + "\n--\n" +
         render_report_json(r, loaded().sources);
}

TEST(KeptKeywordIndex, TailorsAsTheIndexBuiltPerDocument) {
  ASSERT_FALSE(loaded().rules.profiles.empty());
  int compared = 0;
  for (const Profile& p : loaded().rules.profiles) {
    KeywordIndex kept(p, loaded().rules.lexicon);
    for (const model::Document& doc : resumes()) {
      TailorOptions own;
      TailorOptions shared;
      shared.index = &kept;
      shared.max_bullets = own.max_bullets = 3;
      EXPECT_EQ(tailored(doc, p, shared), tailored(doc, p, own)) << p.title;
      ++compared;
    }
  }
  EXPECT_GE(compared, 8 * 3);
}

TEST(KeptKeywordIndex, AnIndexOfAnotherProfileIsNotUsed) {
  const Profile& infra = test::built_in_role("infrastructure");
  const Profile& backend = test::built_in_role("backend-engineer");
  KeywordIndex wrong(backend, loaded().rules.lexicon);
  TailorOptions misled;
  misled.index = &wrong;
  model::Document doc = test::backend_infra_resume();
  EXPECT_EQ(tailored(doc, infra, misled), tailored(doc, infra, {}));
  // The two profiles do tailor differently, so a borrowed index would have shown.
  EXPECT_NE(tailored(doc, infra, {}), tailored(doc, backend, {}));
}

TEST(KeptKeywordIndex, DefiningEvidenceMatcherIsBuiltOnlyForProfilesThatDefineSome) {
  for (const Profile& p : loaded().rules.profiles) {
    KeywordIndex index(p, loaded().rules.lexicon);
    EXPECT_EQ(index.defining().matcher.has_value(), !p.defining.empty()) << p.title;
    EXPECT_EQ(index.defining().spellings.size(), index.defining().uses.size()) << p.title;
    EXPECT_EQ(&index.profile(), &p);
  }
}

}  // namespace
}  // namespace tailor::transform
