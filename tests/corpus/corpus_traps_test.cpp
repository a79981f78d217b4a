// The evidence corpus: planted traps ("took the helm", "encryption at rest", "Go-Live", a
// reference named Jenkins, ...) are never credited, bolded or allowed to move a bullet, and
// rewording any of them changes no headline, no order and no score. Genuine mentions of the same
// ambiguous tools still count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "corpus/corpus.hpp"

namespace tailor::corpus {
namespace {

// The part of `phrase` that the paraphrase changes ("Took the helm of the payments team" vs
// "Took over the payments team": "the helm of"), widened to whole words.
std::string changed_part(const std::string& phrase, const std::string& paraphrase) {
  std::size_t pre = 0;
  while (pre < phrase.size() && pre < paraphrase.size() && phrase[pre] == paraphrase[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < phrase.size() - pre && suf < paraphrase.size() - pre &&
         phrase[phrase.size() - 1 - suf] == paraphrase[paraphrase.size() - 1 - suf]) {
    ++suf;
  }
  std::size_t b = pre, e = phrase.size() - suf;
  auto word = [](char c) { return !std::isspace(static_cast<unsigned char>(c)); };
  while (b > 0 && word(phrase[b - 1])) --b;
  while (e < phrase.size() && word(phrase[e])) ++e;
  return phrase.substr(b, e - b);
}

// Calls f(inlines) for every run list of the document, and g(skill) for every skill.
template <class F, class G>
void each_text(const model::Document& d, F f, G g) {
  for (const model::Section& s : d.sections) {
    for (const model::Block& b : s.blocks) {
      if (auto* p = std::get_if<model::Paragraph>(&b)) f(p->text);
      if (auto* x = std::get_if<model::Bullet>(&b)) f(x->text);
      if (auto* e = std::get_if<model::Entry>(&b)) {
        for (const model::Paragraph& p : e->description) f(p.text);
        for (const model::Bullet& x : e->bullets) f(x.text);
      }
      if (auto* k = std::get_if<model::SkillGroup>(&b)) {
        for (const model::Skill& s2 : k->items) g(s2);
      }
    }
  }
}

// "" when no emphasised run of the tailored document overlaps `part` where the resume says it.
std::string bolded(const model::Document& d, const std::string& part) {
  std::string found;
  each_text(
      d,
      [&](const model::Inlines& runs) {
        std::string plain = model::plain_text(runs);
        for (std::size_t at = plain.find(part); at != std::string::npos;
             at = plain.find(part, at + 1)) {
          std::size_t off = 0;
          for (const model::Run& r : runs) {
            std::size_t end = off + r.text.size();
            if (r.keyword && off < at + part.size() && at < end) found = r.text;
            off = end;
          }
        }
      },
      [&](const model::Skill& s) {
        if (s.keyword && s.name.find(part) != std::string::npos) found = s.name;
      });
  return found;
}

// Everything a reworded trap must leave alone for one role: the headline, the order of
// sections, entries, bullets and skills (as positions in the input), and the evidence scores.
struct Outcome {
  std::string headline;
  std::vector<std::pair<unsigned, unsigned>> order;
  std::map<std::string, int> groups;
  bool operator==(const Outcome&) const = default;
};

Outcome outcome(const model::Document& in, const transform::Profile& p,
                const transform::Lexicon& lex) {
  model::Document out = in;
  transform::Report rep = transform::tailor(out, p, lex, {});
  Outcome o;
  o.headline = out.header.headline.value;
  o.groups = rep.evidence.groups;
  // Replacements stay inside one line, so lines identify sections, entries and bullets; skills
  // on one line are told apart by their rank on it.
  for (const model::Section& s : out.sections) {
    o.order.emplace_back(s.span.line, 0);
    for (const model::Block& b : s.blocks) {
      if (auto* e = std::get_if<model::Entry>(&b)) {
        o.order.emplace_back(e->span.line, 0);
        for (const model::Bullet& x : e->bullets) o.order.emplace_back(x.span.line, 0);
      }
      if (auto* x = std::get_if<model::Bullet>(&b)) o.order.emplace_back(x->span.line, 0);
      if (auto* k = std::get_if<model::SkillGroup>(&b)) {
        o.order.emplace_back(k->span.line, 0);
        std::vector<unsigned> cols;
        for (const model::Skill& s2 : k->items) cols.push_back(s2.span.col);
        std::vector<unsigned> sorted = cols;
        std::sort(sorted.begin(), sorted.end());
        for (unsigned c : cols) {
          auto rank = std::lower_bound(sorted.begin(), sorted.end(), c) - sorted.begin();
          o.order.emplace_back(k->span.line, static_cast<unsigned>(rank) + 1);
        }
      }
    }
  }
  return o;
}

double match_score(Corpus& c, const transform::Posting& posting, const model::Document& doc) {
  transform::JobAnalysis a = transform::analyse_posting(posting, c.rules, doc);
  return transform::match_resume(a, c.rules, doc).score;
}

TEST(EvidenceTraps, EveryTrapPhraseIsInItsResumeAndItsParaphraseDiffers) {
  Corpus& c = corpus();
  EXPECT_GE(c.expect.traps.size(), 40u);
  for (const Trap& t : c.expect.traps) {
    ASSERT_TRUE(c.people.count(t.person)) << t.person;
    EXPECT_NE(c.people.at(t.person).raw.find(t.phrase), std::string::npos)
        << t.person << ": '" << t.phrase << "'";
    EXPECT_NE(t.phrase, t.paraphrase);
    EXPECT_FALSE(changed_part(t.phrase, t.paraphrase).empty()) << t.phrase;
  }
}

TEST(EvidenceTraps, NoTrapWordIsBoldedForAnyRole) {
  Corpus& c = corpus();
  for (const Trap& t : c.expect.traps) {
    std::optional<model::Document> doc = c.read(c.people.at(t.person));
    if (!doc) continue;
    std::string part = changed_part(t.phrase, t.paraphrase);
    for (const std::string& r : kRoles) {
      model::Document out = *doc;
      transform::tailor(out, c.role(r), c.rules.lexicon, {});
      EXPECT_EQ(bolded(out, part), "")
          << t.person << " x " << r << ": '" << part << "' (" << t.keyword << ") is emphasised";
    }
  }
}

TEST(EvidenceTraps, RewordingATrapChangesNoHeadlineOrderOrScore) {
  Corpus& c = corpus();
  // What each person gets as written, per role and per posting: computed once per person.
  struct Before {
    std::map<std::string, Outcome> roles;
    std::map<std::string, double> scores;
  };
  std::map<std::string, Before> before;
  for (const Trap& t : c.expect.traps) {
    const Person& person = c.people.at(t.person);
    if (!before.count(t.person)) {
      std::optional<model::Document> doc = c.read(person);
      if (!doc) continue;
      Before& b = before[t.person];
      for (const std::string& r : kRoles) b.roles[r] = outcome(*doc, c.role(r), c.rules.lexicon);
      for (const auto& [name, posting] : c.postings) b.scores[name] = match_score(c, posting, *doc);
    }
    const Before& b = before.at(t.person);
    std::optional<model::Document> after =
        c.read(person, replace_all(person.raw, t.phrase, t.paraphrase));
    if (!after) continue;
    for (const std::string& r : kRoles) {
      const Outcome& x = b.roles.at(r);
      Outcome y = outcome(*after, c.role(r), c.rules.lexicon);
      EXPECT_EQ(x.headline, y.headline) << t.person << " x " << r << ": '" << t.phrase << "'";
      EXPECT_EQ(x.order, y.order) << t.person << " x " << r << ": '" << t.phrase
                                  << "' moves a section, entry, bullet or skill";
      EXPECT_EQ(x.groups, y.groups)
          << t.person << " x " << r << ": '" << t.phrase << "' is credited as " << t.keyword;
    }
    for (const auto& [name, posting] : c.postings) {
      EXPECT_EQ(b.scores.at(name), match_score(c, posting, *after))
          << t.person << " for " << name << ": '" << t.phrase << "' changes the match score";
    }
  }
}

TEST(EvidenceTraps, GenuineMentionsOfAmbiguousToolsStillCount) {
  Corpus& c = corpus();
  for (const Credit& k : c.expect.credits) {
    std::optional<model::Document> doc = c.read(c.people.at(k.person));
    if (!doc) continue;
    const transform::Profile& p = c.role(k.role);
    model::Document out = *doc;
    transform::Report rep = transform::tailor(out, p, c.rules.lexicon, {});
    bool counted = false, known = false;
    for (std::size_t i = 0; i < p.keywords.size(); ++i) {
      if (p.keywords[i].text != k.keyword) continue;
      known = true;
      if (rep.evidence.keywords[i].score > 0) counted = true;
    }
    EXPECT_TRUE(known) << k.role << " has no keyword " << k.keyword;
    EXPECT_TRUE(counted) << k.person << " x " << k.role << ": " << k.keyword << " not credited";
  }
}

}  // namespace
}  // namespace tailor::corpus
