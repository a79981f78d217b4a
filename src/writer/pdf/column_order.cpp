// How poppler's reading order sees two columns (see column_order.hpp).
#include "writer/pdf/column_order.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace tailor::writer::pdf::detail {

namespace {

// Poppler's limits (TextOutputDev.cc): maxBlockFontSizeDelta1, maxLineSpacingDelta and
// maxIntraLineDelta, the last being the "line up" tolerance of the table test.
constexpr double kSizeDelta = 0.05;
constexpr double kLineSpacing = 1.5;
constexpr double kAlign = 0.5;
// Our estimate of poppler's boxes is not exact to the hundredth: a margin either way.
constexpr double kSlack = 1.0;
// How far apart (points) two blocks' tops may be for poppler to make either first (its
// pool's five buckets of textPoolStep = 4 points).
constexpr double kWindow = 20;

bool overlap_y(const ColumnBlock& a, const ColumnBlock& b) {
  return a.top <= b.bottom && a.bottom >= b.top;
}

double centre(const ColumnBlock& b) { return (b.top + b.bottom) / 2; }

/// The blocks of one column on one page, in order.
std::vector<const ColumnBlock*> on_page(const std::vector<ColumnBlock>& blocks, int page) {
  std::vector<const ColumnBlock*> out;
  for (const ColumnBlock& b : blocks) {
    if (b.page == page) out.push_back(&b);
  }
  return out;
}

/// The least distance to move `moved` down (`down`) or up so that none of its top, bottom and
/// centre is within `tol` of `fixed`'s (signed: negative is up).
double clear_of(const ColumnBlock& fixed, const ColumnBlock& moved, double tol, bool down) {
  const double diffs[] = {fixed.top - moved.top, fixed.bottom - moved.bottom,
                          centre(fixed) - centre(moved)};
  auto clear = [&](double p) {
    return std::all_of(std::begin(diffs), std::end(diffs),
                       [&](double d) { return std::abs(d - p) > tol; });
  };
  if (clear(0)) return 0;
  double best = std::numeric_limits<double>::infinity();
  for (double d : diffs) {
    double p = down ? d + tol + kSlack / 2 : d - tol - kSlack / 2;
    if ((down ? p > 0 : p < 0) && std::abs(p) < std::abs(best) && clear(p)) best = p;
  }
  return best;
}

}  // namespace

std::vector<ColumnBlock> column_blocks(const std::vector<ColumnLine>& lines) {
  std::vector<ColumnBlock> out;
  double last_base = 0;
  for (const ColumnLine& l : lines) {
    bool joins = !out.empty() && out.back().page == l.page &&
                 std::abs(l.size - out.back().size) < kSizeDelta * out.back().size &&
                 l.base >= last_base && l.base - last_base <= kLineSpacing * out.back().size;
    if (joins) {
      out.back().top = std::min(out.back().top, l.top);
      out.back().bottom = std::max(out.back().bottom, l.bottom);
    } else {
      out.push_back(ColumnBlock{l.page, l.top, l.bottom, l.size, l.box});
    }
    last_base = l.base;
  }
  return out;
}

std::vector<Conflict> conflicts(const std::vector<ColumnBlock>& main,
                                const std::vector<ColumnBlock>& side, bool side_right) {
  const std::vector<ColumnBlock>& left_col = side_right ? main : side;
  const std::vector<ColumnBlock>& right_col = side_right ? side : main;
  int last_page = 0;
  for (const ColumnBlock& b : main) last_page = std::max(last_page, b.page);
  for (const ColumnBlock& b : side) last_page = std::max(last_page, b.page);

  std::vector<Conflict> out;
  for (int page = 1; page <= last_page; ++page) {
    std::vector<const ColumnBlock*> left = on_page(left_col, page);
    std::vector<const ColumnBlock*> right = on_page(right_col, page);
    std::vector<Conflict> found;
    // A conflict at `at` and the moves that may avoid it (none of a running head's).
    auto consider = [&](double at,
                        std::initializer_list<std::pair<const ColumnBlock*, double>> fixes) {
      Conflict c{page, at, {}};
      for (auto [moved, by] : fixes) {
        if (moved->first_box == kFixed || by == 0 || !std::isfinite(by)) continue;
        c.fixes.push_back(Nudge{moved->first_box, by});
      }
      found.push_back(std::move(c));
    };

    // 1. The table test, from each block of the left column. Poppler takes as the block
    // right of it and the one below right the first it finds, in an order this model does
    // not follow exactly: every block that could be either is tried.
    for (std::size_t i = 0; i < left.size(); ++i) {
      const ColumnBlock& b1 = *left[i];
      const ColumnBlock* f3 = nullptr;
      for (std::size_t j = i + 1; j < left.size() && !f3; ++j) {
        if (left[j]->top > b1.bottom) f3 = left[j];
      }
      if (!f3) continue;
      // Poppler makes blocks from the top, the leftmost first among lines whose baselines
      // are within five 4-point steps: which of two blocks that close it meets first is not
      // predictable here, so both are tried, but not a block further down.
      double f2_top = 1e300, f4_top = 1e300;
      for (const ColumnBlock* r : right) {
        if (overlap_y(*r, b1)) f2_top = std::min(f2_top, r->top);
        if (r->top > b1.bottom) f4_top = std::min(f4_top, r->top);
      }
      for (const ColumnBlock* f2 : right) {
        if (!overlap_y(*f2, b1) || overlap_y(*f2, *f3) || f2->top > f2_top + kWindow) continue;
        for (const ColumnBlock* f4 : right) {
          if (!(f4->top > b1.bottom) || f4->top > f4_top + kWindow) continue;
          if (overlap_y(*f2, *f4) || !overlap_y(*f4, *f3)) continue;
          double tol = kAlign * std::min({b1.size, f2->size, f3->size, f4->size}) + kSlack;
          auto lined_up = [&](double a1, double a2, double b1v, double b2v) {
            return std::abs(a1 - a2) <= tol && std::abs(b1v - b2v) <= tol;
          };
          bool table = lined_up(b1.top, f2->top, f3->top, f4->top) ||
                       lined_up(b1.bottom, f2->bottom, f3->bottom, f4->bottom) ||
                       lined_up(centre(b1), centre(*f2), centre(*f3), centre(*f4));
          if (!table) continue;
          // Move the sidebar's block of the lower row until that row no longer lines up, or
          // the upper row's (and the lower with it).
          const ColumnBlock* lower = side_right ? f4 : f3;
          const ColumnBlock* upper = side_right ? f2 : &b1;
          const ColumnBlock& lower_main = side_right ? *f3 : *f4;
          const ColumnBlock& upper_main = side_right ? b1 : *f2;
          consider(std::min(b1.top, f2->top), {{lower, clear_of(lower_main, *lower, tol, true)},
                                               {lower, clear_of(lower_main, *lower, tol, false)},
                                               {upper, clear_of(upper_main, *upper, tol, true)},
                                               {upper, clear_of(upper_main, *upper, tol, false)}});
        }
      }
    }

    // 2. A block in the other column's gap, with that column's blocks above and below it.
    auto gaps = [&](const std::vector<const ColumnBlock*>& mine,
                    const std::vector<const ColumnBlock*>& other, bool mine_is_side) {
      for (const ColumnBlock* x : mine) {
        const ColumnBlock* above = nullptr;
        const ColumnBlock* below = nullptr;
        bool beside = false;
        for (const ColumnBlock* o : other) {
          if (overlap_y(*o, *x)) beside = true;
          if (o->bottom < x->top) above = o;
          if (!below && o->top > x->bottom) below = o;
        }
        if (beside || !above || !below) continue;
        if (mine_is_side) {
          // Down beside the block below, or up beside the one above.
          consider(x->top,
                   {{x, below->top - x->bottom + kSlack}, {x, -(x->top - above->bottom + kSlack)}});
        } else {
          // The sidebar's block below it up beside it, or the one above down beside it.
          consider(x->top, {{below, -(below->top - x->bottom + kSlack)},
                            {above, x->top - above->bottom + kSlack}});
        }
      }
    };
    gaps(side_right ? left : right, side_right ? right : left, false);
    gaps(side_right ? right : left, side_right ? left : right, true);
    std::stable_sort(found.begin(), found.end(),
                     [](const Conflict& a, const Conflict& b) { return a.at < b.at; });
    for (Conflict& c : found) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace tailor::writer::pdf::detail
