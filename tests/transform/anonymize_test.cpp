// --anonymize removes every way to identify the candidate and keeps what screening needs.
#include <gtest/gtest.h>

#include <string>

#include "model/document.hpp"
#include "transform/anonymize.hpp"

using namespace tailor;

namespace {

model::Run run(std::string text, std::string url = {}) {
  model::Run r;
  r.text = std::move(text);
  r.url = std::move(url);
  return r;
}

model::Document sample() {
  model::Document d;
  d.header.name.value = "Aysel Məmmədova";
  d.header.headline.value = "Backend Engineer";
  d.header.email.value = "aysel.m@example.az";
  d.header.phone.value = "+994 50 123 45 67";
  d.header.location.value = "Baku, Azerbaijan";
  d.header.address.value = "28 May küçəsi 14, mənzil 7";
  d.header.photo.value = "photos/aysel.jpg";
  d.header.links = {{"GitHub", "https://github.com/aysel-m", {}},
                    {"Site", "https://aysel.dev/", {}}};

  model::Section summary;
  summary.kind = model::SectionKind::Summary;
  summary.title = "Summary";
  model::Paragraph p;
  p.text = {run("MƏMMƏDOVA builds APIs; Aysel’s code is at "),
            run("github.com/aysel-m/api", "https://github.com/aysel-m/api"),
            run(". Mail aysel.m@example.az or aysel.other@gmail.com, call 050-123-45-67 "
                "or tel:+994501234567. See www.aysel.dev/blog and "),
            run("write to me", "mailto:aysel.m@example.az"), run("; Memmedova again.")};
  summary.blocks.push_back(p);

  model::Section exp;
  exp.kind = model::SectionKind::Experience;
  exp.title = "Experience";
  model::Entry e;
  e.role = "Senior Backend Engineer";
  e.organisation = "Azercell";
  e.location = "Baku";
  e.dates.start.year = 2019;
  e.url = "https://linkedin.com/in/aysel";
  model::Bullet b;
  b.text = {run("Cut p99 latency by 40% for 4 million subscribers with "),
            run("Go", "https://go.dev")};
  e.bullets.push_back(b);
  exp.blocks.push_back(e);

  model::Section skills;
  skills.kind = model::SectionKind::Skills;
  skills.title = "Skills";
  model::SkillGroup g;
  g.label = "Languages";
  g.items = {{"Go", false, {}}, {"C++", false, {}}, {"PostgreSQL", false, {}}};
  skills.blocks.push_back(g);

  model::Section edu;
  edu.kind = model::SectionKind::Education;
  edu.title = "Education";
  model::Entry degree;
  degree.role = "BSc Computer Science";
  degree.organisation = "ADA University";
  edu.blocks.push_back(degree);

  model::Section refs;
  refs.kind = model::SectionKind::References;
  refs.title = "References";
  model::Paragraph rp;
  rp.text = {run("Elvin Quliyev, +994 55 000 00 00")};
  refs.blocks.push_back(rp);

  d.sections = {summary, exp, skills, edu, refs};
  return d;
}

/// All the text of a document, for leak checks.
std::string all_text(const model::Document& d) {
  std::string s = d.header.name.value + "\n" + d.header.headline.value + "\n" +
                  d.header.email.value + d.header.phone.value + d.header.address.value +
                  d.header.photo.value + "\n" + d.header.location.value + "\n";
  for (const auto& l : d.header.links) s += l.label + " " + l.url + "\n";
  auto runs = [&](const model::Inlines& in) {
    for (const auto& r : in) s += r.text + "<" + r.url + ">";
    s += "\n";
  };
  for (const auto& sec : d.sections) {
    s += sec.title + "\n";
    for (const auto& b : sec.blocks) {
      if (auto* p = std::get_if<model::Paragraph>(&b)) runs(p->text);
      if (auto* bl = std::get_if<model::Bullet>(&b)) runs(bl->text);
      if (auto* e = std::get_if<model::Entry>(&b)) {
        s += e->role + " | " + e->organisation + " | " + e->location + " | " + e->url + "\n";
        for (const auto& bb : e->bullets) runs(bb.text);
      }
      if (auto* g = std::get_if<model::SkillGroup>(&b)) {
        s += g->label + ":";
        for (const auto& k : g->items) s += " " + k.name;
        s += "\n";
      }
    }
  }
  return s;
}

}  // namespace

TEST(Anonymize, HeaderKeepsOnlyReferenceHeadlineAndCity) {
  model::Document d = sample();
  transform::AnonymizeReport r = transform::anonymize(d, "Candidate 3F9A2C");
  EXPECT_EQ(d.header.name.value, "Candidate 3F9A2C");
  EXPECT_EQ(d.header.headline.value, "Backend Engineer");
  EXPECT_EQ(d.header.location.value, "Baku, Azerbaijan");
  EXPECT_TRUE(d.header.email.empty());
  EXPECT_TRUE(d.header.phone.empty());
  EXPECT_TRUE(d.header.address.empty());
  EXPECT_TRUE(d.header.photo.empty());
  EXPECT_TRUE(d.header.links.empty());
  EXPECT_EQ(r.fields_removed, 6);  // email, phone, address, photo, two links
}

TEST(Anonymize, NoIdentifyingStringSurvivesInTheBody) {
  model::Document d = sample();
  transform::AnonymizeReport r = transform::anonymize(d, "Candidate 3F9A2C");
  std::string text = all_text(d);
  for (const char* leak : {"Aysel", "aysel", "Məmmədova", "MƏMMƏDOVA", "Memmedova", "example.az",
                           "gmail.com", "123-45-67", "501234567", "github.com/aysel", "aysel.dev",
                           "mailto:", "tel:", "linkedin", "Quliyev", "+994 55"}) {
    EXPECT_EQ(text.find(leak), std::string::npos) << "leaked '" << leak << "' in:\n" << text;
  }
  EXPECT_NE(text.find("Candidate 3F9A2C builds APIs"), std::string::npos) << text;
  EXPECT_NE(text.find("Candidate 3F9A2C’s code"), std::string::npos) << text;
  EXPECT_GE(r.links_removed, 3);  // github run, mailto run, linkedin entry url
  EXPECT_EQ(r.sections_removed, 1);
}

TEST(Anonymize, KeepsWorkHistorySkillsEducationAndOtherLinks) {
  model::Document d = sample();
  transform::anonymize(d, "R-1");
  ASSERT_EQ(d.sections.size(), 4u);
  const auto& e = std::get<model::Entry>(d.sections[1].blocks[0]);
  EXPECT_EQ(e.role, "Senior Backend Engineer");
  EXPECT_EQ(e.organisation, "Azercell");
  EXPECT_EQ(e.dates.start.year, 2019);
  EXPECT_TRUE(e.url.empty());  // a LinkedIn profile
  EXPECT_EQ(e.bullets[0].text[0].text, "Cut p99 latency by 40% for 4 million subscribers with ");
  EXPECT_EQ(e.bullets[0].text[1].url, "https://go.dev");  // not a personal link
  const auto& g = std::get<model::SkillGroup>(d.sections[2].blocks[0]);
  ASSERT_EQ(g.items.size(), 3u);
  EXPECT_EQ(g.items[1].name, "C++");
  EXPECT_EQ(std::get<model::Entry>(d.sections[3].blocks[0]).organisation, "ADA University");
}

TEST(Anonymize, EveryPageOfAPersonalSiteGoes) {
  model::Document d;
  d.header.name.value = "Kamran Aliyev";
  d.header.links = {{"Blog", "https://kamran.example.org/notes", {}},
                    {"GitHub", "https://github.com/kamran", {}}};
  model::Section s;
  s.kind = model::SectionKind::Projects;
  model::Paragraph p;
  p.text = {run("Full list on https://KAMRAN.example.org/patches?all=1, and "),
            run("slides", "https://kamran.example.org/talks/2024"),
            run(" next to github.com/torvalds/linux.")};
  s.blocks.push_back(p);
  d.sections.push_back(s);
  transform::anonymize(d, "X");
  const auto& runs = std::get<model::Paragraph>(d.sections[0].blocks[0]).text;
  EXPECT_EQ(runs[0].text, "Full list on [removed], and ");
  EXPECT_EQ(runs[1].text, "slides");
  EXPECT_EQ(runs[1].url, "");  // a page of the personal site
  // Someone else's repository on a profile platform is not the candidate's site: the text
  // stays (it names no one), only links to the platform are dropped.
  EXPECT_EQ(runs[2].text, " next to github.com/torvalds/linux.");
}

TEST(Anonymize, NamePartsMatchOnlyWholeWords) {
  model::Document d;
  d.header.name.value = "Al Li";
  model::Section s;
  s.kind = model::SectionKind::Summary;
  model::Paragraph p;
  p.text = {run("Al wrote Linux algorithms; Li also. al-Li")};
  s.blocks.push_back(p);
  d.sections.push_back(s);
  transform::anonymize(d, "X");
  EXPECT_EQ(std::get<model::Paragraph>(d.sections[0].blocks[0]).text[0].text,
            "X wrote Linux algorithms; X also. X-X");
}

TEST(Anonymize, IsIdempotent) {
  model::Document d = sample();
  transform::anonymize(d, "Candidate 3F9A2C");
  model::Document once = d;
  transform::anonymize(d, "Candidate 3F9A2C");
  EXPECT_EQ(d, once);
}

namespace {

/// The summary's text after anonymising a document whose header name is `name`.
std::string scrubbed(const std::string& name, const std::string& body) {
  model::Document d;
  d.header.name.value = name;
  model::Section s;
  s.kind = model::SectionKind::Summary;
  model::Paragraph p;
  p.text = {run(body)};
  s.blocks.push_back(p);
  d.sections.push_back(s);
  transform::anonymize(d, "X");
  return std::get<model::Paragraph>(d.sections[0].blocks[0]).text[0].text;
}

}  // namespace

// Issue 15: the same name in decomposed letters (NFD: "e" + U+0301) was left in the body.
TEST(Anonymize, NameInDecomposedLettersIsRemoved) {
  // NFC name, NFD body; and the other way round; marks after the last letter go too. The
  // full name becomes the reference once; a name part alone becomes it too.
  EXPECT_EQ(scrubbed("Mélanie Müller", "Me\u0301lanie Mu\u0308ller wrote it."), "X wrote it.");
  EXPECT_EQ(scrubbed("Me\u0301lanie Mu\u0308ller", "Mélanie Müller wrote it."), "X wrote it.");
  EXPECT_EQ(scrubbed("José Ramírez", "By Jose\u0301 and Rami\u0301rez."), "By X and X.");
  // Azerbaijani letters with a decomposition: "Ş" = "S" + U+0327.
  EXPECT_EQ(scrubbed("Şəhla", "S\u0327əhla leads."), "X leads.");
}

// Issue 15: a soft hyphen or a zero-width character inside the name hid it.
TEST(Anonymize, NameWithInvisibleCharactersInsideIsRemoved) {
  EXPECT_EQ(scrubbed("Aysel Hüseynova", "Ay\u00ADsel Hü\u200Bseynova leads."), "X leads.");
  EXPECT_EQ(scrubbed("Aysel Hüseynova", "Hü\u00ADseynova leads."), "X leads.");
  EXPECT_EQ(scrubbed("Aysel", "Ay\u200Dsel and Ays\u2060el and A\uFEFFysel."), "X and X and X.");
  // Whole words only, still: a longer word that contains the name stays.
  EXPECT_EQ(scrubbed("Aysel", "Ayselova wrote it."), "Ayselova wrote it.");
}
