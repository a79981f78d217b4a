// Small accessors of the JSON value tree.
#include "reader/json_value.hpp"

namespace tailor::json {

const char* describe(Kind kind) {
  switch (kind) {
    case Kind::Null:
      return "null";
    case Kind::Bool:
      return "a boolean";
    case Kind::Number:
      return "a number";
    case Kind::String:
      return "a string";
    case Kind::Array:
      return "an array";
    case Kind::Object:
      return "an object";
  }
  return "a value";
}

const Member* Value::find_member(std::string_view key) const {
  if (kind != Kind::Object) return nullptr;
  for (const Member& m : members) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  const Member* m = find_member(key);
  return m ? &m->value : nullptr;
}

}  // namespace tailor::json

namespace tailor::reader {

namespace {

void add_type_hints(diag::Diagnostic& d, const json::Value& v, const std::string& expected) {
  if (v.is(json::Kind::String) && expected.rfind("an array", 0) == 0) {
    d.hints.push_back("wrap the value in brackets: [\"...\"]");
  } else if (v.is(json::Kind::Number) && expected == "a string") {
    d.hints.push_back("write it in double quotes: \"" + v.text + "\"");
  } else if (v.is(json::Kind::Null)) {
    d.hints.push_back("leave the key out when there is no value");
  }
}

}  // namespace

diag::Diagnostic& json_type_error(diag::Diagnostics& diags, const json::Value& v,
                                  const std::string& path, const std::string& expected) {
  diag::Diagnostic& d =
      diags.error(v.span, path + ": expected " + expected + ", found " + json::describe(v.kind));
  add_type_hints(d, v, expected);
  return d;
}

diag::Diagnostic& json_type_warning(diag::Diagnostics& diags, const json::Value& v,
                                    const std::string& path, const std::string& expected) {
  diag::Diagnostic& d =
      diags.warning(v.span, path + ": expected " + expected + ", found " + json::describe(v.kind) +
                                "; it is read as absent");
  add_type_hints(d, v, expected);
  return d;
}

}  // namespace tailor::reader
