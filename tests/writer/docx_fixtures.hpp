// Documents and styles for the DOCX writer tests, built in C++ so the tests do not depend on
// a reader: an Azerbaijani resume with a Cyrillic line, links and keywords; a hostile one.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "style/style.hpp"
#include "writer/docx/docx.hpp"

namespace tailor::test::docx_fixtures {

inline model::SourceSpan at(std::uint32_t line, std::uint32_t col = 1) {
  return {1, line, col, line, col + 1};
}

inline model::Run run(std::string text, bool strong = false, bool emph = false,
                      bool keyword = false, std::string url = {}) {
  model::Run r;
  r.text = std::move(text);
  r.strong = strong;
  r.emph = emph;
  r.keyword = keyword;
  r.url = std::move(url);
  r.span = at(20);
  return r;
}

inline model::Bullet bullet(model::Inlines text) {
  model::Bullet b;
  b.text = std::move(text);
  b.span = at(30);
  return b;
}

inline model::Skill skill(std::string name, bool keyword = false) {
  model::Skill s;
  s.name = std::move(name);
  s.keyword = keyword;
  s.span = at(40);
  return s;
}

inline model::Section section(model::SectionKind kind, std::string title) {
  model::Section s;
  s.kind = kind;
  s.title = std::move(title);
  s.span = at(10);
  return s;
}

/// Aysel Məmmədova, backend engineer in Baku: every block kind, links of every scheme.
inline model::Document aysel() {
  using namespace model;
  Document d;
  d.header.name = {"Aysel Məmmədova", at(1)};
  d.header.headline = {"Senior Backend Engineer", at(2)};
  d.header.email = {"aysel.mammadova@example.az", at(3)};
  d.header.phone = {"+994 50 123 45 67", at(4)};
  d.header.location = {"Bakı, Azərbaycan", at(5)};
  d.header.links.push_back({"GitHub", "https://github.com/aysel-m", at(6)});
  d.header.links.push_back({"", "linkedin.com/in/aysel-mammadova", at(7)});

  Section summary = section(SectionKind::Summary, "Summary");
  Paragraph p;
  p.text = {run("Backend engineer with seven years of "),
            run("C++", false, false, true),
            run(" and "),
            run("PostgreSQL", false, false, true),
            run(" in payments; I write about it at "),
            run("blog.example.az", false, false, false, "https://blog.example.az/ə?a=1&b=2"),
            run(". "),
            run("Şəki", true),
            run(" born, "),
            run("Bakı", false, true),
            run(" based.")};
  p.span = at(12);
  summary.blocks.push_back(p);
  d.sections.push_back(summary);

  Section exp = section(SectionKind::Experience, "Experience");
  Entry e1;
  e1.role = "Senior Backend Engineer";
  e1.organisation = "Azərçay Texnologiyalar";
  e1.location = "Bakı";
  e1.dates.start = {2021, 4, 0, false, at(15)};
  e1.dates.end = {0, 0, 0, true, at(15)};
  e1.span = at(14);
  e1.bullets.push_back(bullet({run("Cut p99 latency of the ödəniş service by 43% with "),
                               run("gRPC", false, false, true), run(" streaming")}));
  e1.bullets.push_back(bullet(
      {run("Led a team of four; mentored two juniors in "), run("C++", false, false, true)}));
  exp.blocks.push_back(e1);
  Entry e2;
  e2.role = "Software Developer";
  e2.organisation = "Яндекс";
  e2.location = "Москва";
  e2.dates.start = {2017, 9, 0, false, at(20)};
  e2.dates.end = {2021, 3, 0, false, at(20)};
  e2.url = "https://yandex.ru";
  e2.span = at(19);
  Paragraph desc;
  desc.text = {run("Разработала сервис платежей на Go и PostgreSQL.")};
  desc.span = at(21);
  e2.description.push_back(desc);
  e2.bullets.push_back(
      bullet({run("Migrated 40 cron jobs to a queue; ğ ı ö ü ç ş ə all survive")}));
  exp.blocks.push_back(e2);
  d.sections.push_back(exp);

  Section edu = section(SectionKind::Education, "Education");
  Entry e3;
  e3.role = "BSc Computer Science";
  e3.organisation = "Bakı Dövlət Universiteti";
  e3.dates.start = {2013, 0, 0, false, at(25)};
  e3.dates.end = {2017, 0, 0, false, at(25)};
  e3.span = at(24);
  edu.blocks.push_back(e3);
  d.sections.push_back(edu);

  Section skills = section(SectionKind::Skills, "Skills");
  SkillGroup g1;
  g1.label = "Languages";
  g1.items = {skill("C++", true), skill("Go"), skill("Python"), skill("C#")};
  g1.span = at(30);
  SkillGroup g2;
  g2.label = "Data";
  g2.items = {skill("PostgreSQL", true), skill("Redis"), skill("Kafka")};
  g2.span = at(31);
  skills.blocks.push_back(g1);
  skills.blocks.push_back(g2);
  d.sections.push_back(skills);

  Section langs = section(SectionKind::Languages, "Dillər");
  SkillGroup g3;
  g3.items = {skill("Azərbaycan dili"), skill("Русский"), skill("English")};
  g3.span = at(35);
  langs.blocks.push_back(g3);
  d.sections.push_back(langs);

  d.meta.target_role = "Backend Engineer";
  d.meta.keywords = {"C++", "PostgreSQL", "gRPC"};
  return d;
}

/// Eight long contact items, as a senior engineer's header may have: too many for one line.
inline model::Document long_contact() {
  using namespace model;
  Document d;
  d.header.name = {"Maximiliane Oberhauser-Castellanos", at(1)};
  d.header.email = {"maximiliane.oberhauser-castellanos@platform-engineering.example.com", at(2)};
  d.header.phone = {"+49 170 555 01 23 45", at(3)};
  d.header.address = {"Große Eschenheimer Straße 12, 60313 Frankfurt", at(4)};
  d.header.location = {"Frankfurt am Main, Germany", at(5)};
  d.header.links.push_back(
      {"LinkedIn", "https://www.linkedin.com/in/maximiliane-oberhauser-castellanos-sre", at(6)});
  d.header.links.push_back(
      {"GitHub", "https://github.com/maximiliane-oberhauser-castellanos", at(7)});
  d.header.links.push_back(
      {"Site", "https://maximiliane-oberhauser.example.dev/writing/reliability", at(8)});
  d.header.links.push_back({"Mastodon", "https://fosstodon.example.social/@mob", at(9)});
  return d;
}

/// Text that tries to break out of w:t, XML specials everywhere, control characters and an
/// unsafe link.
inline model::Document hostile() {
  using namespace model;
  Document d;
  d.header.name = {"Ada </w:t></w:r><w:p>", at(1)};
  d.header.headline = {"\"Quoted\" & 'apostrophes' ]]> <!-- -->", at(2)};
  d.header.email = {"ada@example.com", at(3)};
  d.header.links.push_back({"click me", "javascript:alert(1)", at(4)});
  Section exp = section(SectionKind::Experience, "Experience & <Work>");
  Entry e;
  e.role = "Engineer";
  e.organisation = "R&D <Labs>";
  e.location = "Gəncə";
  e.dates.start = {2020, 1, 0, false, at(8)};
  e.span = at(7);
  e.bullets.push_back(
      bullet({run("Bell\x07 and\x01 null-ish \x1B controls; U+FFFE \xEF\xBF\xBE gone")}));
  e.bullets.push_back(bullet({run("A file link", false, false, false, "file:///etc/passwd")}));
  exp.blocks.push_back(e);
  d.sections.push_back(exp);
  return d;
}

/// Serif, black and thin rules, centred header: the classic look.
inline style::Style classic() {
  style::Style s;
  s.name = "classic";
  s.header_centered = true;
  s.body_font = "DejaVu Serif";
  s.heading_font = "DejaVu Serif";
  s.heading_style = style::HeadingStyle::Rule;
  return s;
}

/// Sans with a blue accent, bar headings in capitals, agency header and footer lines.
inline style::Style modern() {
  style::Style s;
  s.name = "modern";
  s.body_font = "DejaVu Sans";
  s.heading_font = "DejaVu Sans";
  s.accent = {0x1F, 0x4E, 0x79};
  s.muted = {0x66, 0x66, 0x66};
  s.heading_style = style::HeadingStyle::Bar;
  s.heading_uppercase = true;
  s.name_size = 24;
  s.margin_left = s.margin_right = 48;
  s.bullet = "\u25B8";
  s.header_text = "Presented by Xəzər Talent — confidential";
  s.footer_text = "Xəzər Talent · +994 12 000 00 00";
  return s;
}

/// Small sizes, tight spacing, plain headings, one-line entries, US Letter: the compact look.
inline style::Style compact() {
  style::Style s;
  s.name = "compact";
  s.entry_inline = true;
  s.paper = style::Paper::Letter;
  s.margin_top = s.margin_bottom = 36;
  s.margin_left = s.margin_right = 40;
  s.body_font = "DejaVu Sans";
  s.heading_font = "DejaVu Sans";
  s.name_size = 18;
  s.headline_size = 11;
  s.heading_size = 11;
  s.body_size = 9.5;
  s.small_size = 8.5;
  s.line_height = 1.15;
  s.paragraph_spacing = 1.5;
  s.section_spacing_before = 8;
  s.section_spacing_after = 2;
  s.entry_spacing = 4;
  s.bullet_indent = 10;
  s.bullet = "–";
  s.heading_style = style::HeadingStyle::Plain;
  s.date_format = "yyyy-mm";
  return s;
}

/// A 40x20 px PNG in the modern accent colour: an agency logo for header tests.
inline std::string logo_png() {
  static const char kPng[] =
      "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x28"
      "\x00\x00\x00\x14\x08\x02\x00\x00\x00\x70\x24\xE8\xEC\x00\x00\x00\x24\x49\x44\x41"
      "\x54\x78\xDA\x63\x90\xF7\xAB\x1C\x10\xC4\x30\x6A\xF1\xA8\xC5\xA3\x16\x8F\x5A\x3C"
      "\x6A\xF1\xA8\xC5\xA3\x16\x8F\x5A\x3C\x72\x2C\x06\x00\xEE\xB0\xCE\xDF\x43\x19\x5A"
      "\x74\x00\x00\x00\x00\x49\x45\x4E\x44\xAE\x42\x60\x82";
  return std::string(kPng, sizeof kPng - 1);
}

/// The document as one Flat OPC XML file (write_docx_xml) in a style; a failure fails the test.
inline std::string flat_opc(const model::Document& doc, const style::Style& st) {
  writer::RenderOptions o;
  o.style = &st;
  std::string out;
  diag::Diagnostics d;
  EXPECT_TRUE(writer::write_docx_xml(doc, o, out, d));
  return out;
}

}  // namespace tailor::test::docx_fixtures
