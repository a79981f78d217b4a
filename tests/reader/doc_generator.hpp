// Test helper: a small seeded generator of resume models for property tests. Documents use
// every block kind and section kind, and text full of characters the formats treat specially
// (markup punctuation, commas, colons, parentheses, non-ASCII letters). The same seed always
// gives the same document (std::mt19937 is specified exactly; distributions are not, so only
// raw draws are used).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace tailor::test {

class DocGenerator {
 public:
  explicit DocGenerator(std::uint32_t seed) : rng_(seed) {}

  /// formatted: bold, italic and links inside text (the .resume markup holds them).
  model::Document document(bool formatted) {
    formatted_ = formatted;
    model::Document d;
    d.header.name.value = words(2, 3);
    if (coin()) d.header.headline.value = words(1, 4);
    if (coin()) d.header.email.value = "someone" + std::to_string(below(100)) + "@example.com";
    if (coin()) d.header.phone.value = "+994 50 " + std::to_string(100 + below(900)) + " 45 67";
    if (coin()) d.header.location.value = pick({"Baku, AZ", "Berlin", "Tbilisi, Georgia"});
    if (coin()) d.header.links.push_back({"Website", "https://example.com/" + slug(), {}});
    if (coin()) {
      d.header.links.push_back({"GitHub (" + slug() + ")", "https://github.com/" + slug(), {}});
    }
    using K = model::SectionKind;
    std::vector<K> kinds = {K::Summary,   K::Experience, K::Education,      K::Skills,
                            K::Projects,  K::Awards,     K::Certifications, K::Publications,
                            K::Languages, K::Interests,  K::Volunteering,   K::References};
    for (K k : kinds) {
      if (below(3) == 0) continue;
      d.sections.push_back(section(k));
    }
    return d;
  }

 private:
  std::mt19937 rng_;
  bool formatted_ = false;

  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(rng_() % n); }
  bool coin() { return below(2) == 0; }
  std::string pick(std::initializer_list<const char*> xs) {
    return *(xs.begin() + below(static_cast<std::uint32_t>(xs.size())));
  }

  std::string slug() { return pick({"ada", "aysel-h", "x_y", "n0de", "q.r"}); }

  std::string word() {
    return pick(
        {"Go",     "C++",         "Kubernetes",  "naïve",   "Ələkbər",     "Müller",
         "Straße", "a*b",         "x{y}",        "p|q",     "back\\slash", "50%",
         "<tag>",  "[br]",        "colon:",      "(paren",  "close)",      "comma,",
         "dash-",  "==",          "#1",          "e.g.",    "Node.js",     "CI/CD",
         "Привет", "2021",        "AWS",         "and",     "the",         "service",
         "- dash", "%",           "=== heading", ": colon", "*",           "**",
         "\\",     "Go (Expert)", "{x",          "x}",      "<a@b.co>",    "https://x.example",
         "|",      "\u00A0nbsp"});
  }

  std::string words(std::uint32_t min, std::uint32_t max) {
    std::uint32_t n = min + below(max - min + 1);
    std::string s;
    for (std::uint32_t i = 0; i < n; ++i) s += (i ? " " : "") + word();
    return s;
  }

  /// Canonical runs, as a reader makes them: neighbours differ in formatting or link.
  /// Formatting appears only when the document allows it (JSON Resume cannot hold it).
  model::Inlines inlines() {
    model::Inlines runs;
    std::uint32_t n = formatted_ ? 1 + below(4) : 1;
    int previous = -1;
    for (std::uint32_t i = 0; i < n; ++i) {
      int look = formatted_ ? static_cast<int>(below(4)) : 0;  // plain, bold, italic, link
      if (look == previous) look = (look + 1) % 4;
      previous = look;
      model::Run r;
      r.text = words(1, 3);
      // The blank between runs belongs to plain text, as the reader makes it: an opening
      // marker or a link label never starts with a blank.
      if (i > 0 && look == 0) {
        r.text = " " + r.text;
      } else if (i > 0 && runs.back().url.empty() && !runs.back().strong && !runs.back().emph) {
        runs.back().text += " ";
      } else if (i > 0) {
        model::Run blank;
        blank.text = " ";
        runs.push_back(blank);
      }
      r.strong = look == 1;
      r.emph = look == 2;
      if (look == 3) r.url = "https://example.com/" + slug();
      runs.push_back(r);
    }
    return runs;
  }

  model::Paragraph paragraph() {
    model::Paragraph p;
    p.text = inlines();
    return p;
  }

  model::Bullet bullet() {
    model::Bullet b;
    b.text = inlines();
    return b;
  }

  model::Date date(bool month) {
    model::Date d;
    d.year = 1990 + static_cast<int>(below(35));
    if (month) d.month = 1 + static_cast<int>(below(12));
    return d;
  }

  model::Entry entry(model::SectionKind k) {
    using K = model::SectionKind;
    model::Entry e;
    e.role = words(1, 3);
    e.organisation = words(1, 3);
    bool ranged =
        k == K::Experience || k == K::Volunteering || k == K::Education || k == K::Projects;
    if (k == K::Experience && coin()) e.location = pick({"Baku", "Remote", "Berlin, DE"});
    if (coin()) {
      bool month = coin();
      e.dates.start = date(month);
      if (ranged) {
        std::uint32_t end = below(3);
        if (end == 0) {
          e.dates.end.present = k == K::Experience || k == K::Volunteering;
        } else if (end == 1) {
          e.dates.end = date(month);
          e.dates.end.year = e.dates.start.year + 1 + static_cast<int>(below(5));
        }
      }
    }
    if ((k == K::Experience || k == K::Projects || k == K::Certifications || k == K::Publications ||
         k == K::Education || k == K::Volunteering) &&
        coin()) {
      e.url = "https://example.com/" + slug();
    }
    bool prose = k != K::Certifications && k != K::Education;
    if (prose && coin()) e.description.push_back(paragraph());
    if (k == K::Experience || k == K::Projects || k == K::Education || k == K::Volunteering) {
      std::uint32_t n = below(4);
      for (std::uint32_t i = 0; i < n; ++i) e.bullets.push_back(bullet());
    }
    return e;
  }

  model::SkillGroup group(model::SectionKind k) {
    model::SkillGroup g;
    g.label = words(1, 2);
    std::uint32_t n = k == model::SectionKind::Languages ? 1 : 1 + below(5);
    for (std::uint32_t i = 0; i < n; ++i) g.items.push_back({words(1, 2), false, {}});
    return g;
  }

  model::Section section(model::SectionKind k) {
    using K = model::SectionKind;
    static const std::vector<std::pair<K, const char*>> kTitles = {
        {K::Summary, "Summary"},
        {K::Experience, "Experience"},
        {K::Education, "Education"},
        {K::Skills, "Skills"},
        {K::Projects, "Projects"},
        {K::Awards, "Awards"},
        {K::Certifications, "Certifications"},
        {K::Publications, "Publications"},
        {K::Languages, "Languages"},
        {K::Interests, "Interests"},
        {K::Volunteering, "Volunteering"},
        {K::References, "References"}};
    model::Section s;
    s.kind = k;
    for (const auto& [kind, title] : kTitles) {
      if (kind == k) s.title = title;
    }
    std::uint32_t n = 1 + below(3);
    for (std::uint32_t i = 0; i < n; ++i) {
      if (k == K::Summary || k == K::References) {
        s.blocks.push_back(paragraph());
      } else if (k == K::Skills || k == K::Languages || k == K::Interests) {
        s.blocks.push_back(group(k));
      } else {
        s.blocks.push_back(entry(k));
      }
    }
    return s;
  }
};

}  // namespace tailor::test
