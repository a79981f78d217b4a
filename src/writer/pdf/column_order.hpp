// Two columns on a page, as poppler's reading-order mode (plain `pdftotext`) groups and orders
// them. Poppler (TextOutputDev, 22.x) gathers lines into blocks (one font size within 5 %, each
// baseline at most 1.5 sizes below the last) and orders the blocks by Breuel's rules: a block
// left of another comes first unless a block between them spans both. Two things make a block
// span both columns:
//   - its "table" test: a block, the nearest block right of it, the next block below it and the
//     first block below on the right, whose tops, bottoms or centres line up in both rows
//     within half a font size, are read as a table, row by row, across the whole page width;
//   - a block with no block of the other column beside it (it sits in that column's gap) is
//     widened over the other column's blocks below it.
// The sidebar layout places its column, finds the first such case with first_conflict() and
// moves a sidebar block down by the little it takes, until no case is left.
#pragma once

#include <cstddef>
#include <vector>

namespace tailor::writer::pdf::detail {

/// One line of text in a column, y growing downwards (from the page's top edge).
struct ColumnLine {
  int page = 1;
  double top = 0, bottom = 0;  ///< The line's glyph box: baseline minus ascender, plus descender.
  double base = 0;             ///< Baseline.
  double size = 0;             ///< Font size of its first text.
  std::size_t box = 0;         ///< The layout box it comes from (what a nudge moves).
};

/// ColumnLine::box and ColumnBlock::first_box of text that does not move (a running head).
inline constexpr std::size_t kFixed = static_cast<std::size_t>(-1);

/// A run of lines poppler reads as one block.
struct ColumnBlock {
  int page = 1;
  double top = 0, bottom = 0;
  double size = 0;
  std::size_t first_box = 0;
};

/// Groups the lines of one column (in order, page by page) into poppler's blocks.
std::vector<ColumnBlock> column_blocks(const std::vector<ColumnLine>& lines);

/// A sidebar block to move: the box that starts it, and by how much (down if positive).
struct Nudge {
  std::size_t box = 0;
  double by = 0;
};

/// A place where poppler would read the two columns interleaved: its page, the top of its
/// uppermost block, and the moves of a sidebar block that may avoid it, the likeliest first.
struct Conflict {
  int page = 1;
  double at = 0;
  std::vector<Nudge> fixes;
};

/// Every conflict, by page and then from the top; empty when every page reads as whole
/// columns. `side_right`: the sidebar is the right column.
std::vector<Conflict> conflicts(const std::vector<ColumnBlock>& main,
                                const std::vector<ColumnBlock>& side, bool side_right);

}  // namespace tailor::writer::pdf::detail
