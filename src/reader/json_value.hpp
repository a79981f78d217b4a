// A JSON value tree that remembers where every value and every object key was written.
// Parsed by the X3 grammar in grammar/json/; independent of JSON Resume so any feature that
// reads JSON (resumes, job postings) gets file:line:col diagnostics for free.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.hpp"
#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace tailor::json {

/// The six JSON types.
enum class Kind { Null, Bool, Number, String, Array, Object };

/// "null", "a boolean", "a number", "a string", "an array", "an object" (for messages).
const char* describe(Kind kind);

struct Member;

/// One JSON value. Only the fields of its kind are meaningful.
struct Value {
  Kind kind = Kind::Null;
  bool boolean = false;         ///< Kind::Bool.
  double number = 0;            ///< Kind::Number, as a double.
  std::string text;             ///< Kind::String: the decoded UTF-8; Kind::Number: as written.
  std::vector<Value> items;     ///< Kind::Array, in source order.
  std::vector<Member> members;  ///< Kind::Object, keys unique, in source order.
  model::SourceSpan span;       ///< From the first character to just past the last.

  bool is(Kind k) const { return kind == k; }
  /// The member with this key, or nullptr (also when this is not an object).
  const Member* find_member(std::string_view key) const;
  /// The value of the member with this key, or nullptr.
  const Value* find(std::string_view key) const;
};

/// An object member: the key and where it was written, and the value.
struct Member {
  std::string key;
  model::SourceSpan key_span;
  Value value;
};

/// Containers nested deeper than this are rejected, so hostile input cannot exhaust the stack.
inline constexpr int kMaxDepth = base::kMaxJsonDepth;

}  // namespace tailor::json

namespace tailor::reader {

/// Parses one JSON text (RFC 8259): the registered text of file_id. Errors (syntax, bad escapes,
/// control characters in strings, nesting past json::kMaxDepth, anything after the value) are
/// located at file:line:col with a hint; a duplicate key is a warning and the last one wins.
/// nullopt after at least one error.
std::optional<json::Value> parse_json(std::uint32_t file_id, std::string_view text,
                                      diag::Diagnostics& diags);

/// Reports "PATH: expected EXPECTED, found KIND" at `v`, with a hint for the usual slips (a
/// string where an array is wanted, a number where a string is wanted). Returns the error so
/// the caller can add hints of its own.
diag::Diagnostic& json_type_error(diag::Diagnostics& diags, const json::Value& v,
                                  const std::string& path, const std::string& expected);

/// The same as a warning, for readers that go on without the value ("…; it is read as
/// absent"): JSON Resume, where a wrong type or a null is treated as a missing key.
diag::Diagnostic& json_type_warning(diag::Diagnostics& diags, const json::Value& v,
                                    const std::string& path, const std::string& expected);

}  // namespace tailor::reader
