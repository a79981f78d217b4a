// Evidence: keyword mentions in the resume, their recency points, and title conditions.
#include "transform/evidence.hpp"

#include <algorithm>
#include <unordered_map>

#include "base/strings.hpp"
#include "base/utf8.hpp"
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

/// The defining evidence's spellings, their uses and their matcher (see KeywordIndex::Defining).
static KeywordIndex::Defining defining_matcher(const Profile& profile, const Lexicon& lexicon) {
  KeywordIndex::Defining out;
  if (profile.defining.empty()) return out;
  std::vector<std::string>& spellings = out.spellings;
  auto use = [&](const std::string& w, std::size_t d, bool with) {
    std::string l = lower(w);
    std::size_t i = 0;
    while (i < spellings.size() && lower(spellings[i]) != l) ++i;
    if (i == spellings.size()) {
      spellings.push_back(w);
      out.uses.emplace_back();
    }
    out.uses[i].emplace_back(d, with);
  };
  for (std::size_t d = 0; d < profile.defining.size(); ++d) {
    for (const std::string& w : profile.defining[d].terms) use(w, d, false);
    for (const std::string& w : profile.defining[d].with) use(w, d, true);
  }
  // Only the synonyms of these spellings: the others cost a matcher its set-up for nothing.
  std::unordered_map<std::string, char> wanted;
  for (const std::string& w : spellings) wanted.emplace(lower(w), 1);
  std::vector<Synonym> syns;
  for (const Synonym& s : all_synonyms(profile, lexicon)) {
    if (wanted.count(lower(s.canonical))) syns.push_back(s);
  }
  out.matcher.emplace(spellings, syns, std::vector<std::string>{}, &lexicon);
  return out;
}

KeywordIndex::KeywordIndex(const Profile& profile, const Lexicon& lexicon)
    : matcher_(distinct_terms(profile, term_keywords_), all_synonyms(profile, lexicon), {},
               &lexicon),
      lexicon_(&lexicon),
      profile_(&profile),
      defining_(defining_matcher(profile, lexicon)) {}

std::vector<Hit> KeywordIndex::term_hits(std::string_view text, const MatchContext& ctx) const {
  return matcher_.find(text, ctx);
}

std::vector<Hit> KeywordIndex::hits(std::string_view text, const MatchContext& ctx) const {
  std::vector<Hit> out;
  for (const Hit& h : matcher_.find(text, ctx)) {
    out.push_back({term_keywords_[h.keyword].front(), h.begin, h.end});
  }
  return out;
}

std::vector<std::size_t> KeywordIndex::keywords_in(std::string_view text,
                                                   const MatchContext& ctx) const {
  std::vector<std::size_t> out;
  for (std::size_t t : matcher_.find_distinct(text, ctx)) {
    for (std::size_t k : term_keywords_[t]) out.push_back(k);
  }
  return out;
}

namespace {

// The source span of bytes [b, e) of a text made of runs: exact when the run holding b is one
// source line written without escapes (its columns then follow its text; a span one column
// wider on each side is a quoted JSON string or an *emphasised* run), else the run's span.
SourceSpan locate(const Inlines* runs, const std::string* single, const SourceSpan& whole,
                  std::size_t b, std::size_t e) {
  auto within = [&](const std::string& text, const SourceSpan& s, std::size_t off) {
    std::size_t cps = base::count_code_points(text);
    bool one_line = s.known() && s.line == s.end_line;
    bool exact = one_line && s.end_col - s.col == cps;
    bool quoted = one_line && s.end_col - s.col == cps + 2;
    if (!exact && !quoted) return s.known() ? s : whole;
    SourceSpan out = s;
    if (quoted) out.col = s.col + 1;
    std::uint32_t base_col = out.col;
    std::size_t lb = b - off, le = std::min(e - off, text.size());
    out.col = base_col + static_cast<std::uint32_t>(base::count_code_points(text.substr(0, lb)));
    out.end_col =
        base_col + static_cast<std::uint32_t>(base::count_code_points(text.substr(0, le)));
    return out;
  };
  if (single) return within(*single, whole, 0);
  std::size_t off = 0;
  for (const Run& r : *runs) {
    if (b < off + r.text.size()) return within(r.text, r.span, off);
    off += r.text.size();
  }
  return whole;
}

// A text the evidence reads, with where it stands.
struct Text {
  std::string text;
  const Inlines* runs = nullptr;  // null: `text` is a skill name (single run)
  const std::string* single = nullptr;
  Occurrence where;
  bool list = false;
};

}  // namespace

const DefiningResult* defining_result(const Evidence& ev, const Profile& p,
                                      const std::string& name) {
  for (std::size_t i = 0; i < p.defining.size() && i < ev.defining.size(); ++i) {
    if (p.defining[i].name == name) return &ev.defining[i];
  }
  return nullptr;
}

std::vector<int> group_places(const Evidence& ev, const Profile& p, const std::string& group) {
  std::vector<int> out;
  for (std::size_t k = 0; k < p.keywords.size() && k < ev.keywords.size(); ++k) {
    if (p.keywords[k].group != group) continue;
    for (const Occurrence& o : ev.keywords[k].occurrences) {
      if (o.place < 0 || !ev.places[static_cast<std::size_t>(o.place)].independent) continue;
      if (std::find(out.begin(), out.end(), o.place) == out.end()) out.push_back(o.place);
    }
  }
  std::sort(out.begin(), out.end());
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
  // Gather the texts and their places. The references section is never evidence (a referee
  // named Jenkins is a person), nor are organisations or the header's contact fields.
  std::vector<Text> texts;
  int skills_place = -1;
  auto add_place = [&](Place p) {
    ev.places.push_back(std::move(p));
    return static_cast<int>(ev.places.size() - 1);
  };
  for (const Section& s : doc.sections) {
    if (s.kind == SectionKind::References) continue;
    int loose_bullet = 0;
    int section_place = -1;
    auto loose_place = [&]() {
      if (section_place < 0) {
        bool summary = s.kind == SectionKind::Summary;
        section_place = add_place({s.title, summary ? "summary" : "section", 1, false});
      }
      return section_place;
    };
    for (const Block& b : s.blocks) {
      if (const Paragraph* p = std::get_if<Paragraph>(&b)) {
        const char* kind = s.kind == SectionKind::Summary ? "summary" : "paragraph";
        Text t{plain_text(p->text),
               &p->text,
               nullptr,
               {s.title, "", 0, kind, 1, p->span, "", -1},
               false};
        t.where.place = loose_place();
        texts.push_back(std::move(t));
      } else if (const Bullet* bl = std::get_if<Bullet>(&b)) {
        Text t{plain_text(bl->text),
               &bl->text,
               nullptr,
               {s.title, "", ++loose_bullet, "bullet", 1, bl->span, "", -1},
               false};
        t.where.place = loose_place();
        texts.push_back(std::move(t));
      } else if (const SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        if (!skill_section(s)) continue;
        if (skills_place < 0) skills_place = add_place({"skills", "skills", 1, true});
        for (const Skill& sk : g->items) {
          Text t{sk.name,
                 nullptr,
                 &sk.name,
                 {s.title, g->label, 0, "skills", 1, sk.span, "", -1},
                 false};
          t.where.place = skills_place;
          t.list = true;
          texts.push_back(std::move(t));
        }
      } else if (const Entry* e = std::get_if<Entry>(&b)) {
        int pts = s.kind == SectionKind::Experience ? entry_points(e) : 1;
        int place = add_place({entry_label(*e), "entry", pts, true});
        // The heading counts too: "HashiCorp Certified: Terraform Associate" is evidence.
        Text h{e->role,
               nullptr,
               &e->role,
               {s.title, entry_label(*e), 0, "heading", pts, e->span, "", -1},
               false};
        h.where.place = place;
        texts.push_back(std::move(h));
        for (const Paragraph& d : e->description) {
          Text t{plain_text(d.text),
                 &d.text,
                 nullptr,
                 {s.title, entry_label(*e), 0, "description", pts, d.span, "", -1},
                 false};
          t.where.place = place;
          texts.push_back(std::move(t));
        }
        int n = 0;
        for (const Bullet& x : e->bullets) {
          Text t{plain_text(x.text),
                 &x.text,
                 nullptr,
                 {s.title, entry_label(*e), ++n, "bullet", pts, x.span, "", -1},
                 false};
          t.where.place = place;
          texts.push_back(std::move(t));
        }
      }
    }
  }
  // Keywords: one occurrence per keyword and text, at its first mention.
  std::vector<char> seen(profile.keywords.size());
  for (const Text& t : texts) {
    MatchContext ctx;
    ctx.list = t.list;
    std::fill(seen.begin(), seen.end(), 0);
    for (const Hit& h : index.term_hits(t.text, ctx)) {
      for (std::size_t k : index.keywords_of(h.keyword)) {
        if (seen[k]) continue;
        seen[k] = 1;
        KeywordEvidence& ke = ev.keywords[k];
        if (t.where.kind == "skills") {
          ke.in_skills = true;
        } else {
          ke.best_text = std::max(ke.best_text, t.where.points);
        }
        Occurrence o = t.where;
        o.span = locate(t.runs, t.single, t.where.span, h.begin, h.end);
        o.written = t.text.substr(h.begin, h.end - h.begin);
        ke.occurrences.push_back(std::move(o));
      }
    }
  }
  for (const EvidenceGroup& g : profile.groups) ev.groups[g.name] = 0;
  for (std::size_t k = 0; k < profile.keywords.size(); ++k) {
    KeywordEvidence& ke = ev.keywords[k];
    ke.score = profile.keywords[k].weight * ((ke.in_skills ? 1 : 0) + ke.best_text);
    ev.groups[profile.keywords[k].group] += ke.score;
  }
  // Defining evidence: one matcher over every definition's terms and `with` words.
  ev.defining.resize(profile.defining.size());
  if (profile.defining.empty()) return ev;
  // Built with the index, once per profile (KeywordIndex::Defining).
  const auto& uses = index.defining().uses;
  const Matcher& m = *index.defining().matcher;
  std::size_t nd = profile.defining.size();
  // A skills item that could support a definition: kept aside until the work is known, since
  // the skills list only corroborates work (below).
  struct Listed {
    std::size_t def;
    bool term;                      // names a term of the definition
    std::vector<std::size_t> with;  // spellings of the `with` words it names
    Occurrence where;
  };
  std::vector<Listed> listed;
  std::vector<int> work_texts(nd, 0);  // supporting texts in entries
  auto record = [&](DefiningResult& r, const Text& t, const Hit& h, Occurrence o) {
    o.span = locate(t.runs, t.single, t.where.span, h.begin, h.end);
    o.written = t.text.substr(h.begin, h.end - h.begin);
    r.mentions.push_back(std::move(o));
  };
  auto support_at = [&](DefiningResult& r, int place) {
    if (ev.places[static_cast<std::size_t>(place)].independent &&
        std::find(r.places.begin(), r.places.end(), place) == r.places.end()) {
      r.places.push_back(place);
    }
  };
  for (const Text& t : texts) {
    MatchContext ctx;
    ctx.list = t.list;
    std::vector<Hit> hits = m.find(t.text, ctx);
    if (hits.empty()) continue;
    std::vector<const Hit*> term(nd, nullptr), with(nd, nullptr);
    std::vector<std::vector<std::size_t>> withs(nd);
    for (const Hit& h : hits) {
      for (auto [d, w] : uses[h.keyword]) {
        auto& slot = w ? with[d] : term[d];
        if (!slot) slot = &h;
        if (w) withs[d].push_back(h.keyword);
      }
    }
    bool skills = t.where.kind == "skills";
    for (std::size_t d = 0; d < nd; ++d) {
      if (!term[d] && !with[d]) continue;
      const DefiningEvidence& def = profile.defining[d];
      if (skills) {
        listed.push_back({d, term[d] != nullptr, withs[d], t.where});
        // Where in the text, for --explain: the term, else the `with` word.
        Occurrence& o = listed.back().where;
        const Hit& h = term[d] ? *term[d] : *with[d];
        o.span = locate(t.runs, t.single, t.where.span, h.begin, h.end);
        o.written = t.text.substr(h.begin, h.end - h.begin);
        continue;
      }
      // With `with`, only a text that has both a term and a `with` word supports the
      // definition ("designed the ledger API").
      if (!term[d] || (!def.with.empty() && !with[d])) continue;
      DefiningResult& r = ev.defining[d];
      record(r, t, *term[d], t.where);
      support_at(r, t.where.place);
      const Place& pl = ev.places[static_cast<std::size_t>(t.where.place)];
      if (pl.independent && pl.kind == "entry") {
        ++work_texts[d];
      }
    }
  }
  // The skills list is the second independent place ("a listed skill plus a bullet") when it
  // names what the work does: a term of the definition ("Terraform"), or, for a definition with
  // `with` (owned work), one of its `with` words ("system design"). A list can name a subject
  // but never show that someone owned it, so for owned work it only corroborates ownership
  // written in at least two lines of work: one bullet plus a skills list never shows ownership.
  for (const Listed& l : listed) {
    DefiningResult& r = ev.defining[l.def];
    const DefiningEvidence& def = profile.defining[l.def];
    bool names = def.with.empty() ? l.term : !l.with.empty() && work_texts[l.def] >= 2;
    if (!names) continue;
    r.mentions.push_back(l.where);
    support_at(r, l.where.place);
  }
  for (std::size_t d = 0; d < nd; ++d) {
    DefiningResult& r = ev.defining[d];
    const DefiningEvidence& def = profile.defining[d];
    bool has_entry = false;
    for (int p : r.places) {
      const Place& pl = ev.places[static_cast<std::size_t>(p)];
      r.strength += pl.points;
      has_entry = has_entry || pl.kind == "entry";
    }
    int need = std::max(1, def.places);
    if (r.places.empty()) {
      r.why = "no evidence of " + def.label;
    } else if (static_cast<int>(r.places.size()) < need) {
      r.why = def.label + " in " + std::to_string(r.places.size()) + " place(s), " +
              std::to_string(need) + " needed (two entries, or the skills list and an entry)";
    } else if (!has_entry) {
      r.why = def.label + " only in the skills list, never in the work";
    } else {
      r.holds = true;
    }
  }
  return ev;
}

}  // namespace tailor::transform
