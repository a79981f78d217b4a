// Profile lookup by name and "did you mean" suggestions.
#include "transform/profile.hpp"

#include <algorithm>

#include "base/suggest.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

const EvidenceGroup* Profile::group(const std::string& name) const {
  for (const EvidenceGroup& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

const DefiningEvidence* Profile::defining_evidence(const std::string& name) const {
  for (const DefiningEvidence& d : defining) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::vector<std::string> did_you_mean(const std::string& word,
                                      const std::vector<std::string>& candidates) {
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& c : candidates) {
    std::size_t d = base::edit_distance_nocase(word, c);
    // A prefix ("infra" for "infrastructure") is a good suggestion too.
    bool prefix = word.size() >= 3 && lower(c).rfind(lower(word), 0) == 0;
    if (d <= limit || prefix) scored.emplace_back(prefix ? std::min<std::size_t>(d, 1) : d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    if (out.size() == 3) break;
  }
  return out;
}

const char* op_text(CompareOp op) {
  switch (op) {
    case CompareOp::Less:
      return "<";
    case CompareOp::LessEqual:
      return "<=";
    case CompareOp::Greater:
      return ">";
    case CompareOp::GreaterEqual:
      return ">=";
  }
  return "?";
}

static std::vector<std::string> names_of(const Profile& p) {
  std::vector<std::string> names{p.title};
  names.insert(names.end(), p.aliases.begin(), p.aliases.end());
  if (!p.stem.empty()) names.push_back(p.stem);
  return names;
}

const Profile* find_profile(const RuleSet& rules, const std::string& name) {
  std::string want = lower(name);
  for (const Profile& p : rules.profiles) {
    for (const std::string& n : names_of(p)) {
      if (lower(n) == want) return &p;
    }
  }
  return nullptr;
}

std::vector<std::string> closest_profile_names(const RuleSet& rules, const std::string& name) {
  std::vector<std::string> all;
  for (const Profile& p : rules.profiles) {
    for (const std::string& n : names_of(p)) all.push_back(n);
  }
  std::vector<std::string> near = did_you_mean(name, all);
  // Report canonical titles, once each.
  std::vector<std::string> out;
  for (const std::string& n : near) {
    const Profile* p = find_profile(rules, n);
    std::string t = p ? p->title : n;
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

}  // namespace tailor::transform
