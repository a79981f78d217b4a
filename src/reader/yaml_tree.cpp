#include "reader/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

#include "base/limits.hpp"
#include "reader/resume_support.hpp"
#include "reader/yaml_depth.hpp"

namespace tailor::yaml {

const char* describe(Kind kind) {
  switch (kind) {
    case Kind::Null:
      return "nothing (null)";
    case Kind::Scalar:
      return "a text";
    case Kind::Sequence:
      return "a list";
    case Kind::Map:
      return "a mapping";
  }
  return "?";
}

const Node* Node::find(std::string_view key) const {
  for (const Member& m : members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

}  // namespace tailor::yaml

namespace tailor::reader {

namespace {

const char* const kYamlHint =
    "indent with spaces (never tabs), put \": \" after each key and quote a value that "
    "starts with a special character ([, {, *, &, !, |, >, %, @, `)";

class Builder {
 public:
  Builder(const resume::Locator& loc, std::size_t text_size, diag::Diagnostics& diags)
      : loc_(loc), size_(text_size), diags_(diags) {}

  bool failed() const { return failed_; }

  model::SourceSpan span(const YAML::Mark& m) const {
    if (m.is_null() || m.pos < 0) return loc_.span_at(0);
    std::size_t at = static_cast<std::size_t>(m.pos);
    return loc_.span_at(at < size_ ? at : size_);
  }

  /// Copies n; every node visited counts, so a shared alias costs each time it is used.
  void build(const YAML::Node& n, yaml::Node& out, int depth, const model::SourceSpan& fallback) {
    if (failed_) return;
    if (++visited_ > base::kMaxYamlNodes) {
      fail(n.Mark().is_null() ? fallback : span(n.Mark()),
           "too many values: the limit is " + base::group_digits(base::kMaxYamlNodes) +
               " in one YAML file (every use of an alias counts again)",
           "a resume holds a few hundred values; an alias (*name) of an alias repeated "
           "over and over is a \"billion laughs\" attack (docs/limits.md)");
      return;
    }
    if (depth > base::kMaxYamlDepth) {
      fail(span(n.Mark()), "nesting deeper than " + std::to_string(base::kMaxYamlDepth) + " levels",
           "an alias that refers to its own anchor nests without end (docs/limits.md)");
      return;
    }
    out.span = n.Mark().is_null() ? fallback : span(n.Mark());
    switch (n.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = yaml::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = yaml::Kind::Scalar;
        out.text = n.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.kind = yaml::Kind::Sequence;
        for (const YAML::Node& item : n) {
          out.items.emplace_back();
          build(item, out.items.back(), depth + 1, out.span);
          if (failed_) return;
        }
        break;
      case YAML::NodeType::Map:
        out.kind = yaml::Kind::Map;
        for (auto it = n.begin(); it != n.end(); ++it) {
          if (++visited_ > base::kMaxYamlNodes) {
            build(it->first, out, depth, out.span);  // reports the limit
            return;
          }
          model::SourceSpan key_span = span(it->first.Mark());
          if (!it->first.IsScalar()) {
            diags_.warning(key_span, "a key that is not a text is ignored")
                .hints.push_back("write keys as plain words (name:, sections:)");
            continue;
          }
          std::string key = it->first.Scalar();
          if (const yaml::Member* first = find(out, key)) {
            diag::Diagnostic& d =
                diags_.warning(key_span, "duplicate key \"" + key + "\": the first one (line " +
                                             std::to_string(first->key_span.line) + ") is kept");
            d.hints.push_back("remove or rename one of them");
            continue;
          }
          out.members.push_back(yaml::Member{std::move(key), key_span, {}});
          build(it->second, out.members.back().value, depth + 1, key_span);
          if (failed_) return;
        }
        break;
    }
  }

 private:
  static const yaml::Member* find(const yaml::Node& map, const std::string& key) {
    for (const yaml::Member& m : map.members) {
      if (m.key == key) return &m;
    }
    return nullptr;
  }

  void fail(const model::SourceSpan& at, std::string message, std::string hint) {
    failed_ = true;
    diags_.error(at, std::move(message)).hints.push_back(std::move(hint));
  }

  const resume::Locator& loc_;
  std::size_t size_;
  diag::Diagnostics& diags_;
  std::size_t visited_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<yaml::Node> parse_yaml(std::uint32_t file_id, std::string_view text,
                                     diag::Diagnostics& diags) {
  resume::Locator loc(file_id, text);
  // The depth first: yaml-cpp recurses once per level before anything can be counted.
  YamlDepth depth = yaml_depth(text, base::kMaxYamlDepth);
  if (depth.depth > base::kMaxYamlDepth) {
    diags
        .error(loc.span_at(depth.offset),
               "nesting deeper than " + std::to_string(base::kMaxYamlDepth) + " levels")
        .hints.push_back("a resume nests 4 to 6 levels; is this the right file? (docs/limits.md)");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // e.mark is 0-based; e.msg is the message without yaml-cpp's own "line, column" prefix.
    std::string msg = e.msg.empty() ? std::string("invalid YAML") : e.msg;
    Builder b(loc, text.size(), diags);
    diags.error(b.span(e.mark), "YAML: " + msg).hints.push_back(kYamlHint);
    return std::nullopt;
  }
  yaml::Node out;
  Builder b(loc, text.size(), diags);
  b.build(root, out, 0, loc.span_at(0));
  if (b.failed()) return std::nullopt;
  return out;
}

}  // namespace tailor::reader
