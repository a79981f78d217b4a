// Titles (see titles.hpp and docs/rules.md "Titles").
#include "transform/titles.hpp"

#include <algorithm>

#include "base/strings.hpp"
#include "transform/engine_util.hpp"
#include "transform/evidence.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::quote;

void tailor_headline(Document& doc, const Profile& p, const Lexicon& lex, Report& rep) {
  const Evidence& ev = rep.evidence;
  for (const TitleRule& r : p.titles) {
    bool fired = false;
    for (const auto& chain : r.any_of) fired = fired || chain_holds(chain, ev);
    if (!fired) {
      // Say which evidence is missing, branch by branch.
      for (const auto& chain : r.any_of) {
        std::vector<std::string> failed;
        std::vector<std::string> missing;
        for (const Condition& c : chain) {
          if (holds(c, ev)) continue;
          failed.push_back(condition_text(c, ev) + " is false");
          for (std::size_t k = 0; k < p.keywords.size(); ++k) {
            if (p.keywords[k].group == c.group && ev.keywords[k].score == 0 &&
                std::find(missing.begin(), missing.end(), p.keywords[k].text) == missing.end()) {
              missing.push_back(p.keywords[k].text);
            }
          }
        }
        std::string why = base::join(failed, "; ");
        if (!missing.empty()) {
          if (missing.size() > 8) missing.resize(8);
          why += "; no evidence for " + base::join(missing);
        }
        rep.changes.push_back(
            {"headline", "rule " + quote(r.title) + " not satisfied", why, r.span});
      }
      continue;
    }
    rep.fired = &r;
    std::vector<std::string> met;
    for (const auto& chain : r.any_of) {
      if (!chain_holds(chain, ev)) continue;
      for (const Condition& c : chain) met.push_back(condition_text(c, ev));
      break;
    }
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
      rep.changes.push_back({"headline", "none to rewrite; \"" + r.title + "\" is not added",
                             "the resume has no headline", r.span});
      return;
    }
    // Keep seniority words and anything after a '|' (both are the resume's own words).
    // The title part ends at the first separator: "Systems Engineer, Linux performance".
    std::string head = old, tail;
    std::size_t cut = std::string::npos;
    for (const char* sep : {"|", ",", " \u2014 ", " \u2013 ", " - ", " \u00B7 ", ":"}) {
      cut = std::min(cut, old.find(sep));
    }
    if (cut != std::string::npos) {
      head = old.substr(0, cut);
      tail = old.substr(cut);
      while (!head.empty() && head.back() == ' ') head.pop_back();
    }
    std::vector<std::string> kept;
    for (const std::string& w : base::split_words(head)) {
      for (const std::string& s : lex.seniority) {
        if (lower(s) == lower(w)) kept.push_back(w);
      }
    }
    std::string now = base::join(kept, " ");
    now += (now.empty() ? "" : " ") + r.title;
    if (!tail.empty()) now += (tail.front() == ',' || tail.front() == ':' ? "" : " ") + tail;
    // A posting's derived rule has no conditions of its own: the posting analysis already
    // judged the role's evidence and printed it above.
    std::string reason = met.empty() ? "rule " + quote(r.title) + " chosen from the posting"
                                     : "rule fired: " + base::join(met, " and ");
    if (now == old) {
      rep.changes.push_back({"headline", "kept " + quote(old), reason, r.span});
    } else {
      doc.header.headline.value = now;
      rep.changes.push_back({"headline", quote(old) + " -> " + quote(now),
                             reason + (kept.empty() ? "" : "; kept " + base::join(kept, " ")),
                             r.span});
    }
    return;
  }
  if (!doc.header.headline.value.empty()) {
    rep.changes.push_back({"headline", "kept " + quote(doc.header.headline.value),
                           "no title rule of " + quote(p.title) + " is satisfied", p.span});
  }
}

}  // namespace tailor::transform
