// The sidebar layout: the name, headline and main sections in the wide column; the photo,
// the contact details and the style's sidebar_sections in the narrow one. Each column is
// paginated on its own, so that the main column can run on to page 2 while the sidebar ends
// on page 1 (or the reverse), and an extractor reads one column, then the other.
#include <algorithm>

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

double Engine::place_column(double full_left, double full_width) {
  const double top = out_.page_height - st_.margin_top;
  const double bottom = st_.margin_bottom;
  // Pages after the first begin below the running head, as paginate() sets them.
  const double run_height = fs(st_.small_size) * leading() + gap(8);
  std::vector<double> chain(boxes_.size(), 0.0);
  for (std::size_t i = boxes_.size(); i-- > 0;) {
    chain[i] = boxes_[i].height;
    if (boxes_[i].keep_next && i + 1 < boxes_.size()) {
      chain[i] += boxes_[i + 1].before + chain[i + 1];
    }
  }
  int page = 1;
  double cursor = top;
  bool at_top = true;
  const double empty_page = top - run_height - bottom;
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    Box& b = boxes_[i];
    double g = at_top ? 0 : b.before;
    double need = g + (chain[i] > empty_page ? b.height : chain[i]);
    if (!at_top && cursor - need < bottom - 1e-6) {
      ++page;
      cursor = top - run_height;
      at_top = true;
      g = 0;
      if (page > out_.pages) {
        // A page the main column did not reach: it takes the running head all the same.
        const double col_left = left_, col_width = width_;
        left_ = full_left;
        width_ = full_width;
        page_furniture(page);
        left_ = col_left;
        width_ = col_width;
        out_.pages = page;
      }
    }
    double base = cursor - g - b.baseline;
    for (Op& op : b.ops) {
      op.page = page;
      op.y += base;
      out_.ops.push_back(std::move(op));
    }
    std::vector<Op>().swap(b.ops);
    cursor -= g + b.height;
    at_top = false;
  }
  out_.pages = std::max(out_.pages, page);
  return (page == 1 ? top : top - run_height) - cursor;
}

}  // namespace tailor::writer::pdf::detail
