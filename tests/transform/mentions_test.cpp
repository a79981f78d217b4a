// Mentions, not substrings: ambiguous tools count only where a guard of the lexicon holds,
// unknown compounds and initials are never tools, and other languages fold with their own case
// rules. Every input here was written for these tests.
#include <gtest/gtest.h>

#include "support/roles_folder.hpp"
#include "support/test_support.hpp"
#include "transform/casefold.hpp"
#include "transform/rules.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {
namespace {

struct Lex {
  model::SourceManager sources;
  RuleSet rules;
  diag::Diagnostics diags;
  Lex() { test::load_rules_dir(test::source_path("templates/roles"), sources, rules, diags); }
};

const Lexicon& lexicon() {
  static Lex l;
  return l.rules.lexicon;
}

class Mentions : public ::testing::Test {
 protected:
  std::vector<std::string> terms{"Helm",   "REST",    "Rails",   "Express", "Jenkins",
                                 "Go",     "C",       "Node.js", "Spark",   "Chef",
                                 "Puppet", "Airflow", "Kafka",   "CI/CD",   "Terraform"};
  Matcher m{terms, lexicon().synonyms, {}, &lexicon()};

  std::vector<std::string> found(std::string_view text, bool list = false) {
    std::vector<std::string> out;
    MatchContext ctx;
    ctx.list = list;
    for (std::size_t k : m.find_distinct(text, ctx)) out.push_back(terms[k]);
    return out;
  }
};

using V = std::vector<std::string>;

TEST_F(Mentions, EnglishWordSensesAreNotTools) {
  EXPECT_EQ(found("Stepped in at the helm of the billing squad after a reorg."), V{});
  EXPECT_EQ(found("Kept customer files encrypted while at rest and in transit."), V{});
  EXPECT_EQ(found("Rest of the quarter went to onboarding."), V{});
  EXPECT_EQ(found("Put safety rails around the refund flow."), V{});
  EXPECT_EQ(found("Shipped the Express delivery option for the shop."), V{});
  EXPECT_EQ(found("Express shipping grew 30% after the redesign."), V{});
  EXPECT_EQ(found("Learned the trade from Maria Jenkins, our QA lead."), V{});
  EXPECT_EQ(found("Worked as a line chef before switching careers."), V{});
  EXPECT_EQ(found("Ran the office puppet theatre for the kids' day."), V{});
  EXPECT_EQ(found("Measured airflow in the server room racks."), V{});
  EXPECT_EQ(found("Go to market took six weeks."), V{});
  EXPECT_EQ(found("A spark of curiosity about compilers."), V{});
}

TEST_F(Mentions, ToolsWrittenAsToolsOrInATechnologyContext) {
  EXPECT_EQ(found("Packaged nine services as Helm charts."), V{"Helm"});
  EXPECT_EQ(found("Rolled the stack out with Helm."), V{"Helm"});
  EXPECT_EQ(found("Built REST APIs for the loan desk."), V{"REST"});
  EXPECT_EQ(found("Rewrote the scoring service in Go."), V{"Go"});
  EXPECT_EQ(found("Ported the checkout to Ruby on Rails."), V{"Rails"});
  EXPECT_EQ(found("Streamed events through Kafka, Spark and Airflow."),
            (V{"Kafka", "Spark", "Airflow"}));
  EXPECT_EQ(found("Migrated 40 Jenkins pipelines to GitLab."), V{"Jenkins"});
  EXPECT_EQ(found("Served the API on Express with TypeScript."), V{"Express"});
  EXPECT_EQ(found("Wrote Chef cookbooks and Puppet manifests."), (V{"Chef", "Puppet"}));
  EXPECT_EQ(found("Wrote drivers in C."), V{"C"});
}

TEST_F(Mentions, ASkillsListIsATechnologyContext) {
  EXPECT_EQ(found("Go", true), V{"Go"});
  EXPECT_EQ(found("Jenkins", true), V{"Jenkins"});
  EXPECT_EQ(found("Go", false), V{});  // the first word of a sentence, with no context
}

TEST_F(Mentions, UnknownCompoundsAreOneWord) {
  EXPECT_EQ(found("Presented the roadmap to C-level sponsors."), V{});
  EXPECT_EQ(found("Coordinated the Go-Live weekend for 14 branches."), V{});
  EXPECT_EQ(found("Became the go-to person for payroll questions."), V{});
  EXPECT_EQ(found("Chaired the Go/No-Go meeting before each release."), V{});
  EXPECT_EQ(found("Ran a three-node etcd cluster."), V{});
  EXPECT_EQ(found("Split the monolith into Python/Go services."), V{"Go"});
  EXPECT_EQ(found("Owned the CI/CD for Terraform-managed accounts."), (V{"CI/CD", "Terraform"}));
}

TEST_F(Mentions, InitialsAreNotLetters) {
  EXPECT_EQ(found("Reviewed by C. Okafor and signed off by R. Jenkins."), V{});
  EXPECT_EQ(found("Wrote firmware in C. Later moved to Rust."), V{"C"});  // "in C": the tool
}

TEST(CaseFold, UsesTheLanguageOfTheText) {
  EXPECT_EQ(guess_language("KIDEMLİ YAZILIM MÜHENDİSİ"), "tr");
  EXPECT_EQ(fold_case("KIDEMLİ", "tr"), "kıdemli");
  EXPECT_EQ(fold_case("KIDEMLİ", ""), "kidemli\u0307");  // root rules keep the dot
  EXPECT_EQ(fold_case("ƏMƏLİYYAT", "az"), "əməliyyat");
  EXPECT_EQ(fold_case("СТАРШИЙ", "ru"), "старший");
  EXPECT_EQ(fold_case("Re\u0301sume\u0301", ""), "r\u00e9sum\u00e9");  // NFC first
  EXPECT_EQ(fold_case("Kubernetes", ""), "kubernetes");
}

TEST(CaseFold, KeywordsInAnotherLanguageMatchWithItsRules) {
  Matcher m({"Geliştirme", "Résumé"}, {}, {}, &lexicon());
  EXPECT_EQ(m.find("YAZILIM GELİŞTİRME EKİBİ").size(), 1u);
  EXPECT_EQ(m.find("one Re\u0301sume\u0301 per role").size(), 1u);
  EXPECT_EQ(m.find("GELISTIRME").size(), 0u);  // a different word without its letters
}

}  // namespace
}  // namespace tailor::transform
