// Transforms every build runs, with or without a target role.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace tailor::transform {

/// Keeps one variant of each tagged section kind (e.g. Summary): the one whose tags share
/// the most with `preferred`, else the untagged one, else the first. Sections of a kind that
/// has a single instance are left alone.
void select_variants(model::Document& doc, const std::vector<std::string>& preferred);

/// Stable-sorts sections by `order`; kinds not listed keep their source order after them.
void order_sections(model::Document& doc, const std::vector<model::SectionKind>& order);

}  // namespace tailor::transform
