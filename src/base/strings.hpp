// Small string helpers shared by readers, writers and transforms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::base {

/// `parts` with `sep` between them; empty parts at the front add nothing (so no leading
/// separator), later ones are kept ("a, , b").
std::string join(const std::vector<std::string>& parts, std::string_view sep = ", ");

/// The non-empty `parts` with `sep` between them ({"a", "", "b"} -> "a, b").
std::string join_nonempty(const std::vector<std::string>& parts, std::string_view sep);

/// `s` cut at every `sep` (non-empty): n separators give n + 1 pieces, empty ones included.
std::vector<std::string> split(std::string_view s, std::string_view sep);

/// `s` with ASCII letters lower-cased; every other byte is left alone.
std::string lower_ascii(std::string_view s);

/// `s` without leading and trailing spaces and tabs.
std::string trim(std::string_view s);

/// The number of words in `s`, split at spaces (only ' ').
std::size_t count_words(std::string_view s);

/// The words of `s` split at spaces (only ' '); runs of spaces make no empty words.
std::vector<std::string> split_words(std::string_view s);

}  // namespace tailor::base
