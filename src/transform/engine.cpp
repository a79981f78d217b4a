// The rule engine (see engine.hpp and docs/rules.md for the scoring and the truthfulness rules).
#include "transform/engine.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "transform/basic.hpp"

namespace tailor::transform {

using namespace tailor::model;

namespace {

// ----------------------------------------------------------------------------------------------
// Small helpers
// ----------------------------------------------------------------------------------------------

// Supporting keywords (weight 1) count as evidence and relevance but are not emphasised.
constexpr int kEmphasisWeight = 2;

std::string quote(const std::string& s) { return "\"" + s + "\""; }

bool skill_section(const Section& s) {
  return s.kind != SectionKind::Languages && s.kind != SectionKind::Interests;
}

std::string entry_label(const Entry& e) {
  if (e.role.empty()) return e.organisation;
  if (e.organisation.empty()) return e.role;
  return e.role + ", " + e.organisation;
}

int date_key(const Date& d) { return d.present ? 1000000 : d.year * 13 + d.month; }

int entry_key(const Entry& e) {
  int end = date_key(e.dates.end);
  return end ? end : date_key(e.dates.start);
}

}  // namespace

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

namespace {

// Relevance of a text: the sum over the distinct terms in it of each term's weight (a term
// listed in two groups counts once, at its higher weight).
int relevance(const std::vector<std::size_t>& kws, const Profile& p) {
  std::map<std::string, int> best;
  for (std::size_t k : kws) {
    int& w = best[lower(p.keywords[k].text)];
    w = std::max(w, p.keywords[k].weight);
  }
  int r = 0;
  for (const auto& [term, w] : best) r += w;
  return r;
}

std::vector<std::string> keyword_names(const std::vector<std::size_t>& kws, const Profile& p) {
  std::vector<std::string> out;
  for (std::size_t k : kws) {
    if (std::find(out.begin(), out.end(), p.keywords[k].text) == out.end()) {
      out.push_back(p.keywords[k].text);
    }
  }
  return out;
}

// The heaviest keyword's span: the rule to cite for an ordering decision.
SourceSpan strongest(const std::vector<std::size_t>& kws, const Profile& p) {
  SourceSpan best;
  int w = 0;
  for (std::size_t k : kws) {
    if (p.keywords[k].weight > w) {
      w = p.keywords[k].weight;
      best = p.keywords[k].span;
    }
  }
  return best;
}

// Stable order of indices 0..n-1 by descending score.
std::vector<std::size_t> ranked(const std::vector<int>& score) {
  std::vector<std::size_t> idx(score.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
  return idx;
}

// Splits runs at keyword boundaries and marks the keyword pieces. Returns marks made.
int emphasise(Inlines& runs, const KeywordIndex& index, const Profile& p) {
  int marked = 0;
  Inlines out;
  for (const Run& r : runs) {
    std::vector<Hit> hits;
    for (const Hit& h : index.hits(r.text)) {
      if (p.keywords[h.keyword].weight >= kEmphasisWeight) hits.push_back(h);
    }
    if (hits.empty() || r.keyword || !r.url.empty()) {  // links stay one run
      out.push_back(r);
      continue;
    }
    // Columns of the pieces follow the text when the run is one line without escapes.
    bool exact_cols = r.span.known() && r.span.line == r.span.end_line &&
                      r.span.end_col - r.span.col == base::count_code_points(r.text);
    std::size_t pos = 0;
    auto piece = [&](std::size_t b, std::size_t e, bool kw) {
      if (e <= b) return;
      Run x = r;
      x.text = r.text.substr(b, e - b);
      x.keyword = kw;
      if (exact_cols) {
        auto cb = static_cast<std::uint32_t>(base::count_code_points(r.text.substr(0, b)));
        auto ce = static_cast<std::uint32_t>(base::count_code_points(r.text.substr(0, e)));
        x.span.col = r.span.col + cb;
        x.span.end_col = r.span.col + ce;
      }
      out.push_back(std::move(x));
    };
    for (const Hit& h : hits) {
      piece(pos, h.begin, false);
      piece(h.begin, h.end, true);
      ++marked;
      pos = h.end;
    }
    piece(pos, r.text.size(), false);
  }
  runs = std::move(out);
  return marked;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// KeywordIndex and evidence
// ------------------------------------------------------------------------------------------------

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

// ------------------------------------------------------------------------------------------------
// Tailoring
// ------------------------------------------------------------------------------------------------

namespace {

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

void tailor_skills(Document& doc, const Profile& p, const KeywordIndex& index,
                   const TailorOptions& opt, Report& rep) {
  struct Item {
    int score;
    std::size_t order;
  };
  std::vector<Item> all;  // every skill, for --max-skills
  std::size_t order = 0;
  for (Section& s : doc.sections) {
    if (!skill_section(s)) continue;
    std::vector<std::size_t> slots;
    std::vector<int> group_scores;
    std::vector<std::vector<std::size_t>> group_kws;
    for (std::size_t bi = 0; bi < s.blocks.size(); ++bi) {
      SkillGroup* g = std::get_if<SkillGroup>(&s.blocks[bi]);
      if (!g) continue;
      slots.push_back(bi);
      std::vector<int> scores;
      std::vector<std::vector<std::size_t>> kws;
      int total = 0;
      std::vector<std::size_t> gk;
      for (Skill& sk : g->items) {
        std::vector<std::size_t> k = index.keywords_in(sk.name);
        int sc = 0;
        for (std::size_t x : k) sc = std::max(sc, p.keywords[x].weight);
        sk.keyword = sc >= kEmphasisWeight;
        scores.push_back(sc);
        kws.push_back(k);
        total += sc;
        gk.insert(gk.end(), k.begin(), k.end());
      }
      std::vector<std::size_t> idx = ranked(scores);
      std::vector<Skill> items;
      for (std::size_t n = 0; n < idx.size(); ++n) {
        items.push_back(g->items[idx[n]]);
        if (idx[n] > n && !opt.keep_order) {
          rep.changes.push_back({"skills",
                                 quote(g->items[idx[n]].name) + " in " +
                                     quote(g->label.empty() ? s.title : g->label) + ": " +
                                     std::to_string(idx[n] + 1) + " -> " + std::to_string(n + 1),
                                 scores[idx[n]] ? "keyword weight " + std::to_string(scores[idx[n]])
                                                : "not a keyword of the role",
                                 strongest(kws[idx[n]], p)});
        }
      }
      if (!opt.keep_order) g->items = std::move(items);
      group_scores.push_back(total);
      group_kws.push_back(gk);
    }
    if (opt.keep_order) continue;
    std::vector<std::size_t> idx = ranked(group_scores);
    std::vector<Block> groups;
    for (std::size_t n = 0; n < idx.size(); ++n) {
      groups.push_back(s.blocks[slots[idx[n]]]);
      if (idx[n] > n) {
        const SkillGroup& g = std::get<SkillGroup>(s.blocks[slots[idx[n]]]);
        rep.changes.push_back(
            {"skills",
             "group " + quote(g.label) + ": " + std::to_string(idx[n] + 1) + " -> " +
                 std::to_string(n + 1),
             "relevance " + std::to_string(group_scores[idx[n]]) +
                 (group_kws[idx[n]].empty()
                      ? ""
                      : " (" + base::join(keyword_names(group_kws[idx[n]], p)) + ")"),
             strongest(group_kws[idx[n]], p)});
      }
    }
    for (std::size_t n = 0; n < slots.size(); ++n) s.blocks[slots[n]] = std::move(groups[n]);
  }
  // --max-skills: keep the N most relevant skills overall, stably; drop emptied groups.
  for (Section& s : doc.sections) {
    if (!skill_section(s)) continue;
    for (Block& b : s.blocks) {
      if (SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        for (Skill& sk : g->items) {
          int sc = 0;
          for (std::size_t x : index.keywords_in(sk.name)) sc = std::max(sc, p.keywords[x].weight);
          all.push_back({sc, order++});
        }
      }
    }
  }
  if (opt.max_skills <= 0 || all.size() <= static_cast<std::size_t>(opt.max_skills)) return;
  std::vector<int> sc;
  for (const Item& it : all) sc.push_back(it.score);
  std::vector<std::size_t> idx = ranked(sc);
  std::set<std::size_t> keep(idx.begin(), idx.begin() + opt.max_skills);
  order = 0;
  for (Section& s : doc.sections) {
    if (!skill_section(s)) continue;
    std::vector<Block> blocks;
    for (Block& b : s.blocks) {
      SkillGroup* g = std::get_if<SkillGroup>(&b);
      if (!g) {
        blocks.push_back(std::move(b));
        continue;
      }
      std::vector<Skill> items;
      for (Skill& sk : g->items) {
        if (keep.count(order++)) {
          items.push_back(std::move(sk));
        } else {
          rep.changes.push_back({"skills",
                                 "dropped " + quote(sk.name),
                                 "--max-skills " + std::to_string(opt.max_skills),
                                 {}});
        }
      }
      g->items = std::move(items);
      if (!g->items.empty()) blocks.push_back(std::move(b));
    }
    s.blocks = std::move(blocks);
  }
}

void tailor_bullets(Document& doc, const Profile& p, const KeywordIndex& index,
                    const TailorOptions& opt, Report& rep) {
  for (Section& s : doc.sections) {
    for (Block& b : s.blocks) {
      Entry* e = std::get_if<Entry>(&b);
      if (!e || e->bullets.empty()) continue;
      std::vector<int> scores;
      std::vector<std::vector<std::size_t>> kws;
      for (const Bullet& x : e->bullets) {
        kws.push_back(index.keywords_in(plain_text(x.text)));
        scores.push_back(relevance(kws.back(), p));
      }
      std::vector<std::size_t> idx = ranked(scores);
      std::size_t keep = e->bullets.size();
      if (opt.max_bullets > 0) keep = std::min<std::size_t>(keep, opt.max_bullets);
      std::vector<std::size_t> chosen(idx.begin(), idx.begin() + keep);
      if (opt.keep_order) std::sort(chosen.begin(), chosen.end());
      std::string where = quote(entry_label(*e));
      for (std::size_t n = keep; n < idx.size(); ++n) {
        rep.changes.push_back({"bullets",
                               "dropped bullet " + std::to_string(idx[n] + 1) + " of " + where,
                               "--max-bullets " + std::to_string(opt.max_bullets) + "; relevance " +
                                   std::to_string(scores[idx[n]]),
                               {}});
      }
      std::vector<Bullet> out;
      for (std::size_t n = 0; n < chosen.size(); ++n) {
        out.push_back(e->bullets[chosen[n]]);
        if (chosen[n] > n && !opt.keep_order) {
          std::string names = base::join(keyword_names(kws[chosen[n]], p));
          rep.changes.push_back({"bullets",
                                 "bullet " + std::to_string(chosen[n] + 1) + " of " + where +
                                     " -> " + std::to_string(n + 1),
                                 "relevance " + std::to_string(scores[chosen[n]]) +
                                     (names.empty() ? "" : " (" + names + ")"),
                                 strongest(kws[chosen[n]], p)});
        }
      }
      e->bullets = std::move(out);
    }
  }
}

}  // namespace

Report tailor(Document& doc, const Profile& profile, const Lexicon& lexicon,
              const TailorOptions& options) {
  Report rep;
  rep.role = profile.title;
  KeywordIndex index(profile, lexicon);

  std::size_t summaries = 0;
  for (const Section& s : doc.sections) summaries += s.kind == SectionKind::Summary;
  select_variants(doc, profile.summary_tags);
  if (summaries > 1) {
    for (const Section& s : doc.sections) {
      if (s.kind != SectionKind::Summary) continue;
      rep.changes.push_back(
          {"summary",
           "chose the variant " +
               (s.tags.empty() ? std::string("without tags") : "{" + base::join(s.tags) + "}"),
           "summary-tags " + base::join(profile.summary_tags), profile.summary_tags_span});
    }
  }

  rep.evidence = collect_evidence(doc, profile, index);
  tailor_headline(doc, profile, lexicon, rep);
  tailor_skills(doc, profile, index, options, rep);
  tailor_bullets(doc, profile, index, options, rep);

  int marks = 0, bullets = 0;
  auto mark = [&](Inlines& text) {
    int m = emphasise(text, index, profile);
    marks += m;
    bullets += m > 0;
  };
  for (Section& s : doc.sections) {
    for (Block& b : s.blocks) {
      if (Bullet* x = std::get_if<Bullet>(&b)) mark(x->text);
      if (Entry* e = std::get_if<Entry>(&b)) {
        for (Bullet& x : e->bullets) mark(x.text);
      }
    }
  }
  if (marks) {
    rep.changes.push_back(
        {"emphasis",
         std::to_string(marks) + " keyword(s) marked in " + std::to_string(bullets) + " bullet(s)",
         "keywords of " + quote(profile.title), profile.span});
  }

  std::vector<std::string> before;
  for (const Section& s : doc.sections) before.push_back(s.title);
  if (!options.keep_order) order_sections(doc, profile.sections);
  std::vector<std::string> after;
  for (const Section& s : doc.sections) after.push_back(s.title);
  if (before != after) {
    rep.changes.push_back({"sections", base::join(before) + " -> " + base::join(after),
                           "preferred order of " + quote(profile.title), profile.sections_span});
  }

  doc.meta.target_role = profile.title;
  doc.meta.keywords.clear();
  for (const Section& s : doc.sections) {
    if (!skill_section(s)) continue;
    for (const Block& b : s.blocks) {
      if (const SkillGroup* g = std::get_if<SkillGroup>(&b)) {
        for (const Skill& sk : g->items) {
          if (sk.keyword && std::find(doc.meta.keywords.begin(), doc.meta.keywords.end(),
                                      sk.name) == doc.meta.keywords.end()) {
            doc.meta.keywords.push_back(sk.name);
          }
        }
      }
    }
  }
  return rep;
}

std::string render_report(const Report& rep, const SourceManager& sources) {
  std::string out = "tailor: role " + quote(rep.role) + "; evidence:";
  for (const auto& [g, v] : rep.evidence.groups) out += " " + g + " " + std::to_string(v);
  out += "\n";
  for (const Change& c : rep.changes) {
    std::string where = "tailor";
    if (c.rule.known() && c.rule.file_id) {
      where = sources.path(c.rule.file_id) + ":" + std::to_string(c.rule.line);
    }
    out += where + ": " + c.what + ": " + c.detail;
    if (!c.reason.empty()) out += " (" + c.reason + ")";
    out += "\n";
  }
  return out;
}

std::string describe_profile(const Profile& p, const SourceManager& sources) {
  std::string out = p.title + "\n";
  if (!p.description.empty()) out += "  " + p.description + "\n";
  if (!p.aliases.empty() || !p.stem.empty()) {
    std::vector<std::string> names = p.aliases;
    bool stem_known = false;
    for (const std::string& a : names) stem_known = stem_known || lower(a) == lower(p.stem);
    if (!p.stem.empty() && !stem_known) names.push_back(p.stem);
    out += "  names: " + base::join(names) + "\n";
  }
  if (p.span.known() && p.span.file_id) out += "  file: " + sources.path(p.span.file_id) + "\n";
  for (const EvidenceGroup& g : p.groups) {
    out += "\n  group " + g.name + (g.label.empty() ? "" : " (" + quote(g.label) + ")") + "\n";
    for (int w = 9; w >= 1; --w) {
      std::vector<std::string> items;
      for (const Keyword& k : p.keywords) {
        if (k.group == g.name && k.weight == w) items.push_back(k.text);
      }
      if (items.empty()) continue;
      std::string label = w == 3 ? "core" : w == 1 ? "supporting" : "weight " + std::to_string(w);
      out += "    " + label + ": " + base::join(items) + "\n";
    }
  }
  if (!p.titles.empty()) out += "\n  titles, first satisfied wins:\n";
  for (const TitleRule& r : p.titles) {
    std::vector<std::string> branches;
    for (const auto& chain : r.any_of) {
      std::vector<std::string> conds;
      for (const Condition& c : chain) {
        conds.push_back(c.group + " " + op_text(c.op) + " " +
                        (c.other_group.empty() ? std::to_string(c.number) : c.other_group));
      }
      branches.push_back(base::join(conds, " and "));
    }
    out += "    " + quote(r.title) + " when " + base::join(branches, " or ") + "\n";
  }
  if (!p.sections.empty()) {
    std::vector<std::string> names;
    for (SectionKind k : p.sections) names.push_back(to_string(k));
    out += "\n  sections: " + base::join(names) + "\n";
  }
  if (!p.summary_tags.empty()) out += "  summary tags: " + base::join(p.summary_tags) + "\n";
  return out;
}

}  // namespace tailor::transform
