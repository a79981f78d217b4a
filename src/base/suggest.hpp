// Spelling suggestions for "did you mean" hints: edit distance and the closest known name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::base {

/// Levenshtein distance over bytes (names and keys are ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Levenshtein distance over bytes, with ASCII letters compared case-insensitively.
std::size_t edit_distance_nocase(std::string_view a, std::string_view b);

/// The candidate nearest to `word` (case-sensitive) if it is at most `max_distance` edits
/// away, else empty. On a tie the earlier candidate wins.
std::string closest(std::string_view word, const std::vector<std::string>& candidates,
                    std::size_t max_distance);

}  // namespace tailor::base
