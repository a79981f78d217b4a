// Section order: the style's (or the role's) list of kinds, with the sections it does not name
// kept where the writer put them, next to their neighbours.
#include <algorithm>

#include "transform/basic.hpp"

namespace tailor::transform {

using model::Document;
using model::Section;
using model::SectionKind;

void order_sections(Document& doc, const std::vector<SectionKind>& order) {
  if (order.empty()) return;
  auto listed = [&](SectionKind k) {
    return k != SectionKind::Custom && std::find(order.begin(), order.end(), k) != order.end();
  };
  const auto wildcard = std::find(order.begin(), order.end(), SectionKind::Custom);
  // Runs: a listed section and the unlisted ones written after it. Unlisted sections before
  // the first listed one form a run of their own that stays first. With a '*' slot every
  // unlisted section is a run of its own, ranked at the slot.
  struct Run {
    std::size_t rank;
    std::vector<Section> sections;
  };
  std::vector<Run> runs;
  for (Section& s : doc.sections) {
    bool is_listed = listed(s.kind);
    if (is_listed || wildcard != order.end() || runs.empty()) {
      std::size_t rank = 0;
      if (is_listed) {
        rank = 1 + static_cast<std::size_t>(std::find(order.begin(), order.end(), s.kind) -
                                            order.begin());
      } else if (wildcard != order.end()) {
        rank = 1 + static_cast<std::size_t>(wildcard - order.begin());
      }
      runs.push_back({rank, {}});
    }
    runs.back().sections.push_back(std::move(s));
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& b) { return a.rank < b.rank; });
  doc.sections.clear();
  for (Run& r : runs) {
    for (Section& s : r.sections) doc.sections.push_back(std::move(s));
  }
}

}  // namespace tailor::transform
