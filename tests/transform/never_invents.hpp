// The "never invents" property, shared by the engine tests and the evidence corpus: tailoring
// adds no word the input lacks (beyond a fired title's licensed words), changes no bullet text,
// adds no skill and keeps every past job title.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "transform/engine.hpp"
#include "transform/tokens.hpp"
#include "writer/text/text.hpp"

namespace tailor::test {

inline std::string as_text(const model::Document& d) {
  std::string out;
  diag::Diagnostics diags;
  writer::write_text(d, writer::RenderOptions{}, out, diags);
  return out;
}

inline std::map<std::string, int> word_counts(const std::string& s) {
  std::map<std::string, int> m;
  for (const transform::Token& t : transform::tokenize(s)) ++m[t.norm];
  return m;
}

inline std::vector<std::string> bullet_texts(const model::Document& d) {
  std::vector<std::string> out;
  for (const model::Section& s : d.sections) {
    for (const model::Block& b : s.blocks) {
      if (auto* e = std::get_if<model::Entry>(&b)) {
        for (const model::Bullet& x : e->bullets) out.push_back(model::plain_text(x.text));
      }
      if (auto* x = std::get_if<model::Bullet>(&b)) out.push_back(model::plain_text(x->text));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> skill_names(const model::Document& d) {
  std::vector<std::string> out;
  for (const model::Section& s : d.sections) {
    for (const model::Block& b : s.blocks) {
      if (auto* g = std::get_if<model::SkillGroup>(&b)) {
        for (const model::Skill& k : g->items) out.push_back(k.name);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> entry_roles(const model::Document& d) {
  std::vector<std::string> out;
  for (const model::Section& s : d.sections) {
    for (const model::Block& b : s.blocks) {
      if (auto* e = std::get_if<model::Entry>(&b)) out.push_back(e->role);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The "never invents" property for one input and one profile. Returns "" when it holds.
inline std::string check_never_invents(const model::Document& input, const transform::Profile& p,
                                       const transform::Lexicon& lexicon,
                                       const transform::TailorOptions& opt = {}) {
  model::Document out = input;
  transform::Report rep = transform::tailor(out, p, lexicon, opt);
  std::string in_text = as_text(input), out_text = as_text(out);
  std::map<std::string, int> in_words = word_counts(in_text), out_words = word_counts(out_text);
  // Words the fired rule may add: its title's words that are role-title words or licensed.
  std::map<std::string, int> allowed;
  if (rep.fired) {
    std::map<std::string, int> licensed = word_counts([&] {
      std::string s;
      for (const std::string& w : rep.licensed_words) s += w + " ";
      return s;
    }());
    for (const auto& [w, n] : word_counts(rep.fired->title)) {
      if (licensed.count(w)) allowed[w] = n;
    }
  }
  for (const auto& [w, n] : out_words) {
    int have = in_words.count(w) ? in_words[w] : 0;
    int extra = allowed.count(w) ? allowed[w] : 0;
    if (n > have + extra) {
      return "word '" + w + "' appears " + std::to_string(n) + " times, input has " +
             std::to_string(have) + " (role " + p.title + ")";
    }
  }
  // Nothing added to skills or bullets, and past titles unchanged.
  std::vector<std::string> in_b = bullet_texts(input), out_b = bullet_texts(out);
  if (!std::includes(in_b.begin(), in_b.end(), out_b.begin(), out_b.end())) {
    return "a bullet changed text (role " + p.title + ")";
  }
  std::vector<std::string> in_s = skill_names(input), out_s = skill_names(out);
  if (!std::includes(in_s.begin(), in_s.end(), out_s.begin(), out_s.end())) {
    return "a skill was added (role " + p.title + ")";
  }
  if (opt.max_skills == 0 && in_s != out_s) return "a skill was dropped (role " + p.title + ")";
  if (opt.max_bullets == 0 && in_b != out_b) return "a bullet was dropped (role " + p.title + ")";
  if (entry_roles(input) != entry_roles(out)) return "a job title changed (role " + p.title + ")";
  return "";
}

}  // namespace tailor::test
