// The date-column layout (moderncv): entry dates and skill labels in a column at the left of
// the text, on the lines they belong to.
#include <algorithm>

#include "writer/pdf/layout_engine.hpp"

namespace tailor::writer::pdf::detail {

namespace {

/// What an extractor should read for a box's text ops, in order: their /ActualText where
/// one is set (an entry heading's span), else their text, a space between ops.
std::string box_words(const Box& b) {
  std::string out;
  bool in_span = false;
  for (const Op& op : b.ops) {
    if (op.kind != Op::Kind::Text || op.text.empty()) continue;
    if (in_span) {
      if (op.end_span) in_span = false;
      continue;
    }
    const std::string& t = op.actual_text.empty() ? op.text : op.actual_text;
    if (!out.empty() && !t.empty() && t.front() != ' ') out += ' ';
    out += t;
    if (!op.actual_text.empty() && !op.end_span) in_span = true;
  }
  return out;
}

}  // namespace

void Engine::left_column(std::size_t first, const std::vector<Piece>& ps) {
  if (ps.empty() || first > boxes_.size()) return;
  const double col = st_.date_column_width * params_.font_scale;
  const double x0 = left_ - col - date_gutter();
  std::vector<Line> lines = break_lines(ps, col, col);
  for (std::size_t j = 0; j < lines.size(); ++j) {
    Box side = line_box(ps, lines[j], x0, col, Align::Left, 0);
    if (first + j >= boxes_.size()) {
      boxes_.back().keep_next = true;
      boxes_.push_back(std::move(side));
      continue;
    }
    Box& b = boxes_[first + j];
    // Poppler reads a column of short lines apart from the text beside it, so that all the
    // dates would come first. One marked-content span over the whole line, whose ActualText
    // is the dates then the line's words, keeps each line whole (see mark_span in layout.cpp).
    bool plain = std::all_of(b.ops.begin(), b.ops.end(), [](const Op& op) {
      return op.kind == Op::Kind::Text || op.kind == Op::Kind::Line || op.kind == Op::Kind::Rect;
    });
    std::string words = box_words(side) + " " + box_words(b);
    Op* last = nullptr;
    for (Op& op : b.ops) {
      if (op.kind == Op::Kind::Text && !op.text.empty()) last = &op;
    }
    if (plain && last) {
      for (Op& op : b.ops) {
        op.actual_text.clear();
        op.end_span = false;
      }
      last->end_span = true;
      Op* opener = nullptr;
      for (Op& op : side.ops) {
        if (op.kind == Op::Kind::Text && !op.text.empty() && !opener) opener = &op;
      }
      if (opener) opener->actual_text = words;
    }
    // Share the line's baseline; the side line is never taller than the body line it joins.
    b.ops.insert(b.ops.begin(), side.ops.begin(), side.ops.end());
    b.height = std::max(b.height, side.height);
  }
}

}  // namespace tailor::writer::pdf::detail
