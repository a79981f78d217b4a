// Evidence: keyword mentions in the resume, their recency points, and title conditions.
#include "transform/evidence.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/strings.hpp"
#include "transform/basic.hpp"
#include "transform/engine_util.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::entry_key;
using detail::entry_label;
using detail::skill_section;

bool compare(int a, CompareOp op, int b) {
  switch (op) {
    case CompareOp::Less:
      return a < b;
    case CompareOp::LessEqual:
      return a <= b;
    case CompareOp::Greater:
      return a > b;
    case CompareOp::GreaterEqual:
      return a >= b;
  }
  return false;
}

int group_score(const Evidence& ev, const std::string& g) {
  auto it = ev.groups.find(g);
  return it == ev.groups.end() ? 0 : it->second;
}

std::string condition_text(const Condition& c, const Evidence& ev) {
  std::string rhs = c.other_group.empty()
                        ? std::to_string(c.number)
                        : c.other_group + " " + std::to_string(group_score(ev, c.other_group));
  return c.group + " " + std::to_string(group_score(ev, c.group)) + " " + op_text(c.op) + " " + rhs;
}

bool holds(const Condition& c, const Evidence& ev) {
  int rhs = c.other_group.empty() ? c.number : group_score(ev, c.other_group);
  return compare(group_score(ev, c.group), c.op, rhs);
}

bool chain_holds(const std::vector<Condition>& chain, const Evidence& ev) {
  return std::all_of(chain.begin(), chain.end(), [&](const Condition& c) { return holds(c, ev); });
}

static std::vector<std::string> distinct_terms(const Profile& p,
                                               std::vector<std::vector<std::size_t>>& map) {
  std::vector<std::string> terms;
  // Lower-cased spelling -> its index in terms: a linear search per keyword made a profile
  // of 50,000 keywords take minutes (hostile corpus, rules/many-keywords).
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t k = 0; k < p.keywords.size(); ++k) {
    auto [it, added] = seen.emplace(lower(p.keywords[k].text), terms.size());
    std::size_t t = it->second;
    if (added) {
      terms.push_back(p.keywords[k].text);
      map.emplace_back();
    }
    map[t].push_back(k);
  }
  // The heaviest keyword of a spelling comes first: hits() reports it.
  for (auto& ks : map) {
    std::stable_sort(ks.begin(), ks.end(), [&](std::size_t a, std::size_t b) {
      return p.keywords[a].weight > p.keywords[b].weight;
    });
  }
  return terms;
}

static std::vector<Synonym> all_synonyms(const Profile& p, const Lexicon& lex) {
  std::vector<Synonym> s = lex.synonyms;
  s.insert(s.end(), p.synonyms.begin(), p.synonyms.end());
  return s;
}

KeywordIndex::KeywordIndex(const Profile& profile, const Lexicon& lexicon)
    : matcher_(distinct_terms(profile, term_keywords_), all_synonyms(profile, lexicon),
               lexicon.cased) {}

std::vector<Hit> KeywordIndex::hits(std::string_view text) const {
  std::vector<Hit> out;
  for (const Hit& h : matcher_.find(text)) {
    out.push_back({term_keywords_[h.keyword].front(), h.begin, h.end});
  }
  return out;
}

std::vector<std::size_t> KeywordIndex::keywords_in(std::string_view text) const {
  std::vector<std::size_t> out;
  for (std::size_t t : matcher_.find_distinct(text)) {
    for (std::size_t k : term_keywords_[t]) out.push_back(k);
  }
  return out;
}

Evidence collect_evidence(const Document& doc, const Profile& profile, const KeywordIndex& index) {
  Evidence ev;
  ev.keywords.resize(profile.keywords.size());
  // Recency: experience entries by end date (ongoing first), ties in document order.
  std::vector<std::pair<int, const Entry*>> jobs;
  for (const Section& s : doc.sections) {
    if (s.kind != SectionKind::Experience) continue;
    for (const Block& b : s.blocks) {
      if (const Entry* e = std::get_if<Entry>(&b)) jobs.emplace_back(entry_key(*e), e);
    }
  }
  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  auto entry_points = [&](const Entry* e) {
    for (std::size_t r = 0; r < jobs.size(); ++r) {
      if (jobs[r].second == e) return r == 0 ? 3 : r == 1 ? 2 : 1;
    }
    return 1;
  };
  auto note = [&](std::string_view text, Occurrence where) {
    for (std::size_t k : index.keywords_in(text)) {
      KeywordEvidence& ke = ev.keywords[k];
      if (where.kind == "skills") {
        ke.in_skills = true;
      } else {
        ke.best_text = std::max(ke.best_text, where.points);
      }
      ke.occurrences.push_back(where);
    }
  };
  for (const Section& s : doc.sections) {
    int loose_bullet = 0;
    for (const Block& b : s.blocks) {
      if (const Paragraph* p = std::get_if<Paragraph>(&b)) {
        const char* kind = s.kind == SectionKind::Summary ? "summary" : "paragraph";
        note(plain_text(p->text), {s.title, "", 0, kind, 1, p->span});
      } else if (const Bullet* bl = std::get_if<Bullet>(&b)) {
        note(plain_text(bl->text), {s.title, "", ++loose_bullet, "bullet", 1, bl->span});
      } else if (const SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        if (!skill_section(s)) continue;
        for (const Skill& sk : g->items)
          note(sk.name, {s.title, g->label, 0, "skills", 1, sk.span});
      } else if (const Entry* e = std::get_if<Entry>(&b)) {
        int pts = s.kind == SectionKind::Experience ? entry_points(e) : 1;
        // The heading counts too: "HashiCorp Certified: Terraform Associate" is evidence.
        note(e->role, {s.title, entry_label(*e), 0, "heading", pts, e->span});
        for (const Paragraph& d : e->description) {
          note(plain_text(d.text), {s.title, entry_label(*e), 0, "description", pts, d.span});
        }
        int n = 0;
        for (const Bullet& x : e->bullets) {
          note(plain_text(x.text), {s.title, entry_label(*e), ++n, "bullet", pts, x.span});
        }
      }
    }
  }
  for (const EvidenceGroup& g : profile.groups) ev.groups[g.name] = 0;
  for (std::size_t k = 0; k < profile.keywords.size(); ++k) {
    KeywordEvidence& ke = ev.keywords[k];
    ke.score = profile.keywords[k].weight * ((ke.in_skills ? 1 : 0) + ke.best_text);
    ev.groups[profile.keywords[k].group] += ke.score;
  }
  return ev;
}

}  // namespace tailor::transform
