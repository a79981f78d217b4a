// Balanced packing of whole items onto lines (the contact line), shared by the writers.
#pragma once

#include <cstddef>
#include <vector>

namespace tailor::writer {

/// Packs items of the given widths, `sep` apart, onto lines no wider than `width`, keeping
/// each item whole and the order as given. Uses as few lines as greedy filling, and among
/// those the split whose longest line is shortest (then the most even one), so four items
/// then one become three and two. An item wider than a line gets a line of its own. Returns
/// the end index of each line; empty for no items.
std::vector<std::size_t> balanced_breaks(const std::vector<double>& widths, double sep,
                                         double width);

}  // namespace tailor::writer
