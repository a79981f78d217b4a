// Realistic documents built in C++ for the PDF writer's tests and benchmarks: Azerbaijani
// and Cyrillic text, long URLs, keyword runs, many entries. Header-only so bench/ can use it.
#pragma once

#include <string>

#include "model/document.hpp"

namespace tailor::test {

inline model::Run run(std::string text, bool strong = false, bool keyword = false,
                      std::string url = {}) {
  model::Run r;
  r.text = std::move(text);
  r.strong = strong;
  r.keyword = keyword;
  r.url = std::move(url);
  return r;
}

inline model::Bullet bullet(model::Inlines runs) {
  model::Bullet b;
  b.text = std::move(runs);
  return b;
}

inline model::Date ym(int y, int m) {
  model::Date d;
  d.year = y;
  d.month = m;
  return d;
}

/// A resume with `jobs` experience entries of `bullets` bullets each, plus summary,
/// projects (one with a 400-character URL), education, skills and languages.
inline model::Document sample_resume(int jobs = 5, int bullets = 4) {
  using namespace model;
  Document doc;
  doc.header.name.value = "Aysel Məmmədova";
  doc.header.headline.value = "Senior Backend Engineer";
  doc.header.email.value = "aysel.memmedova@example.az";
  doc.header.phone.value = "+994 50 123 45 67";
  doc.header.location.value = "Bakı, Azərbaycan";
  doc.header.links.push_back(Link{"GitHub", "https://github.com/aysel-m", {}});
  doc.header.links.push_back(Link{"LinkedIn", "linkedin.com/in/aysel-memmedova", {}});
  doc.meta.target_role = "Platform Engineer";
  doc.meta.keywords = {"Go", "Kubernetes", "PostgreSQL"};

  Section summary;
  summary.kind = SectionKind::Summary;
  summary.title = "Summary";
  Paragraph p;
  p.text = {run("Backend engineer with ten years of experience building payment and logistics "
                "systems in "),
            run("Go", false, true), run(" and "), run("C++", false, true),
            run(". Bakıda yaşayıram; şirkətlərdə çalışmışam, gözəl komandalarla işləməyi "
                "sevirəm. Ölçülə bilən nəticələr, ğ ı ö ü ç ş ə.")};
  summary.blocks.push_back(p);
  doc.sections.push_back(summary);

  Section exp;
  exp.kind = SectionKind::Experience;
  exp.title = "Experience";
  const char* orgs[] = {"Kapital Bank",  "Bolt",        "Azercell Telecom",
                        "PASHA Holding", "Yandex Taxi", "Baku Steel Company"};
  const char* roles[] = {"Senior Backend Engineer", "Backend Engineer", "Software Engineer",
                         "Platform Engineer",       "Junior Developer", "Intern"};
  for (int j = 0; j < jobs; ++j) {
    Entry e;
    e.role = roles[j % 6];
    e.organisation = orgs[j % 6] + (j >= 6 ? std::string(" (") + std::to_string(j) + ")" : "");
    e.location = j % 2 == 0 ? "Bakı, Azərbaycan" : "Tallinn, Estonia";
    e.dates.start = ym(2024 - j * 2, 3 + j % 9);
    if (j == 0) {
      e.dates.end.present = true;
    } else {
      e.dates.end = ym(2026 - j * 2, 1 + j % 11);
    }
    for (int b = 0; b < bullets; ++b) {
      Inlines t;
      switch (b % 4) {
        case 0:
          t = {run("Led the migration of "), run("14 services", true), run(" to "),
               run("Kubernetes", false, true),
               run(", cutting deployment time from two hours to eight minutes and on-call pages "
                   "by 60%.")};
          break;
        case 1:
          t = {run("Designed a "), run("PostgreSQL", false, true),
               run(" partitioning scheme for 3 billion ledger rows; queries went from 9 s to "
                   "120 ms.")};
          break;
        case 2:
          t = {
              run("Mentored four engineers; introduced code review guidelines adopted by the "
                  "whole department (entry " +
                  std::to_string(j + 1) + ").")};
          break;
        default:
          t = {run("Wrote the incident runbook, see "),
               run("runbook", false, false, "https://example.com/runbook"),
               run(", and ran game days every quarter.")};
          break;
      }
      e.bullets.push_back(bullet(t));
    }
    exp.blocks.push_back(e);
  }
  doc.sections.push_back(exp);

  Section proj;
  proj.kind = SectionKind::Projects;
  proj.title = "Projects";
  Entry pe;
  pe.role = "ledgerd";
  pe.organisation = "open source";
  pe.dates.start = ym(2022, 0);
  pe.dates.start.month = 0;
  pe.url = "https://github.com/aysel-m/ledgerd";
  pe.bullets.push_back(bullet(
      {run("A double-entry ledger service in "), run("Go", false, true), run(" with 2k stars.")}));
  std::string long_url = "https://example.com/very/long/path";
  while (long_url.size() < 400) long_url += "/segment-" + std::to_string(long_url.size());
  pe.bullets.push_back(bullet({run("Benchmarks: "), run(long_url, false, false, long_url)}));
  proj.blocks.push_back(pe);
  doc.sections.push_back(proj);

  Section edu;
  edu.kind = SectionKind::Education;
  edu.title = "Education";
  Entry ed;
  ed.role = "BSc Computer Science";
  ed.organisation = "Bakı Dövlət Universiteti";
  ed.location = "Bakı";
  ed.dates.start = ym(2010, 9);
  ed.dates.end = ym(2014, 6);
  edu.blocks.push_back(ed);
  doc.sections.push_back(edu);

  Section skills;
  skills.kind = SectionKind::Skills;
  skills.title = "Skills";
  SkillGroup g1;
  g1.label = "Languages";
  for (const char* s : {"Go", "C++", "Python", "SQL", "C#"}) {
    g1.items.push_back(Skill{s, std::string(s) == "Go", {}});
  }
  SkillGroup g2;
  g2.label = "Infrastructure";
  for (const char* s : {"Kubernetes", "Terraform", "PostgreSQL", "Kafka", "gRPC", ".NET"}) {
    g2.items.push_back(Skill{s, std::string(s) == "Kubernetes", {}});
  }
  skills.blocks.push_back(g1);
  skills.blocks.push_back(g2);
  doc.sections.push_back(skills);

  Section lang;
  lang.kind = SectionKind::Languages;
  lang.title = "Dillər";
  Paragraph lp;
  lp.text = {
      run("Azərbaycan dili (ana dili), English (C1), Русский язык: свободно, "
          "читаю и пишу.")};
  lang.blocks.push_back(lp);
  doc.sections.push_back(lang);
  return doc;
}

}  // namespace tailor::test
