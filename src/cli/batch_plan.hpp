// Batch planning: every input x role x format becomes one output path, safe and unique.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::cli::batch {

/// The values a --name template can use. Callers pass slugs for content-derived values.
struct NameFields {
  std::string stem;    ///< {stem}: the input file name without extension, slugified.
  std::string role;    ///< {role}: the role, slugified.
  std::string ext;     ///< {ext}: the format's file extension without the dot ("pdf").
  std::string format;  ///< {format}: the format name ("docx-xml").
  std::string style;   ///< {style}: the style name, slugified.
  std::string ref;     ///< {ref}: the candidate reference (--anonymize), slugified.
};

/// The placeholder names, in the order docs/batch.md lists them.
const std::vector<std::string_view>& placeholders();

/// Checks a --name template: only known {placeholders}, "{{" and "}}" for literal braces,
/// no NUL or control characters, at least one placeholder. Empty string when fine, else a
/// message for a usage error.
std::string check_template(std::string_view tmpl);

/// True when the (checked) template uses {name}.
bool template_uses(std::string_view tmpl, std::string_view name);

/// Expands a checked template.
std::string expand_template(std::string_view tmpl, const NameFields& fields);

/// Resolves `name` lexically as a path relative to a folder and returns it normalised
/// ("a/./b" -> "a/b"), or nullopt with `error` set when it is empty, absolute, names the
/// folder itself or climbs out of it ("..").
std::optional<std::string> contained_relative(std::string_view name, std::string& error);

struct PlanInput {
  std::string path;  ///< As given on the command line.
  std::string ref;   ///< Candidate reference for {ref}; may be empty without --anonymize.
};

struct PlanFormat {
  std::string name;  ///< "pdf"
  std::string ext;   ///< "pdf" (no dot); may be empty.
};

struct PlanSpec {
  std::vector<PlanInput> inputs;
  std::vector<std::string> roles;  ///< Empty: one untailored variant.
  std::vector<PlanFormat> formats;
  std::string out_dir;        ///< --out-dir; with it every output goes below this folder.
  std::string output;         ///< -o FILE (one input, one role, one format).
  std::string name_template;  ///< --name; empty: the default below.
  std::string style;          ///< For {style}.
  bool anonymize = false;     ///< The default name uses {ref} instead of {stem}.
  /// Files no output may overwrite: the inputs, style, rules, posting.
  std::vector<std::string> protected_paths;
};

/// One output of the plan. With neither -o nor --out-dir, path is empty (standard output).
struct PlannedOutput {
  std::size_t input = 0, role = 0, format = 0;
  std::string name;  ///< Relative to out_dir, '/'-separated; empty without --out-dir.
  std::string path;  ///< out_dir/name, -o's path, or empty for standard output.
};

/// Outputs in plan order: by input, then role, then format.
struct Plan {
  std::vector<PlannedOutput> outputs;
};

/// The default --name: "{stem}-{role}.{ext}" with roles, "{stem}.{ext}" without; {ref}
/// replaces {stem} with --anonymize so file names do not reveal the candidate.
std::string default_template(bool with_roles, bool anonymize);

/// Plans every output. Default names that collide (case-insensitively, as on macOS and
/// Windows) get a short hash of their input path added to the stem; with a user --name,
/// collisions are refused. Returns nullopt with a message (a usage error) when a template is
/// invalid, a name escapes --out-dir, two outputs collide, or an output would overwrite a
/// protected file.
std::optional<Plan> make_plan(const PlanSpec& spec, std::string& error);

/// The manifest's file name inside --out-dir; no output may take it.
inline constexpr const char* kManifestName = ".tailor-manifest";

}  // namespace tailor::cli::batch
