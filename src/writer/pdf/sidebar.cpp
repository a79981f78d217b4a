// The sidebar layout: the name, headline and main sections in the wide column; the photo,
// the contact details and the style's sidebar_sections in the narrow one. Each column is
// paginated on its own, so that the main column can run on to page 2 while the sidebar ends
// on page 1 (or the reverse), and an extractor reads one column, then the other.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "writer/pdf/column_order.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

void Engine::run_sidebar() {
  const double full_left = left_, full_width = width_;
  const double gutter = 30 * params_.font_scale;
  const double side_w = std::min(st_.sidebar_width, full_width * 0.45);
  const double main_w = full_width - side_w - gutter;
  const double side_x = st_.sidebar_right ? full_left + main_w + gutter : full_left;
  const double main_x = st_.sidebar_right ? full_left : full_left + side_w + gutter;
  auto in_sidebar = [&](const model::Section& s) {
    return std::count(st_.sidebar_sections.begin(), st_.sidebar_sections.end(), s.kind) > 0;
  };

  // 1. The main column: header without the contact line, then the other sections.
  contact_in_header_ = false;
  left_ = main_x;
  width_ = main_w;
  header();
  bool first = true;
  for (const model::Section& s : doc_.sections) {
    if (in_sidebar(s)) continue;
    section(s, first);
    first = false;
  }
  if (failed_) return;
  // Running heads and footers span the whole text width.
  left_ = full_left;
  width_ = full_width;
  paginate(false);  // numbered once the sidebar, which may be the longer, is placed
  if (failed_) return;
  const int main_pages = out_.pages;
  const double main_last_used = out_.last_page_used;

  // 2. The sidebar: the photo, the contact details one a line, then its sections.
  std::vector<Box>().swap(boxes_);
  page1_ops_.clear();
  left_ = side_x;
  width_ = side_w;
  stack_right_ = true;  // too narrow for dates beside a title
  double photo_h = photo();
  left_ = side_x;
  width_ = side_w;
  if (photo_h > 0) {
    for (Op op : page1_ops_) {  // the photo's Figure and its image
      if (op.kind == Op::Kind::Image) op.x = side_x + (side_w - op.w) / 2;
      op.page = 1;
      out_.ops.push_back(std::move(op));
    }
    Box spacer;
    spacer.height = photo_h + gap(6);
    boxes_.push_back(spacer);
  }
  double before = 0;
  for (Piece item : contact_) {
    // Each item whole on its line: a long address is set smaller (down to 3/4) to fit.
    double w = f(item.face).text_width(item.text, item.size);
    if (w > width_) item.size = std::max(item.size * 0.75, item.size * width_ / w);
    paragraph({item}, left_, width_, before);
    before = gap(2);
  }
  first = contact_.empty() && photo_h <= 0;
  for (model::SectionKind kind : st_.sidebar_sections) {
    for (const model::Section& s : doc_.sections) {
      if (s.kind != kind) continue;
      section(s, first);
      first = false;
    }
  }
  if (failed_) return;
  // An entry heading's span (its left part and right-aligned dates read as one line, see
  // mark_span in layout.cpp) stretches across the narrow column and makes poppler read the
  // sidebar's lines between the main column's. In the sidebar a heading line is read as it
  // stands; a span over one op (a letter-spaced heading) stays.
  for (Box& b : boxes_) {
    for (Op& op : b.ops) {
      if (op.actual_text.empty() || op.end_span) continue;
      op.actual_text.clear();
      for (Op& other : b.ops) other.end_span = false;
    }
  }
  double side_last_used = place_column(full_left, full_width);
  stack_right_ = false;
  left_ = full_left;
  width_ = full_width;
  // The fitter reads how far down the last page goes, in whichever column is the longer.
  if (out_.pages > main_pages) {
    out_.last_page_used = side_last_used;
  } else if (out_.pages == main_pages) {
    out_.last_page_used = std::max(main_last_used, side_last_used);
  }
  number_pages();
}

Engine::ColumnStack Engine::stack_column(const std::vector<double>& extra) const {
  const double top = out_.page_height - st_.margin_top;
  const double bottom = st_.margin_bottom;
  // Pages after the first begin below the running head, as paginate() sets them.
  const double run_height = fs(st_.small_size) * leading() + gap(8);
  auto before = [&](std::size_t i) { return boxes_[i].before + extra[i]; };
  std::vector<double> chain(boxes_.size(), 0.0);
  for (std::size_t i = boxes_.size(); i-- > 0;) {
    chain[i] = boxes_[i].height;
    if (boxes_[i].keep_next && i + 1 < boxes_.size()) chain[i] += before(i + 1) + chain[i + 1];
  }
  ColumnStack out;
  out.at.reserve(boxes_.size());
  int page = 1;
  double cursor = top;
  bool at_top = true;
  const double empty_page = top - run_height - bottom;
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    const Box& b = boxes_[i];
    // A nudge (extra) holds at the top of a page too: it moves a block off the other column's.
    double g = at_top ? extra[i] : before(i);
    // The same keeps as paginate(): the chain whole, or, when it is taller than a page, this
    // line with the next, so that no line of an item stands alone at a page's foot or top.
    double need = g + chain[i];
    if (chain[i] > empty_page) {
      need = g + b.height;
      if (b.keep_next && i + 1 < boxes_.size()) need += before(i + 1) + boxes_[i + 1].height;
    }
    if (!at_top && cursor - need < bottom - 1e-6) {
      ++page;
      cursor = top - run_height;
      at_top = true;
      g = extra[i];
    }
    out.at.push_back(ColumnStack::Spot{page, cursor - g - b.baseline});
    cursor -= g + b.height;
    at_top = false;
  }
  out.pages = page;
  out.last_used = (page == 1 ? top : top - run_height) - cursor;
  return out;
}

std::vector<ColumnLine> Engine::column_lines(const std::vector<Op>& ops,
                                             const std::vector<int>& box_of) const {
  // Text ops on one baseline form a line; its size is its first text's (poppler starts a
  // block from the first word). A line spanned with an ActualText (an entry's heading line,
  // see mark_span in layout.cpp) reads as the span's characters, which poppler sets in the
  // size of the span's last op (the dates, in the small size).
  std::map<std::tuple<int, long long, std::size_t>, ColumnLine> lines;
  std::map<std::tuple<int, long long, std::size_t>, double> first_x;
  std::map<std::tuple<int, long long, std::size_t>, bool> spanned;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    const Op& op = ops[k];
    if (op.kind != Op::Kind::Text || op.artifact || op.text.empty() || op.size <= 0) continue;
    const Face& fc = f(op.face);
    double base = out_.page_height - op.y;
    std::size_t box = box_of.empty() ? kFixed : static_cast<std::size_t>(box_of[k]);
    auto key = std::make_tuple(op.page, std::llround(base * 100), box_of.empty() ? 0 : box);
    double top = base - fc.ascender() * op.size / 1000.0;
    double bot = base - fc.descender() * op.size / 1000.0;
    auto it = lines.find(key);
    if (it == lines.end()) {
      lines.emplace(key, ColumnLine{op.page, top, bot, base, op.size, box});
      first_x.emplace(key, op.x);
      spanned.emplace(key, !op.actual_text.empty() && !op.end_span);
      continue;
    }
    if (!op.actual_text.empty()) spanned[key] = true;
    if (spanned[key]) {  // the span's last op so far: its size and box
      it->second.size = op.size;
      it->second.top = top;
      it->second.bottom = bot;
      continue;
    }
    it->second.top = std::min(it->second.top, top);
    it->second.bottom = std::max(it->second.bottom, bot);
    if (op.x < first_x[key]) {
      first_x[key] = op.x;
      it->second.size = op.size;
    }
  }
  std::vector<ColumnLine> out;
  out.reserve(lines.size());
  for (auto& [key, line] : lines) out.push_back(line);
  std::stable_sort(out.begin(), out.end(), [](const ColumnLine& a, const ColumnLine& b) {
    return std::tie(a.page, a.base) < std::tie(b.page, b.base);
  });
  return out;
}

double Engine::place_column(double full_left, double full_width) {
  // The main column is on its pages: its lines as poppler's blocks.
  const std::vector<ColumnBlock> main_blocks = column_blocks(column_lines(out_.ops, {}));
  // The running head (pages 2 on) is a row across both columns: one block over each.
  const double small = fs(st_.small_size);
  const Face& rf = f(body());
  auto with_heads = [&](std::vector<ColumnBlock> blocks, int pages) {
    double base = st_.margin_top + small;
    for (int p = 2; p <= pages; ++p) {
      blocks.push_back(ColumnBlock{p, base - rf.ascender() * small / 1000.0,
                                   base - rf.descender() * small / 1000.0, small, kFixed});
    }
    std::stable_sort(blocks.begin(), blocks.end(), [](const ColumnBlock& a, const ColumnBlock& b) {
      return std::tie(a.page, a.top) < std::tie(b.page, b.top);
    });
    return blocks;
  };

  // Place the sidebar; where poppler would read the columns interleaved, move a sidebar block
  // a little (column_order.hpp) and place again. A move (or pair of moves) is taken only when
  // the first conflict left is further down than the one it avoids, so the search ends; a
  // conflict no move gets past is left, and the search goes on below it. No block moves by
  // more than two lines, nor closes more than half the gap above it, so the design stays (the
  // content order, pdftotext -raw and the tags do not depend on any of it).
  std::vector<double> extra(boxes_.size(), 0.0);
  const double cap = 2 * fs(st_.body_size) * leading();
  // Conflicts no move could get past are left behind: the search goes on below `floor`.
  using Key = std::tuple<int, double>;
  Key floor{0, -1.0};
  auto first_conflict = [&](const ColumnStack& stack) -> std::optional<Conflict> {
    std::vector<Op> ops;
    std::vector<int> box_of;
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
      for (const Op& op : boxes_[i].ops) {
        if (op.kind != Op::Kind::Text || op.text.empty() || op.artifact) continue;
        Op o;  // what column_lines reads of it
        o.page = stack.at[i].page;
        o.x = op.x;
        o.y = op.y + stack.at[i].base;
        o.face = op.face;
        o.size = op.size;
        o.text = " ";
        o.actual_text = op.actual_text.empty() ? "" : " ";
        o.end_span = op.end_span;
        ops.push_back(std::move(o));
        box_of.push_back(static_cast<int>(i));
      }
    }
    int pages = std::max(out_.pages, stack.pages);
    std::vector<Conflict> found =
        conflicts(with_heads(main_blocks, pages),
                  with_heads(column_blocks(column_lines(ops, box_of)), pages), st_.sidebar_right);
    for (Conflict& c : found) {
      if (Key{c.page, c.at} > floor) return std::move(c);
    }
    return std::nullopt;
  };
  // Where the first conflict stands: later is better, none is best.
  auto key = [](const std::optional<Conflict>& c) {
    return c ? Key{c->page, c->at} : Key{std::numeric_limits<int>::max(), 0.0};
  };
  struct Tried {
    std::vector<double> extra;
    ColumnStack stack;
    std::optional<Conflict> next;
    double moved = 0;  // how far, in all
  };
  // The allowed moves of a conflict's fixes from `from`, each placed and checked.
  auto moves = [&](const Tried& from) {
    std::vector<Tried> out;
    for (const Nudge& n : from.next->fixes) {
      const auto& at = from.stack.at;
      // A block inside an item (no gap above it) moves with the item: its first line moves.
      std::size_t box = n.box;
      while (box > 0 && boxes_[box].before <= 0 && at[box - 1].page == at[box].page) --box;
      bool at_top = box == 0 || at[box - 1].page != at[box].page;
      double e = from.extra[box] + n.by;
      // Up to two lines down; up, never to the top margin nor by more than half the gap
      // above it (it stays apart from the text above).
      if (e > cap || e < (at_top ? 0.0 : -0.5 * boxes_[box].before)) continue;
      Tried t{from.extra, {}, std::nullopt, from.moved + std::abs(n.by)};
      t.extra[box] = e;
      t.stack = stack_column(t.extra);
      t.next = first_conflict(t.stack);
      out.push_back(std::move(t));
    }
    return out;
  };
  Tried now{extra, stack_column(extra), std::nullopt, 0};
  now.next = first_conflict(now.stack);
  for (std::size_t round = 0; now.next && round < 2 * boxes_.size() + 8; ++round) {
    // Of the allowed moves and pairs of moves, the one that leaves the first conflict
    // furthest down, the least among equals; none that does not get past this conflict.
    std::optional<Tried> best;
    auto consider = [&](Tried& t) {
      if (key(t.next) <= key(now.next)) return;
      if (!best || key(t.next) > key(best->next) ||
          (key(t.next) == key(best->next) && t.moved < best->moved)) {
        best = t;
      }
    };
    for (Tried& one : moves(now)) {
      consider(one);
      if (!one.next) continue;
      for (Tried& two : moves(one)) consider(two);
    }
    if (!best) {
      floor = key(now.next);
      now.next = first_conflict(now.stack);
      continue;
    }
    now = std::move(*best);
  }
  ColumnStack stack = std::move(now.stack);

  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    int page = stack.at[i].page;
    while (page > out_.pages) {
      // A page the main column did not reach: it takes the running head all the same.
      const double col_left = left_, col_width = width_;
      left_ = full_left;
      width_ = full_width;
      page_furniture(++out_.pages);
      left_ = col_left;
      width_ = col_width;
    }
    for (Op& op : boxes_[i].ops) {
      op.page = page;
      op.y += stack.at[i].base;
      out_.ops.push_back(std::move(op));
    }
    std::vector<Op>().swap(boxes_[i].ops);
  }
  return stack.last_used;
}

}  // namespace tailor::writer::pdf::detail
