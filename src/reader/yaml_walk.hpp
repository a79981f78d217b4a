// Typed, located access to a yaml::Node tree for the readers of YAML resume formats
// (RenderCV, YAMLResume). A value of the wrong kind or an unknown key is a warning that
// names its YAML path ("cv.sections.experience[2].company") and points at file:line:col;
// the value is then read as absent, so one slip never loses the rest of the resume.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "reader/yaml_tree.hpp"

namespace tailor::reader {

class YamlWalk {
 public:
  /// `format` names the format in hints ("RenderCV").
  YamlWalk(diag::Diagnostics& diags, std::string format)
      : diags_(diags), format_(std::move(format)) {}

  diag::Diagnostics& diags() { return diags_; }

  /// True when v has the kind; otherwise a warning. A null never matches, silently: an empty
  /// value ("headline:") is how these formats write "nothing".
  bool expect(const yaml::Node& v, const std::string& path, yaml::Kind kind);

  /// Warns about each key of `map` not in `known`, with the nearest known key as a guess.
  void check_keys(const yaml::Node& map, const std::string& path,
                  std::initializer_list<const char*> known);

  /// The scalar value of `key`, or nullptr when absent, null, empty or of another kind.
  const yaml::Node* scalar(const yaml::Node& map, const char* key, const std::string& path);
  std::string text(const yaml::Node& map, const char* key, const std::string& path);
  model::Field field(const yaml::Node& map, const char* key, const std::string& path);

  /// The non-empty scalars of a list value; a single scalar counts as a list of one.
  std::vector<const yaml::Node*> scalars(const yaml::Node& map, const char* key,
                                         const std::string& path);

  /// A date of `key` (reader/loose_date.hpp). Text that is not a date is a warning, and is
  /// returned in `unparsed` so the caller can keep the words.
  model::Date date(const yaml::Node& map, const char* key, const std::string& path,
                   std::string* unparsed = nullptr);

  /// A located note: something read but not carried over (a design option, a setting).
  void note(const model::SourceSpan& at, std::string message, std::string hint = {});

  /// Warns when a URL's scheme is not one Tailor links (it is kept as text by writers).
  void check_url(const yaml::Node& v, const std::string& path);

 private:
  diag::Diagnostics& diags_;
  std::string format_;
};

/// "path[3]" and "path.key" for messages.
inline std::string yaml_index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}
inline std::string yaml_key(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

/// Parses a YAML file and maps it to a document with `Mapper` (RenderCV, YAMLResume): the
/// mapper's diagnostics are added to `diags`, and any error among them fails the read.
template <class Mapper>
std::optional<model::Document> map_yaml(std::uint32_t file_id, std::string_view text,
                                        diag::Diagnostics& diags) {
  std::optional<yaml::Node> root = parse_yaml(file_id, text, diags);
  if (!root) return std::nullopt;
  diag::Diagnostics local;
  Mapper mapper(local);
  model::Document doc = mapper.map(*root);
  bool failed = local.has_errors();
  diags.append(local);
  if (failed) return std::nullopt;
  return doc;
}

}  // namespace tailor::reader
