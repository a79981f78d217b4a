// Edit distance (one row of the dynamic-programming table) and nearest-name lookup.
#include "base/suggest.hpp"

#include <algorithm>

namespace tailor::base {

namespace {

char fold(char c, bool nocase) {
  return nocase && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t distance(std::string_view a, std::string_view b, bool nocase) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (fold(a[i - 1], nocase) == fold(b[j - 1], nocase) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) { return distance(a, b, false); }

std::size_t edit_distance_nocase(std::string_view a, std::string_view b) {
  return distance(a, b, true);
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance) {
  std::string best;
  std::size_t best_d = max_distance + 1;
  for (const std::string& c : candidates) {
    // The length difference is a lower bound of the distance: skip the O(n*m) table when it
    // already rules the candidate out (a 1 MB unknown key would otherwise cost 1 MB * m).
    std::size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap >= best_d) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace tailor::base
