// Titles need the role's defining evidence, from two independent places; seniority words in
// five languages are kept and never doubled; a headline in another language stays; the
// generalist title never replaces a more specific true one; people and references are never
// evidence. The resumes are written here for these tests.
#include <gtest/gtest.h>

#include "support/test_support.hpp"
#include "transform/built_in_roles.hpp"
#include "transform/engine.hpp"
#include "transform/fixtures.hpp"
#include "transform/rules.hpp"

namespace tailor::transform {
namespace {

using model::Document;
using model::SectionKind;
using test::job;
using test::present;
using test::section;
using test::skills;
using test::ym;

const test::BuiltInRoles& loaded() { return test::built_in_roles(); }

const Profile& role(const std::string& name) { return test::built_in_role(name); }

Report run(Document& d, const std::string& r) {
  TailorOptions opt;
  opt.rules = &loaded().rules;
  return tailor(d, role(r), loaded().rules.lexicon, opt);
}

Document person(const std::string& headline, std::vector<model::Entry> jobs,
                std::vector<std::string> skill_items) {
  Document d;
  d.header.name.value = "Test Person";
  d.header.headline.value = headline;
  std::vector<model::Block> blocks(jobs.begin(), jobs.end());
  d.sections.push_back(section(SectionKind::Experience, "Experience", blocks));
  d.sections.push_back(section(SectionKind::Skills, "Skills", {skills("Tools", skill_items)}));
  return d;
}

// An SRE who runs reliability with numbers but has never written infrastructure as code.
Document sre_without_iac(const std::string& headline) {
  return person(headline,
                {job("Site Reliability Engineer", "Tidewater Bank", ym(2021, 6), present(),
                     {"Defined SLOs and error budgets for the card authorisation path",
                      "Led incident response as incident commander for 40 outages",
                      "Cut alert noise by half with Prometheus and Grafana dashboards",
                      "Ran capacity planning for the Kubernetes and AWS fleet"}),
                 job("Operations Engineer", "Harbor Telecom", ym(2017, 1), ym(2021, 5),
                     {"Took part in the on-call rotation for billing services",
                      "Wrote postmortems and runbooks after every major incident",
                      "Automated Linux patching with Bash and Python"})},
                {"Prometheus", "Grafana", "PagerDuty", "Kubernetes", "AWS", "Docker", "Linux"});
}

TEST(DefiningEvidence, NoInfrastructureTitleWithoutInfrastructureAsCode) {
  // Seed: infrastructure as code is "the single most defining skill" of the role.
  Document d = sre_without_iac("Senior SRE");
  Report r = run(d, "infrastructure");
  EXPECT_EQ(d.header.headline.value, "Senior SRE");
  std::string e = render_report(r, loaded().sources);
  EXPECT_NE(e.find("requires infra.iac: no evidence of infrastructure as code"), std::string::npos)
      << e;
  Document s = sre_without_iac("Senior Operations Engineer");
  run(s, "sre");
  EXPECT_EQ(s.header.headline.value, "Senior Site Reliability Engineer");
}

TEST(DefiningEvidence, OneBulletNeverRetitles) {
  // A C++ market-data developer with one pipeline bullet is not a DevOps engineer.
  Document d = person("Senior C++ Developer",
                      {job("C++ Developer", "Meridian Trading", ym(2019, 3), present(),
                           {"Wrote the order book in C++20 with lock-free queues",
                            "Set up the Jenkins pipeline that builds and deploys the gateway",
                            "Profiled hot paths with perf and cut p99 latency to 8 microseconds"})},
                      {"C++", "Python", "Docker", "Git", "Bash", "Kubernetes", "Ansible",
                       "GitHub Actions", "Jenkins", "CI/CD", "Linux"});
  Report r = run(d, "devops");
  EXPECT_EQ(d.header.headline.value, "Senior C++ Developer");
  std::string e = render_report(r, loaded().sources);
  EXPECT_NE(e.find("requires devops.delivery"), std::string::npos) << e;
}

TEST(DefiningEvidence, DesignOwnedNotMerelyMentioned) {
  // Seed: a developer "writes code under the direction of a backend engineer who owns the
  // architecture".
  Document dev =
      person("Java Developer",
             {job("Java Developer", "Union Savings", ym(2020, 1), present(),
                  {"Implements the designs of the architecture team in Java and Spring Boot",
                   "Maintains REST APIs and PostgreSQL schemas for the loans system",
                   "Writes unit tests and integration tests; reviews pull requests"}),
              job("Junior Developer", "Union Savings", ym(2018, 1), ym(2019, 12),
                  {"Fixed SQL performance bugs in the reporting module"})},
             {"Java", "Spring Boot", "PostgreSQL", "REST", "Kafka", "Redis", "Docker", "Git"});
  run(dev, "backend-engineer");
  EXPECT_EQ(dev.header.headline.value, "Java Developer");

  Document eng =
      person("Senior Java Developer",
             {job("Senior Backend Developer", "Union Savings", ym(2020, 1), present(),
                  {"Designed the event-driven architecture of the payments platform on Kafka",
                   "Owned the API design for the loans system in Java and Spring Boot",
                   "Maintains REST APIs and PostgreSQL schemas with caching in Redis"}),
              job("Backend Developer", "Lakeside Insurance", ym(2016, 1), ym(2019, 12),
                  {"Architected the claims service and its database schema on PostgreSQL",
                   "Built scalability tests and monitoring for the claims API"})},
             {"Java", "Spring Boot", "PostgreSQL", "REST", "Kafka", "Redis", "Docker", "Git"});
  run(eng, "backend-engineer");
  EXPECT_EQ(eng.header.headline.value, "Senior Backend Engineer");
}

// Issue 13: evidence from "two independent places (two entries, or a listed skill plus a
// bullet)". Owned design written in one job and "system design" in the skills list is two
// places; without the listed skill it is one, and one owned bullet plus the list never is.
TEST(DefiningEvidence, ListedSkillPlusOwnedWorkIsTwoPlaces) {
  auto eng = [](std::vector<std::string> bullets, std::vector<std::string> listed) {
    return person("Senior Backend Developer",
                  {job("Senior Backend Developer", "Lakeside Freight", ym(2019, 1), present(),
                       std::move(bullets)),
                   job("Developer", "Union Savings", ym(2015, 1), ym(2018, 12),
                       {"Maintained REST APIs and PostgreSQL schemas in Java and Spring Boot"})},
                  std::move(listed));
  };
  std::vector<std::string> work = {
      "Designed the event-driven architecture of the tracking service on Kafka and PostgreSQL",
      "Own the API guidelines and review every new endpoint in Java and Spring Boot",
      "Added caching in Redis and scalability tests for the REST API"};
  std::vector<std::string> tools = {"Java", "Spring Boot", "PostgreSQL", "Kafka", "Redis", "REST"};
  std::vector<std::string> with_design = tools;
  with_design.push_back("system design");

  Document listed = eng(work, with_design);
  run(listed, "backend-engineer");
  EXPECT_EQ(listed.header.headline.value, "Senior Backend Engineer");

  Document unlisted = eng(work, tools);
  Report r = run(unlisted, "backend-engineer");
  EXPECT_EQ(unlisted.header.headline.value, "Senior Backend Developer");
  EXPECT_NE(render_report(r, loaded().sources).find("in 1 place(s), 2 needed"), std::string::npos);

  Document one = eng({work[0], work[2]}, with_design);
  run(one, "backend-engineer");
  EXPECT_EQ(one.header.headline.value, "Senior Backend Developer");
}

TEST(DefiningEvidence, PlatformNeedsAnInternalPlatformNotTheWordsOperatorsOrTemplates) {
  Document d = person(".NET Developer",
                      {job("Software Developer", "Orbit Mobile", ym(2019, 1), present(),
                           {"Built billing integrations for mobile operators in C# and .NET",
                            "Designed email templates for onboarding campaigns",
                            "Deployed services to Azure with Kubernetes and Helm charts"}),
                       job("Developer", "Pixel Shop", ym(2016, 1), ym(2018, 12),
                           {"Maintained templates for the product pages",
                            "Wrote Terraform for the Azure test environment"})},
                      {"C#", ".NET", "Azure", "Kubernetes", "Docker", "Terraform"});
  run(d, "platform");
  EXPECT_EQ(d.header.headline.value, ".NET Developer");
}

TEST(DefiningEvidence, SystemsNeedsLowLevelWorkNotTheWordPerformance) {
  Document d = person("Junior Developer",
                      {job("Junior Developer", "Quill Apps", ym(2023, 1), present(),
                           {"Improved page performance of the admin dashboard",
                            "Fixed bugs in the Python and Go services"})},
                      {"Python", "Go", "Linux", "C", "C++", "Rust", "Git"});
  run(d, "systems");
  EXPECT_EQ(d.header.headline.value, "Junior Developer");
  Document b = d;
  run(b, "backend-engineer");
  EXPECT_EQ(b.header.headline.value, "Junior Developer");
}

TEST(Seniority, KeptInEachLanguageAndNeverDoubled) {
  // An English title with another language's seniority word keeps the word in the new title.
  Document tr = sre_without_iac("Kıdemli Operations Engineer");
  run(tr, "sre");
  EXPECT_EQ(tr.header.headline.value, "Kıdemli Site Reliability Engineer");
  for (const char* h : {"Leitender SRE-Ingenieur", "Baş SRE mühəndisi", "Kıdemli SRE Mühendisi"}) {
    Document d = sre_without_iac(h);
    Report r = run(d, "sre");
    // Another language: the profile has English titles only, so the headline stays as is.
    EXPECT_EQ(d.header.headline.value, h) << render_report(r, loaded().sources);
    EXPECT_NE(render_report(r, loaded().sources).find("is kept as written"), std::string::npos);
  }
  Document twice = sre_without_iac("Senior Senior Operations Engineer");
  run(twice, "sre");
  EXPECT_EQ(twice.header.headline.value, "Senior Site Reliability Engineer");
  Document titled = sre_without_iac("Lead SRE | Lead of the on-call guild");
  run(titled, "sre");
  EXPECT_EQ(titled.header.headline.value,
            "Lead Site Reliability Engineer | Lead of the on-call guild");
}

TEST(Seniority, AnotherLanguageKeepsItsHeadlineAndSaysWhy) {
  Document d = sre_without_iac("Старший инженер по надёжности");
  Report r = run(d, "sre");
  EXPECT_EQ(d.header.headline.value, "Старший инженер по надёжности");
  std::string e = render_report(r, loaded().sources);
  EXPECT_NE(e.find("written in ru"), std::string::npos) << e;
}

TEST(Seniority, WhitespaceOfAKeptHeadlineNeverChanges) {
  Document d = sre_without_iac("Senior  Site Reliability   Engineer");
  run(d, "sre");
  EXPECT_EQ(d.header.headline.value, "Senior  Site Reliability   Engineer");
}

TEST(Fallback, GeneralistNeverReplacesASpecificTrueTitle) {
  Document d = sre_without_iac("Senior Site Reliability Engineer");
  Report r = run(d, "software-engineer");
  EXPECT_EQ(d.header.headline.value, "Senior Site Reliability Engineer")
      << render_report(r, loaded().sources);
  // A more specific title stays even where its own rules would not hold: the generalist is a
  // fallback, never a demotion ("Platform Engineer" without an internal platform).
  Document p = sre_without_iac("Platform Engineer");
  p.sections[0].blocks.push_back(job("Developer", "Kite Labs", ym(2015, 1), ym(2016, 12),
                                     {"Wrote Python and Go code with unit tests and code "
                                      "review; debugging and refactoring daily"}));
  run(p, "software-engineer");
  EXPECT_EQ(p.header.headline.value, "Platform Engineer");
  // A generic headline the fallback lists gives way, seniority kept.
  Document g = p;
  g.header.headline.value = "Senior Programmer";
  run(g, "software-engineer");
  EXPECT_EQ(g.header.headline.value, "Senior Software Engineer");
}

// Issue 13: the generalist title "never replaces a more specific true title", and a headline
// that is no software title at all is not one it replaces either, whatever words the work uses.
TEST(Fallback, GeneralistKeepsAHeadlineThatIsNotASoftwareTitle) {
  Document d = person("Mechanical Engineer (HVAC)",
                      {job("HVAC Design Engineer", "Caspian Build", ym(2019, 1), present(),
                           {"Design ventilation for hospitals; Python scripts for load sums",
                            "Wrote the unit tests of our Python and SQL sizing tools"})},
                      {"Python", "SQL", "Git", "AutoCAD"});
  Report r = run(d, "software-engineer");
  EXPECT_EQ(d.header.headline.value, "Mechanical Engineer (HVAC)");
  std::string e = render_report(r, loaded().sources);
  EXPECT_NE(e.find("not a generic title it replaces"), std::string::npos) << e;
}

TEST(NeverEvidence, ReferencesOrganisationsAndTrapWords) {
  Document d = person("Build Engineer",
                      {job("Build Engineer", "Jenkins & Sons Logistics", ym(2020, 1), present(),
                           {"Took the helm of the release train after the reorg",
                            "Kept backups encrypted at rest"})},
                      {"Bash"});
  d.sections.push_back(section(SectionKind::References, "References",
                               {test::bullet("Dana Jenkins, Head of Engineering, Helm Partners"),
                                test::bullet("Available on request; Go-Live lead C. Rivera")}));
  Report r = run(d, "devops");
  for (std::size_t k = 0; k < role("devops").keywords.size(); ++k) {
    const std::string& kw = role("devops").keywords[k].text;
    if (kw == "Jenkins" || kw == "Helm" || kw == "Go" || kw == "REST") {
      EXPECT_TRUE(r.evidence.keywords[k].occurrences.empty()) << kw;
    }
  }
  for (const BulletNote& b : r.bullets) {
    for (const std::string& k : b.keywords) {
      EXPECT_NE(k, "Helm");
      EXPECT_NE(k, "Jenkins");
    }
  }
}

TEST(Explain, JsonNamesEveryCountedKeywordWithItsPlace) {
  test::CliResult r = test::run_cli(
      {"build", "samples/infrastructure.resume", "--role", "platform", "--explain=json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.front(), '{');
  EXPECT_NE(r.err.find("\"counted\":[{\"keyword\":"), std::string::npos);
  EXPECT_NE(r.err.find("\"at\":\"samples/infrastructure.resume:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\"requires platform.internal: "), std::string::npos) << r.err;
  test::CliResult bad =
      test::run_cli({"build", "samples/infrastructure.resume", "--role", "sre", "--explain=xml"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(Explain, JobBuildsExplainTheRoleEvidenceBehindTheHeadline) {
  test::CliResult r = test::run_cli({"build", "samples/aysel.resume", "--job",
                                     "tests/fixtures/jobs/example-devops.txt", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t at = r.err.find("evidence for the headline's role");
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  counted: Terraform (weight 3, tool, group infra", at), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("samples/aysel.resume:", at), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tailor::transform
