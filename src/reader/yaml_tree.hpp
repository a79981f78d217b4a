// A YAML tree that remembers where every value and every map key was written, read with
// yaml-cpp (Debian's libyaml-cpp-dev). Shared by the RenderCV and YAMLResume readers.
//
// Hostile input is bounded before and while yaml-cpp works (docs/limits.md):
// - the nesting depth is measured on the text first (yaml_depth.hpp), because yaml-cpp's
//   parser recurses once per level;
// - yaml-cpp shares the node an alias names, so "billion laughs" parses in a millisecond;
//   what would explode is a walk that follows every alias. The copy into this tree counts
//   every node it visits (aliases again each time) against base::kMaxYamlNodes and stops there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace tailor::yaml {

enum class Kind { Null, Scalar, Sequence, Map };

/// "nothing (null)", "a text", "a list", "a mapping" (for messages).
const char* describe(Kind kind);

struct Member;

struct Node {
  Kind kind = Kind::Null;
  std::string text;             ///< Kind::Scalar: the value, quotes and escapes resolved.
  std::vector<Node> items;      ///< Kind::Sequence, in source order.
  std::vector<Member> members;  ///< Kind::Map, in source order; duplicate keys dropped.
  model::SourceSpan span;       ///< Where the value starts (a null value: where its key is).

  bool is(Kind k) const { return kind == k; }
  /// The value of the member with this key, or nullptr (also when this is not a map).
  const Node* find(std::string_view key) const;
};

struct Member {
  std::string key;
  model::SourceSpan key_span;
  Node value;
};

}  // namespace tailor::yaml

namespace tailor::reader {

/// Parses the registered text of file_id as one YAML document. A syntax error, nesting past
/// base::kMaxYamlDepth or more than base::kMaxYamlNodes nodes is a located error (nullopt);
/// a duplicate key is a warning (the first one is kept, as yaml-cpp does).
std::optional<yaml::Node> parse_yaml(std::uint32_t file_id, std::string_view text,
                                     diag::Diagnostics& diags);

}  // namespace tailor::reader
