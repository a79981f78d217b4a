// Resumes built in C++ for the rule-engine tests, and a seeded generator of random resumes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace tailor::test {

inline model::Inlines text(const std::string& s) {
  return {model::Run{s, false, false, false, "", {}}};
}

inline model::Bullet bullet(const std::string& s) { return model::Bullet{text(s), {}, {}}; }

inline model::SkillGroup skills(const std::string& label, const std::vector<std::string>& items) {
  model::SkillGroup g;
  g.label = label;
  for (const std::string& i : items) g.items.push_back(model::Skill{i, false, {}});
  return g;
}

inline model::Date ym(int y, int m) { return model::Date{y, m, 0, false, {}}; }
inline model::Date present() { return model::Date{0, 0, 0, true, {}}; }

inline model::Entry job(const std::string& role, const std::string& org, model::Date from,
                        model::Date to, const std::vector<std::string>& bullets) {
  model::Entry e;
  e.role = role;
  e.organisation = org;
  e.dates = {from, to};
  for (const std::string& b : bullets) e.bullets.push_back(bullet(b));
  return e;
}

inline model::Section section(model::SectionKind kind, const std::string& title,
                              std::vector<model::Block> blocks,
                              std::vector<std::string> tags = {}) {
  model::Section s;
  s.kind = kind;
  s.title = title;
  s.blocks = std::move(blocks);
  s.tags = std::move(tags);
  return s;
}

/// A backend engineer with real Terraform, Kubernetes and CI/CD work (like samples/aysel).
inline model::Document backend_infra_resume() {
  using model::SectionKind;
  model::Document d;
  d.header.name.value = "Aysel Məmmədova";
  d.header.headline.value = "Senior Backend Engineer";
  d.header.email.value = "aysel@example.com";
  d.sections.push_back(section(
      SectionKind::Summary, "Summary",
      {model::Paragraph{
          text("Backend engineer building payment services in Python and Django."), {}, {}}}));
  d.sections.push_back(section(
      SectionKind::Summary, "Summary",
      {model::Paragraph{
          text("Engineer who runs her services: Terraform, Kubernetes and CI/CD pipelines."),
          {},
          {}}},
      {"infrastructure"}));
  d.sections.push_back(
      section(SectionKind::Experience, "Experience",
              {job("Backend Engineer", "PayTech", ym(2021, 3), present(),
                   {"Built REST APIs in Python and Django for loan applications.",
                    "Designed a caching layer with Redis that halved database load.",
                    "Wrote Terraform modules for the AWS staging and production accounts.",
                    "Moved twelve services to k8s with Helm charts and GitHub Actions CI/CD.",
                    "Mentored two junior developers."}),
               job("Software Developer", "Kapital Bank", ym(2017, 9), ym(2021, 2),
                   {"Maintained Java and Spring Boot services for card payments.",
                    "Wrote unit tests and integration tests for the ledger.",
                    "Tuned Postgres queries and added indexes."})}));
  d.sections.push_back(section(
      SectionKind::Skills, "Skills",
      {skills("Languages", {"Python", "Go", "SQL", "Java"}),
       skills("Frameworks", {"Django", "FastAPI", "Spring Boot"}),
       skills("Infrastructure", {"Docker", "Terraform", "Kubernetes", "AWS", "GitHub Actions"}),
       skills("Databases", {"PostgreSQL", "Redis"})}));
  d.sections.push_back(
      section(SectionKind::Education, "Education",
              {job("BSc Computer Science", "ADA University", ym(2013, 9), ym(2017, 6), {})}));
  return d;
}

/// A systems engineer with no infrastructure as code and no Kubernetes (like samples/systems).
inline model::Document systems_resume() {
  using model::SectionKind;
  model::Document d;
  d.header.name.value = "Kamran Əliyev";
  d.header.headline.value = "Staff Systems Engineer";
  d.sections.push_back(section(
      SectionKind::Summary, "Summary",
      {model::Paragraph{
          text("Systems engineer who makes Linux services fast and predictable."), {}, {}}}));
  d.sections.push_back(
      section(SectionKind::Experience, "Experience",
              {job("Systems Engineer", "FinCo", ym(2020, 1), present(),
                   {"Wrote load tests in Go for the payment gateway.",
                    "Profiled latency spikes with perf and flame graphs; cut p99 latency by 40%.",
                    "Tuned Linux kernel TCP/IP settings for the ingress tier.",
                    "Led capacity planning for the database fleet."}),
               job("C++ Developer", "Telco", ym(2015, 5), ym(2019, 12),
                   {"Maintained a C++ packet router and its C drivers.",
                    "Debugged core dumps with gdb and strace."})}));
  d.sections.push_back(section(SectionKind::Skills, "Skills",
                               {skills("Languages", {"C", "C++", "Go", "Rust", "Python"}),
                                skills("Tools", {"perf", "eBPF", "Wireshark", "strace", "Git"}),
                                skills("Databases", {"PostgreSQL"})}));
  return d;
}

/// Deterministic pseudo-random numbers (a 64-bit LCG): the same seed gives the same resumes.
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed * 2862933555777941757ULL + 3037000493ULL) {}
  std::size_t below(std::size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state_ >> 33) % n);
  }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

/// A random resume mixing tricky tokens (C, C++, C#, Go, Google, Java, JavaScript, k8s, ...).
inline model::Document generated_resume(std::uint64_t seed) {
  using model::SectionKind;
  Lcg r(seed);
  static const std::vector<std::string> kSkills = {
      "C",        "C++",        "C#",         ".NET",         "Go",      "Google Cloud",
      "Java",     "JavaScript", "Node.js",    "CI/CD",        "k8s",     "Kubernetes",
      "Postgres", "Terraform",  "Django",     "FastAPI",      "gRPC",    "Linux",
      "perf",     "eBPF",       "Prometheus", "Grafana",      "GHA",     "golang",
      "Rust",     "Python",     "Helm",       "load testing", "SLOs",    "Backstage",
      "React",    "Excel",      "Photoshop",  "AWS",          "Ansible", "Redis"};
  static const std::vector<std::string> kVerbs = {"Built", "Ran",   "Moved",    "Tuned",
                                                  "Wrote", "Owned", "Designed", "Automated"};
  static const std::vector<std::string> kTails = {
      "for the payments team.", "with good test coverage.",   "and cut costs by 20%.",
      "across three regions.",  "; on-call for it too.",      "so teams go faster.",
      "at Google scale.",       "(C/C++ and Python/Django).", "in JavaScript, not Java."};
  static const std::vector<std::string> kHeadlines = {"Senior Backend Engineer",
                                                      "Software Developer",
                                                      "Lead Systems Engineer",
                                                      "Staff Engineer | Go, Kubernetes",
                                                      "DevOps Engineer",
                                                      "Principal Engineer",
                                                      ""};
  model::Document d;
  d.header.name.value = "Person " + std::to_string(seed);
  d.header.headline.value = r.pick(kHeadlines);
  if (r.below(2)) {
    d.sections.push_back(
        section(SectionKind::Summary, "Summary",
                {model::Paragraph{
                    text("I like " + r.pick(kSkills) + " and " + r.pick(kSkills) + "."), {}, {}}}));
    d.sections.push_back(
        section(SectionKind::Summary, "Summary",
                {model::Paragraph{text("Tagged summary about " + r.pick(kSkills) + "."), {}, {}}},
                {r.below(2) ? "infrastructure" : "backend"}));
  }
  std::vector<model::Block> jobs;
  std::size_t njobs = 1 + r.below(3);
  for (std::size_t j = 0; j < njobs; ++j) {
    std::vector<std::string> bl;
    std::size_t nb = r.below(6);
    for (std::size_t b = 0; b < nb; ++b) {
      bl.push_back(r.pick(kVerbs) + " " + r.pick(kSkills) + " and " + r.pick(kSkills) + " " +
                   r.pick(kTails));
    }
    int y = 2024 - static_cast<int>(j * 3 + r.below(3));
    jobs.push_back(job(j == 0 ? "Engineer" : "Developer", "Org " + std::to_string(j), ym(y - 2, 1),
                       j == 0 && r.below(2) ? present() : ym(y, 6), bl));
  }
  d.sections.push_back(section(SectionKind::Experience, "Experience", std::move(jobs)));
  std::vector<model::Block> groups;
  std::size_t ng = r.below(4);
  for (std::size_t g = 0; g < ng; ++g) {
    std::vector<std::string> items;
    std::size_t ni = 1 + r.below(6);
    for (std::size_t i = 0; i < ni; ++i) items.push_back(r.pick(kSkills));
    groups.push_back(skills("Group " + std::to_string(g), items));
  }
  if (!groups.empty()) {
    d.sections.push_back(section(SectionKind::Skills, "Skills", std::move(groups)));
  }
  return d;
}

}  // namespace tailor::test
