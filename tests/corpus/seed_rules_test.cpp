// One test per seed rule of issue 13: the evidence that defines each title, checked on corpus
// people. Each test cites the seed sentence it enforces (/work/shared/seeds, the articles the
// role profiles were written from).
#include <gtest/gtest.h>

#include "corpus/corpus.hpp"

namespace tailor::corpus {
namespace {

// The headline of `person` after `tailor build --role role`; `as` replaces the resume's own
// headline first (to ask whether a rule would retitle someone not already so titled).
std::string headline(const std::string& person, const std::string& role,
                     const std::string& as = "") {
  Corpus& c = corpus();
  std::optional<model::Document> doc = c.read(c.people.at(person));
  if (!doc) return "<unreadable>";
  if (!as.empty()) doc->header.headline.value = as;
  transform::tailor(*doc, c.role(role), c.rules.lexicon, {});
  return doc->header.headline.value;
}

// "Infrastructure as Code (IaC): Writing Terraform, Pulumi, or CloudFormation templates to define
// infrastructure declaratively. This is the single most defining skill of the role. If you write
// Terraform daily, you're probably an infrastructure engineer." (seed 000, Infrastructure Engineer)
TEST(SeedRules, InfrastructureNeedsInfrastructureAsCode) {
  EXPECT_EQ(headline("sevinj", "infrastructure"), "Senior Infrastructure Engineer");
  EXPECT_EQ(headline("nigar", "infrastructure", "Cloud Operations Engineer"),
            "Infrastructure Engineer");
  // Kubernetes, Prometheus and on-call without any IaC: not an infrastructure engineer.
  EXPECT_EQ(headline("leyla", "infrastructure"), "Site Reliability Engineer");
  EXPECT_EQ(headline("toghrul", "infrastructure"), "Kubernetes Administrator");
  EXPECT_EQ(headline("mariam", "infrastructure"), "Staff Site Reliability Engineer");
}

// "A mix of systems and reliability with SLOs and incident response | Site Reliability Engineer
// (SRE)" and "SRE | Reliability, SLOs, incident response, error budgets" (seed 000).
TEST(SeedRules, SreNeedsSlosErrorBudgetsIncidentResponseOrOnCall) {
  EXPECT_EQ(headline("leyla", "sre", "Production Engineer"), "Site Reliability Engineer");
  // One weekend on-call bullet, monitoring without SLOs, or systems work is not SRE.
  EXPECT_EQ(headline("vusal", "sre"), "Production Support Engineer");
  EXPECT_EQ(headline("kamran", "sre"), "Systems Engineer");
  EXPECT_EQ(headline("nigar", "sre"), "Infrastructure Engineer");
}

// "A mix of infrastructure and automation with a focus on deployment velocity | DevOps Engineer"
// (seed 000); backend developers only "can configure basic GitHub Actions or GitLab CI jobs"
// (seed 002), which is not owning the pipelines.
TEST(SeedRules, DevOpsNeedsOwnedPipelinesAndDeploymentAutomation) {
  EXPECT_EQ(headline("tural", "devops", "Build Engineer"), "DevOps Engineer");
  EXPECT_EQ(headline("peter", "devops"), "Senior DevOps Engineer");
  // One CI bullet: a C++ developer, a QA engineer and a generalist stay what they are.
  EXPECT_EQ(headline("anton", "devops"), "Senior C++ Developer");
  EXPECT_EQ(headline("gunel", "devops"), "QA Automation Engineer");
  EXPECT_EQ(headline("mehmet", "devops"), "Programmer");
}

// "Building internal developer platforms and self-service tooling | Platform Engineer" and
// "Platform engineering — building internal developer platforms that abstract away
// infrastructure complexity" (seed 000).
TEST(SeedRules, PlatformNeedsAnInternalPlatformOrSelfServiceTooling) {
  EXPECT_EQ(headline("murad", "platform", "Infrastructure Engineer"), "Platform Engineer");
  // "mobile operators", "email templates", "the Kubernetes platform", "hired the platform team".
  EXPECT_EQ(headline("farid", "platform"), "Senior .NET Developer");
  EXPECT_EQ(headline("toghrul", "platform"), "Kubernetes Administrator");
  EXPECT_EQ(headline("rauf", "platform"), "Engineering Manager");
  EXPECT_EQ(headline("grace", "platform"), "Technical Project Manager");
}

// "Post 'backend engineer' when you need someone to own architecture, make scalability and
// reliability decisions, and set technical standards" and "a bank's IT department might label a
// role Backend Developer – Java for someone coding Java services under direction" (seed 002).
TEST(SeedRules, BackendEngineerNeedsDesignOwnedNotMentioned) {
  EXPECT_EQ(headline("emre", "backend-engineer"), "Kıdemli Backend Engineer");
  EXPECT_EQ(headline("lale", "backend-engineer"), "Staff Backend Engineer");
  // Implementing others' designs, attending architecture reviews, one "performance" bullet.
  EXPECT_EQ(headline("kamila", "backend-engineer"), "Java Developer");
  EXPECT_EQ(headline("anar", "backend-engineer"), "Backend Developer");
  EXPECT_EQ(headline("lucas", "backend-engineer"), "Backend Developer");
  EXPECT_EQ(headline("orxan", "backend-engineer"), "Go Developer");
  EXPECT_EQ(headline("rustam", "backend-engineer"), "Junior Backend Developer");
}

// "a systems engineer focuses on the operating system, networking, and runtime environment that
// the application code runs on" with "Performance tuning", "Capacity planning" and "OS-level
// configuration" as its core responsibilities (seed 000).
TEST(SeedRules, SystemsNeedsKernelOsNetworkingOrPerformanceWork) {
  EXPECT_EQ(headline("kamran", "systems", "Software Engineer"), "Systems Engineer");
  EXPECT_EQ(headline("rustam", "systems"), "Junior Backend Developer");
  EXPECT_EQ(headline("ramil", "systems"), "Linux System Administrator");
  EXPECT_EQ(headline("toghrul", "systems"), "Kubernetes Administrator");
}

// Issue 13: "A headline in a language that the profile has no title for is left as it is", and
// the seed's seniority ladder ("Senior, Staff, Principal, and Distinguished Engineer", seed 001)
// is kept in any language the lexicon knows.
TEST(SeedRules, HeadlinesInOtherLanguagesAreKept) {
  for (const std::string& r : kRoles) {
    EXPECT_EQ(headline("olga", r), "Старший бэкенд-разработчик") << r;
    EXPECT_EQ(headline("anja", r), "Leitende Systemingenieurin") << r;
    EXPECT_EQ(headline("rashad", r), "Baş DevOps mühəndisi") << r;
    EXPECT_EQ(headline("gunay", r), "Baş proqramçı") << r;
    EXPECT_EQ(headline("zeynep", r), "Kıdemli Platform Mühendisi") << r;
    EXPECT_EQ(headline("dmitri", r), "Старший SRE-инженер") << r;
  }
}

// Issue 13: "The generalist title (Software Engineer) is a fallback, and it never replaces a more
// specific true title."
TEST(SeedRules, SoftwareEngineerNeverReplacesAMoreSpecificTitle) {
  EXPECT_EQ(headline("mehmet", "software-engineer"), "Software Engineer");
  for (const char* p : {"elvin", "kamran", "leyla", "nigar", "lale", "farid", "sara"}) {
    Corpus& c = corpus();
    std::optional<model::Document> doc = c.read(c.people.at(p));
    ASSERT_TRUE(doc);
    EXPECT_EQ(headline(p, "software-engineer"), doc->header.headline.value) << p;
  }
}

}  // namespace
}  // namespace tailor::corpus
