// The nesting depth of a YAML text, measured on the text alone, so a file of 100,000 "- " or
// "[" is refused before yaml-cpp's recursive parser descends into it.
#pragma once

#include <cstddef>
#include <string_view>

namespace tailor::reader {

struct YamlDepth {
  int depth = 0;           ///< The deepest level seen (an upper bound of the real depth).
  std::size_t offset = 0;  ///< Byte offset of where it was first reached.
};

/// Scans until the depth passes `limit` (then `depth` is limit + 1) or the text ends. Block
/// levels come from indentation and "- " indicators, flow levels from brackets outside quotes
/// and comments; the lines of block scalars ("|", ">") are skipped. Overestimates, never
/// underestimates: a continuation line indented deeper counts as a level.
YamlDepth yaml_depth(std::string_view text, int limit);

}  // namespace tailor::reader
