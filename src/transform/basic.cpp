#include "transform/basic.hpp"

#include <algorithm>
#include <map>

namespace tailor::transform {

using namespace tailor::model;

static int overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  int n = 0;
  for (const std::string& x : a) n += static_cast<int>(std::count(b.begin(), b.end(), x));
  return n;
}

void select_variants(Document& doc, const std::vector<std::string>& preferred) {
  // Group section indices by kind (custom sections by title): only kinds that appear more
  // than once with tags are variant sets.
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    std::string key = s.kind == SectionKind::Custom ? "custom:" + s.title : to_string(s.kind);
    groups[key].push_back(i);
  }
  std::vector<bool> drop(doc.sections.size(), false);
  for (const auto& [key, idx] : groups) {
    if (idx.size() < 2) continue;
    bool any_tagged = std::any_of(idx.begin(), idx.end(),
                                  [&](std::size_t i) { return !doc.sections[i].tags.empty(); });
    if (!any_tagged) continue;
    std::size_t best = idx.front();
    int best_score = -1;
    for (std::size_t i : idx) {
      const Section& s = doc.sections[i];
      // Untagged variant scores 0, so it wins unless a tagged one fits the role.
      int score = s.tags.empty()                   ? 0
                  : overlap(s.tags, preferred) > 0 ? overlap(s.tags, preferred)
                                                   : -1;
      if (score > best_score) {
        best_score = score;
        best = i;
      }
    }
    for (std::size_t i : idx) drop[i] = i != best;
  }
  std::vector<Section> kept;
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(doc.sections[i]));
  }
  doc.sections = std::move(kept);
}

}  // namespace tailor::transform
