// Ordering of skills and bullets (see ordering.hpp).
#include "transform/ordering.hpp"

#include <algorithm>
#include <set>

#include "base/strings.hpp"
#include "transform/basic.hpp"
#include "transform/engine_util.hpp"

namespace tailor::transform {

using namespace tailor::model;
using namespace tailor::transform::detail;

namespace {
const MatchContext kSkillList{true, {}};  // a skill item is a technology context
}  // namespace

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
        std::vector<std::size_t> k = index.keywords_in(sk.name, kSkillList);
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
          for (std::size_t x : index.keywords_in(sk.name, kSkillList))
            sc = std::max(sc, p.keywords[x].weight);
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
    if (s.kind == SectionKind::References) continue;  // referees are never evidence
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
          rep.bullets.push_back({"moved",
                                 "bullet " + std::to_string(chosen[n] + 1) + " of " + where +
                                     " -> " + std::to_string(n + 1),
                                 keyword_names(kws[chosen[n]], p), e->bullets[chosen[n]].span});
        }
      }
      e->bullets = std::move(out);
    }
  }
}

}  // namespace tailor::transform
