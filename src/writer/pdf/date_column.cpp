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

void Engine::left_column(std::size_t first, const std::vector<Piece>& ps, const std::string& said) {
  if (ps.empty() || first > boxes_.size()) return;
  const double col = st_.date_column_width * params_.font_scale;
  const double x0 = left_ - col - date_gutter();
  std::vector<Line> lines = break_lines(ps, col, col);
  std::string side_words;
  for (const Piece& p : ps) side_words += p.text;
  if (!said.empty()) side_words = said;
  for (std::size_t j = 0; j < lines.size(); ++j) {
    Box side = line_box(ps, lines[j], x0, col, Align::Left, 0);
    Op* side_first = nullptr;
    Op* side_last = nullptr;
    for (Op& op : side.ops) {
      if (op.kind != Op::Kind::Text || op.text.empty()) continue;
      if (!side_first) side_first = &op;
      side_last = &op;
    }
    if (!side_first) continue;
    if (j > 0) {
      // The first line's span already said the whole of it; a later line reads as nothing,
      // so a label that wraps is not read after the text beside it.
      side_first->actual_text = " ";
      side_last->end_span = true;
    }
    if (first + j >= boxes_.size()) {
      boxes_.back().keep_next = true;
      boxes_.push_back(std::move(side));
      continue;
    }
    Box& b = boxes_[first + j];
    // Structure markers that open or close around the line (a section, an entry heading)
    // stay outside: the side text goes in after the opening ones, inside the element.
    std::size_t lead = 0;
    while (lead < b.ops.size() && b.ops[lead].kind == Op::Kind::Begin) ++lead;
    std::size_t trail = b.ops.size();
    while (trail > lead && b.ops[trail - 1].kind == Op::Kind::End) --trail;
    if (j == 0) {
      // Poppler reads a column of short lines apart from the text beside it, so that all
      // the dates would come first. One marked-content span over the whole line, whose
      // ActualText is the dates then the line's words, keeps each line whole (see mark_span
      // in layout.cpp).
      auto from = b.ops.begin() + static_cast<std::ptrdiff_t>(lead);
      auto to = b.ops.begin() + static_cast<std::ptrdiff_t>(trail);
      bool plain = std::all_of(from, to, [](const Op& op) {
        return op.kind == Op::Kind::Text || op.kind == Op::Kind::Line || op.kind == Op::Kind::Rect;
      });
      Op* last = nullptr;
      for (Op& op : b.ops) {
        if (op.kind == Op::Kind::Text && !op.text.empty()) last = &op;
      }
      if (plain && last) {
        std::string words = side_words + " " + box_words(b);
        for (Op& op : b.ops) {
          op.actual_text.clear();
          op.end_span = false;
        }
        last->end_span = true;
        side_first->actual_text = words;
      } else if (!said.empty()) {
        side_first->actual_text = said;
        side_last->end_span = true;
      }
    }
    // Share the line's baseline; the side line is never taller than the body line it joins.
    b.ops.insert(b.ops.begin() + static_cast<std::ptrdiff_t>(lead), side.ops.begin(),
                 side.ops.end());
    b.height = std::max(b.height, side.height);
  }
}

}  // namespace tailor::writer::pdf::detail
