#include "writer/balanced_lines.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace tailor::writer {

std::vector<std::size_t> balanced_breaks(const std::vector<double>& widths, double sep,
                                         double width) {
  const std::size_t n = widths.size();
  if (n == 0) return {};
  auto span = [&](std::size_t a, std::size_t b) {  // items [a, b) on one line
    double w = 0;
    for (std::size_t i = a; i < b; ++i) w += widths[i] + (i > a ? sep : 0);
    return w;
  };
  auto fits = [&](std::size_t a, std::size_t b) { return b == a + 1 || span(a, b) <= width; };
  // Greedy: how many lines filling needs.
  std::vector<std::size_t> greedy;
  for (std::size_t a = 0; a < n;) {
    std::size_t b = a + 1;
    while (b < n && fits(a, b + 1)) ++b;
    greedy.push_back(b);
    a = b;
  }
  const std::size_t k = greedy.size();
  // Beyond a contact line's size the quadratic search is not worth it.
  if (k == 1 || n > 64) return greedy;
  // best[j][i]: the first i items on j lines, as (longest line, sum of squared slack). On a
  // tie the later break wins: the longer lines come first.
  using Cost = std::pair<double, double>;
  const Cost none{std::numeric_limits<double>::infinity(), 0};
  std::vector<std::vector<Cost>> best(k + 1, std::vector<Cost>(n + 1, none));
  std::vector<std::vector<std::size_t>> from(k + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = {0, 0};
  for (std::size_t j = 1; j <= k; ++j) {
    for (std::size_t i = j; i <= n; ++i) {
      for (std::size_t a = j - 1; a < i; ++a) {
        if (best[j - 1][a].first == none.first || !fits(a, i)) continue;
        double w = span(a, i);
        double slack = std::max(0.0, width - w);
        Cost c{std::max(best[j - 1][a].first, w), best[j - 1][a].second + slack * slack};
        if (c.first < best[j][i].first - 1e-9 ||
            (c.first < best[j][i].first + 1e-9 && c.second <= best[j][i].second + 1e-9)) {
          best[j][i] = c;
          from[j][i] = a;
        }
      }
    }
  }
  if (best[k][n].first == none.first) return greedy;
  std::vector<std::size_t> ends(k);
  for (std::size_t j = k, i = n; j > 0; --j) {
    ends[j - 1] = i;
    i = from[j][i];
  }
  return ends;
}

}  // namespace tailor::writer
