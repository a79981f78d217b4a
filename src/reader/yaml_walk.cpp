#include "reader/yaml_walk.hpp"

#include <algorithm>

#include "base/links.hpp"
#include "base/suggest.hpp"
#include "reader/loose_date.hpp"

namespace tailor::reader {

bool YamlWalk::expect(const yaml::Node& v, const std::string& path, yaml::Kind kind) {
  if (v.is(kind)) return true;
  if (v.is(yaml::Kind::Null)) return false;
  diags_
      .warning(v.span, path + ": expected " + yaml::describe(kind) + ", found " +
                           yaml::describe(v.kind) + "; it is read as absent")
      .hints.push_back(kind == yaml::Kind::Sequence ? "write each item on its own line after \"- \""
                                                    : "see the " + format_ +
                                                          " documentation "
                                                          "for this key");
  return false;
}

void YamlWalk::check_keys(const yaml::Node& map, const std::string& path,
                          std::initializer_list<const char*> known) {
  for (const yaml::Member& m : map.members) {
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return m.key == k; }) !=
        known.end()) {
      continue;
    }
    std::string guess;
    std::size_t best = 3;
    for (const char* k : known) {
      std::size_t limit = std::string_view(k).size() <= 4 ? 1 : 2;
      if (m.key.size() > std::string_view(k).size() + limit) continue;
      std::size_t d = base::edit_distance_nocase(m.key, k);
      if (d <= limit && d < best) {
        best = d;
        guess = k;
      }
    }
    std::string message = yaml_key(path, m.key) + ": unknown key \"" + m.key + "\" is ignored";
    if (!guess.empty()) message += "; did you mean \"" + guess + "\"?";
    std::string list;
    for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    diags_.warning(m.key_span, message).hints.push_back(format_ + " keys here: " + list);
  }
}

const yaml::Node* YamlWalk::scalar(const yaml::Node& map, const char* key,
                                   const std::string& path) {
  const yaml::Node* v = map.find(key);
  if (!v || !expect(*v, yaml_key(path, key), yaml::Kind::Scalar)) return nullptr;
  if (v->text.find_first_not_of(" \t\n") == std::string::npos) return nullptr;
  return v;
}

std::string YamlWalk::text(const yaml::Node& map, const char* key, const std::string& path) {
  const yaml::Node* v = scalar(map, key, path);
  return v ? v->text : std::string();
}

model::Field YamlWalk::field(const yaml::Node& map, const char* key, const std::string& path) {
  const yaml::Node* v = scalar(map, key, path);
  if (!v) return {};
  return {v->text, v->span};
}

std::vector<const yaml::Node*> YamlWalk::scalars(const yaml::Node& map, const char* key,
                                                 const std::string& path) {
  std::vector<const yaml::Node*> out;
  const yaml::Node* v = map.find(key);
  if (!v) return out;
  std::string p = yaml_key(path, key);
  if (v->is(yaml::Kind::Scalar)) {
    if (v->text.find_first_not_of(" \t\n") != std::string::npos) out.push_back(v);
    return out;
  }
  if (!expect(*v, p, yaml::Kind::Sequence)) return out;
  for (std::size_t i = 0; i < v->items.size(); ++i) {
    const yaml::Node& item = v->items[i];
    if (expect(item, yaml_index(p, i), yaml::Kind::Scalar) &&
        item.text.find_first_not_of(" \t\n") != std::string::npos) {
      out.push_back(&item);
    }
  }
  return out;
}

model::Date YamlWalk::date(const yaml::Node& map, const char* key, const std::string& path,
                           std::string* unparsed) {
  const yaml::Node* v = scalar(map, key, path);
  if (!v) return {};
  std::optional<model::Date> d = parse_loose_date(v->text);
  if (!d) {
    diag::Diagnostic& w = diags_.warning(
        v->span, yaml_key(path, key) + ": \"" + v->text + "\" is not a date; it is kept as text");
    w.hints.push_back("dates are written 2021, 2021-03, 2021-03-15, \"Mar 2021\" or present");
    if (unparsed) *unparsed = v->text;
    return {};
  }
  d->span = v->span;
  return *d;
}

void YamlWalk::note(const model::SourceSpan& at, std::string message, std::string hint) {
  diag::Diagnostic d;
  d.severity = diag::Severity::Note;
  d.span = at;
  d.message = std::move(message);
  if (!hint.empty()) d.hints.push_back(std::move(hint));
  diags_.add(std::move(d));
}

void YamlWalk::check_url(const yaml::Node& v, const std::string& path) {
  if (base::check_link(v.text) == base::LinkCheck::UnsafeScheme) {
    diags_
        .warning(v.span, path + ": link scheme \"" + base::link_scheme(v.text) +
                             ":\" is not allowed; the address is kept as plain text")
        .hints.push_back("links may use https, http, mailto or tel");
  }
}

}  // namespace tailor::reader
