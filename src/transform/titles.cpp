// Titles (see titles.hpp and docs/rules.md "Titles and defining evidence").
#include "transform/titles.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "transform/casefold.hpp"
#include "transform/engine_util.hpp"
#include "transform/evidence.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::quote;

namespace {

// Groups a rule needs evidence in: those compared with ">= N" (N >= 1) or "> N".
std::vector<std::string> positive_groups(const TitleRule& r) {
  std::vector<std::string> out;
  for (const auto& chain : r.any_of) {
    for (const Condition& c : chain) {
      bool positive = c.other_group.empty()
                          ? (c.op == CompareOp::GreaterEqual && c.number >= 1) ||
                                (c.op == CompareOp::Greater && c.number >= 0)
                          : c.op == CompareOp::Greater || c.op == CompareOp::GreaterEqual;
      if (positive && std::find(out.begin(), out.end(), c.group) == out.end()) {
        out.push_back(c.group);
      }
    }
  }
  return out;
}

}  // namespace

RuleCheck check_rule(const TitleRule& r, const Profile& p, const Evidence& ev) {
  RuleCheck rc;
  rc.rule = &r;
  const std::vector<Condition>* met = nullptr;
  for (const auto& chain : r.any_of) {
    if (chain_holds(chain, ev)) {
      met = &chain;
      break;
    }
  }
  if (met) {
    for (const Condition& c : *met) rc.passed.push_back(condition_text(c, ev));
  } else {
    for (const auto& chain : r.any_of) {
      for (const Condition& c : chain) {
        if (holds(c, ev)) continue;
        rc.failed.push_back(condition_text(c, ev) + " is false");
        for (std::size_t k = 0; k < p.keywords.size(); ++k) {
          if (p.keywords[k].group == c.group && ev.keywords[k].score == 0 &&
              std::find(rc.missing.begin(), rc.missing.end(), p.keywords[k].text) ==
                  rc.missing.end() &&
              rc.missing.size() < 8) {
            rc.missing.push_back(p.keywords[k].text);
          }
        }
      }
    }
  }
  bool defining_ok = true;
  for (const std::string& name : r.requires_) {
    for (std::size_t d = 0; d < p.defining.size(); ++d) {
      if (p.defining[d].name != name) continue;
      rc.defining.push_back(d);
      const DefiningResult& dr = ev.defining[d];
      if (dr.holds) {
        rc.passed.push_back("requires " + name + ": " + p.defining[d].label + " in " +
                            std::to_string(dr.places.size()) + " places");
      } else {
        defining_ok = false;
        rc.failed.push_back("requires " + name + ": " + dr.why);
        rc.missing_defining.push_back(p.defining[d].label + " (" + name + ")");
      }
    }
  }
  // One bullet never retitles anybody: the evidence must come from two independent places.
  bool places_ok = true;
  if (met) {
    std::vector<int> all;
    for (const std::string& g : positive_groups(r)) {
      for (int pl : group_places(ev, p, g)) {
        if (std::find(all.begin(), all.end(), pl) == all.end()) all.push_back(pl);
      }
    }
    bool entry = std::any_of(all.begin(), all.end(), [&](int pl) {
      return ev.places[static_cast<std::size_t>(pl)].kind == "entry";
    });
    if (!positive_groups(r).empty() && (all.size() < 2 || !entry)) {
      places_ok = false;
      rc.failed.push_back("the evidence comes from " + std::to_string(all.size()) +
                          " independent place(s); two are needed, one of them a job or project");
    }
  }
  rc.holds = met && defining_ok && places_ok;
  return rc;
}

namespace {

std::string fold(const std::string& s) { return fold_case(s, guess_language(s)); }

// The words of a headline, split at blanks, each with its byte range (whitespace is kept).
struct Word {
  std::string text;
  std::size_t begin, end;
};
std::vector<Word> words_of(const std::string& s) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back({s.substr(b, i - b), b, i});
  }
  return out;
}

bool is_seniority(const std::string& w, const Lexicon& lex) {
  std::string f = fold(w);
  for (const std::string& s : lex.seniority) {
    if (fold(s) == f) return true;
  }
  return !lex.seniority_language(w).empty();
}

// Whether `words` names a word of the profile's (English) titles or aliases: "Backend" in
// "Backend Developer" for the Backend Engineer profile.
bool names_title_word(const std::vector<Word>& words, const Profile& p) {
  std::vector<std::string> names = p.aliases;
  names.push_back(p.title);
  for (const TitleRule& r : p.titles) names.push_back(r.title);
  for (const Word& w : words) {
    std::string f = fold(w.text);
    for (const std::string& n : names) {
      for (const Word& t : words_of(n)) {
        if (fold(t.text) == f) return true;
      }
    }
  }
  return false;
}

// The headline's language: a non-Latin script; else a seniority word of another language
// ("Leitende Systemingenieurin" is German, "Baş proqramçı" Azerbaijani), unless the other words
// have no letters of another language and name the role's English title words: "Kıdemli Backend
// Developer" is an English title with a Turkish seniority word, which is kept; else the letters
// of the words (casefold.hpp), English by default.
std::string headline_language(const std::string& h, const Profile& p, const Lexicon& lex) {
  if (has_non_latin_letters(h)) {
    std::string g = guess_language(h);
    return g.empty() ? "a non-Latin script" : g;
  }
  std::vector<Word> rest;
  std::string rest_text, senior;
  for (const Word& w : words_of(h)) {
    if (!is_seniority(w.text, lex)) {
      rest.push_back(w);
      rest_text += w.text + " ";
      continue;
    }
    std::string l = lex.seniority_language(w.text);
    if (l.empty() || l == "en") continue;
    bool also_en = false;
    for (const SeniorityWords& s : lex.seniority_by_language) {
      if (s.language != "en") continue;
      for (const std::string& x : s.words) also_en = also_en || fold(x) == fold(w.text);
    }
    if (!also_en) senior = l;
  }
  std::string g = guess_language(rest.empty() ? h : rest_text);
  if (senior.empty()) return g.empty() ? "en" : g;
  if (g.empty() && names_title_word(rest, p)) return "en";
  return senior;
}

bool collapse_equal(const std::string& a, const std::string& b) {
  auto squash = [](const std::string& s) {
    std::string out;
    for (const Word& w : words_of(s)) out += (out.empty() ? "" : " ") + w.text;
    return out;
  };
  return squash(a) == squash(b);
}

// The title part of a headline: up to the first separator ("Systems Engineer, Linux
// performance" -> "Systems Engineer").
std::size_t title_part_end(const std::string& h) {
  std::size_t cut = std::string::npos;
  for (const char* sep : {"|", ",", " \u2014 ", " \u2013 ", " - ", " \u00B7 ", ":"}) {
    cut = std::min(cut, h.find(sep));
  }
  return cut;
}

// The more specific profile whose title, alias or title-rule title `headline` names, if any.
const Profile* named_specific_profile(const std::string& headline, const Profile& self,
                                      const RuleSet& rules) {
  std::string h = " " + fold(headline) + " ";
  for (char& c : h) {
    if (c == ',' || c == '|' || c == '(' || c == ')' || c == '/') c = ' ';
  }
  for (const Profile& q : rules.profiles) {
    if (&q == &self || q.fallback || q.titles.empty()) continue;
    std::vector<std::string> names = q.aliases;
    names.push_back(q.title);
    for (const TitleRule& r : q.titles) names.push_back(r.title);
    for (const std::string& n : names) {
      std::string f = fold(n);
      if (f.size() >= 3 && h.find(" " + f + " ") != std::string::npos) return &q;
    }
  }
  return nullptr;
}

// Whether the generalist fallback `p` may replace `headline`: only a generic headline its
// `fallback replaces` list names (or its own title or an alias), seniority words aside. Any other
// headline is either a more specific title ("Senior Backend Engineer", "Go Developer", "Data
// Engineer") or not a software title ("Mechanical Engineer (HVAC)"); both are kept. Sets `why`.
bool fallback_may_replace(const std::string& headline, const Profile& p, const Lexicon& lex,
                          const RuleSet* rules, std::string& why) {
  std::string head = headline.substr(0, std::min(headline.size(), title_part_end(headline)));
  std::string core;
  for (const Word& w : words_of(head)) {
    if (is_seniority(w.text, lex)) continue;
    core += (core.empty() ? "" : " ") + fold(w.text);
  }
  std::vector<std::string> generic = p.fallback_replaces;
  generic.push_back(p.title);
  generic.insert(generic.end(), p.aliases.begin(), p.aliases.end());
  for (const std::string& g : generic) {
    if (collapse_equal(fold(g), core)) return true;
  }
  const Profile* q = rules ? named_specific_profile(headline, p, *rules) : nullptr;
  why = quote(p.title) + " is the generalist fallback; " +
        (q ? "the headline names " + quote(q->title) + ", a more specific title"
           : "the headline is not a generic title it replaces (" + base::join(p.fallback_replaces) +
                 "): a more specific title or not a software title, kept as written");
  return false;
}

void counted_keywords(const Profile& p, const Evidence& ev, TitleDecision& td) {
  std::vector<std::string> groups;
  for (const RuleCheck& rc : td.rules) {
    for (const auto& chain : rc.rule->any_of) {
      for (const Condition& c : chain) {
        for (const std::string* g : {&c.group, &c.other_group}) {
          if (!g->empty() && std::find(groups.begin(), groups.end(), *g) == groups.end()) {
            groups.push_back(*g);
          }
        }
      }
    }
  }
  for (std::size_t k = 0; k < p.keywords.size(); ++k) {
    if (ev.keywords[k].score > 0 &&
        std::find(groups.begin(), groups.end(), p.keywords[k].group) != groups.end()) {
      td.counted.push_back(k);
    }
  }
}

}  // namespace

void tailor_headline(Document& doc, const Profile& p, const Lexicon& lex, const TailorOptions& opt,
                     Report& rep) {
  const Evidence& ev = rep.evidence;
  TitleDecision& td = rep.title;
  td.before = doc.header.headline.value;
  td.after = td.before;
  const TitleRule* fired = nullptr;
  for (const TitleRule& r : p.titles) {
    RuleCheck rc = check_rule(r, p, ev);
    bool derived = r.any_of.size() == 1 && r.any_of.front().empty() && r.requires_.empty();
    td.rules.push_back(rc);
    if (!rc.holds && !derived) {
      std::string why = base::join(rc.failed, "; ");
      if (!rc.missing.empty()) why += "; no evidence for " + base::join(rc.missing);
      rep.changes.push_back({"headline", "rule " + quote(r.title) + " not satisfied", why, r.span});
      continue;
    }
    td.decided = !derived;
    fired = &r;
    break;
  }
  counted_keywords(p, ev, td);
  if (!fired) {
    if (!td.before.empty()) {
      td.reason = "no title rule of " + quote(p.title) + " is satisfied";
      rep.changes.push_back({"headline", "kept " + quote(td.before), td.reason, p.span});
    }
    return;
  }
  const TitleRule& r = *fired;
  rep.fired = &r;
  const RuleCheck& rc = td.rules.back();
  // Licensed words: the role's title, plus the labels of groups the rule requires.
  for (const std::string& w : base::split_words(p.title)) rep.licensed_words.push_back(w);
  for (const auto& chain : r.any_of) {
    for (const Condition& c : chain) {
      const EvidenceGroup* g = p.group(c.group);
      if (!g) continue;
      for (const std::string& w : base::split_words(g->label)) rep.licensed_words.push_back(w);
    }
  }
  const std::string old = doc.header.headline.value;
  if (old.empty()) {
    td.reason = "the resume has no headline";
    rep.changes.push_back(
        {"headline", "none to rewrite; \"" + r.title + "\" is not added", td.reason, r.span});
    return;
  }
  // A posting's derived rule has no conditions of its own: the posting analysis already
  // judged the role's evidence and printed it above.
  std::string reason = rc.passed.empty() ? "rule " + quote(r.title) + " chosen from the posting"
                                         : "rule fired: " + base::join(rc.passed, " and ");
  td.language = headline_language(old, p, lex);
  if (std::find(p.title_languages.begin(), p.title_languages.end(), td.language) ==
      p.title_languages.end()) {
    td.reason = reason + "; the headline is written in " + td.language + " and " + quote(p.title) +
                " has titles in " + base::join(p.title_languages) +
                " only, so it is kept as written";
    rep.changes.push_back({"headline", "kept " + quote(old), td.reason, r.span});
    return;
  }
  if (p.fallback) {
    std::string why;
    if (!fallback_may_replace(old, p, lex, opt.rules, why)) {
      td.reason = reason + "; " + why;
      rep.changes.push_back({"headline", "kept " + quote(old), td.reason, r.span});
      return;
    }
  }
  // Keep seniority words and anything after a '|' (both are the resume's own words).
  // The title part ends at the first separator: "Systems Engineer, Linux performance".
  std::string head = old, tail;
  std::size_t cut = title_part_end(old);
  if (cut != std::string::npos) {
    head = old.substr(0, cut);
    tail = old.substr(cut);
    while (!head.empty() && head.back() == ' ') head.pop_back();
  }
  // Seniority words in any language the lexicon knows, each once: "Senior Senior" or a word
  // the title itself has is not doubled.
  std::vector<std::string> kept, folded;
  for (const Word& w : words_of(r.title)) folded.push_back(fold(w.text));
  for (const Word& w : words_of(head)) {
    if (!is_seniority(w.text, lex)) continue;
    std::string f = fold(w.text);
    if (std::find(folded.begin(), folded.end(), f) != folded.end()) continue;
    folded.push_back(f);
    kept.push_back(w.text);
  }
  std::string now = base::join(kept, " ");
  now += (now.empty() ? "" : " ") + r.title;
  if (!tail.empty()) now += (tail.front() == ',' || tail.front() == ':' ? "" : " ") + tail;
  if (collapse_equal(now, old)) {
    // The same words: the headline stays byte for byte, whitespace included.
    td.reason = reason;
    rep.changes.push_back({"headline", "kept " + quote(old), reason, r.span});
  } else {
    doc.header.headline.value = now;
    td.after = now;
    td.reason = reason + (kept.empty() ? "" : "; kept " + base::join(kept, " "));
    rep.changes.push_back({"headline", quote(old) + " -> " + quote(now), td.reason, r.span});
  }
}

}  // namespace tailor::transform
