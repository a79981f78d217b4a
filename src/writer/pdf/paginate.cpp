// Pagination: boxes onto pages with keep-with-next, running heads and page numbers.
#include <algorithm>
#include <functional>
#include <iterator>

#include "writer/format.hpp"
#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

void Engine::page_furniture(int page) {
  // page1_ops_ (the logo) are placed with page 1's furniture.
  const double top = out_.page_height - st_.margin_top;
  const double bottom = st_.margin_bottom;
  const double small = fs(st_.small_size);
  int rh = body();
  const Face& rf = f(rh);
  // Running heads, page numbers, the style's header and footer text and the rule under the
  // running head repeat on every page: artifacts, outside the structure tree.
  auto artifact = [&](Op op) {
    op.artifact = true;
    out_.ops.push_back(std::move(op));
  };
  // Text of its own at (x, y) on the page, x chosen from its width: an artifact.
  auto put = [&](std::string_view text, const SourceSpan& span, double y,
                 const std::function<double(double)>& x_for_width) {
    double w = 0;
    std::vector<Op> ops = standalone_text(text, rh, small, st_.muted, span, w);
    double x = x_for_width(w);
    for (Op& op : ops) {
      op.page = page;
      op.x += x;
      op.y += y;
      op.artifact = true;
      out_.ops.push_back(std::move(op));
    }
  };
  auto centred = [&](double w) { return left_ + (width_ - w) / 2; };
  if (!st_.header_text.empty()) put(st_.header_text, {}, top + st_.margin_top / 2, centred);
  if (page == 1) {
    for (Op op : page1_ops_) {
      op.page = 1;
      out_.ops.push_back(op);
    }
  }
  if (page > 1) {
    // Running head: the name on the left, "page N of M" on the right (M filled in later).
    double base = top - small;
    if (!doc_.header.name.empty()) {
      put(doc_.header.name.value, doc_.header.name.span, base, [&](double) { return left_; });
    }
    page_number_ops_.push_back(out_.ops.size());  // filled in once the pages are counted
    artifact(Op{Op::Kind::Text, page, 0, base, 0, 0, rh, small, st_.muted, {}});
    artifact(Op{Op::Kind::Line,
                page,
                left_,
                base + rf.descender() * small / 1000.0 - 2,
                width_,
                0,
                0,
                0.4,
                st_.muted,
                {}});
  }
  if (!st_.footer_text.empty()) put(st_.footer_text, {}, bottom / 2, centred);
}

void Engine::paginate(bool number) {
  const double top = out_.page_height - st_.margin_top;
  const double bottom = st_.margin_bottom;
  const double small = fs(st_.small_size);
  const double run_height = small * leading() + gap(8);

  int page = 0;
  double cursor = 0;
  double content_top = top;  // below the running head on pages 2+
  bool at_top = true;
  auto new_page = [&] {
    ++page;
    at_top = true;
    cursor = top;
    page_furniture(page);
    if (page > 1) cursor -= run_height;
    content_top = cursor;
  };
  new_page();
  // The height of each box with everything chained to it by keep-with-next, from the back.
  std::vector<double> chain(boxes_.size(), 0.0);
  for (std::size_t i = boxes_.size(); i-- > 0;) {
    chain[i] = boxes_[i].height;
    if (boxes_[i].keep_next && i + 1 < boxes_.size()) {
      chain[i] += boxes_[i + 1].before + chain[i + 1];
    }
  }
  // What an empty page after the first holds, below its running head.
  const double empty_page = top - run_height - bottom;
  std::size_t box_ops = 0;
  for (const Box& b : boxes_) box_ops += b.ops.size();
  out_.ops.reserve(out_.ops.size() + box_ops + 8 * boxes_.size() / 40 + 16);
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    Box& b = boxes_[i];
    double g = at_top ? 0 : b.before;
    // Everything chained to this box must fit on this page too, unless the chain would not
    // fit on an empty page either (a bullet or paragraph taller than a page). Then waiting
    // for a new page gains nothing: the chain is split, keeping this line with the next one
    // so that no heading or first line is left alone at the foot of a page.
    double need = g + chain[i];
    if (chain[i] > empty_page) {
      need = g + b.height;
      if (b.keep_next && i + 1 < boxes_.size()) {
        need += boxes_[i + 1].before + boxes_[i + 1].height;
      }
    }
    if (!at_top && cursor - need < bottom - 1e-6) {
      new_page();
      g = 0;
    }
    double base = cursor - g - b.baseline;
    // The ops move to the page and the box lets go of them, so a long document is not held
    // twice (a resume of 49,000 one-letter skills held 2 x 33 MB of ops here).
    for (Op& op : b.ops) {
      op.page = page;
      op.y += base;
      out_.ops.push_back(std::move(op));
    }
    std::vector<Op>().swap(b.ops);
    cursor -= g + b.height;
    at_top = false;
  }
  out_.pages = page;
  out_.last_page_used = content_top - cursor;
  if (number) number_pages();
}

void Engine::number_pages() {
  const double small = fs(st_.small_size);
  int rh = body();
  // From the back, so that the ops a number inserts do not move the places still to fill.
  for (auto it = page_number_ops_.rbegin(); it != page_number_ops_.rend(); ++it) {
    Op slot = out_.ops[*it];
    double w = 0;
    std::vector<Op> ops =
        standalone_text(page_of(slot.page, out_.pages, doc_), rh, small, st_.muted, {}, w);
    if (ops.empty()) continue;
    for (Op& op : ops) {
      op.page = slot.page;
      op.x += left_ + width_ - w;
      op.y += slot.y;
      op.artifact = true;
    }
    out_.ops[*it] = std::move(ops.front());
    out_.ops.insert(out_.ops.begin() + static_cast<std::ptrdiff_t>(*it) + 1,
                    std::make_move_iterator(ops.begin() + 1), std::make_move_iterator(ops.end()));
  }
  page_number_ops_.clear();
}

}  // namespace tailor::writer::pdf::detail
