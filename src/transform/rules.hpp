// Loading .rules files (grammar/rules.ebnf): profiles, the shared lexicon, located errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "transform/profile.hpp"

namespace tailor::transform {

/// What one .rules file says. A file with a `role` directive is a profile; a file without one
/// (templates/roles/lexicon.rules) only adds synonyms and seniority words.
struct RuleFile {
  bool has_role = false;
  Profile profile;          ///< synonyms of a profile file land in profile.synonyms.
  Lexicon lexicon;          ///< synonyms and seniority words of a lexicon file.
  model::SourceSpan first;  ///< First directive, for file-level messages.
};

/// Parses the registered text of file_id (grammar/rules/rules_grammar.cpp). Reports the first
/// syntax error and every unknown directive; returns false when anything was wrong.
bool parse_rules_text(std::uint32_t file_id, std::string_view text, RuleFile& out,
                      diag::Diagnostics& diags);

/// Checks names a parser cannot: groups used before they are declared, section names, title
/// words that neither the role's title nor a required group licenses. Adds errors.
bool validate_profile(const Profile& p, diag::Diagnostics& diags);

/// Reads, parses and validates one file, adding it to `rules`. Returns false on any error.
/// A profile whose title is already loaded is an error, unless `replace` (a user's --rules
/// file overriding a built-in), when it takes the earlier profile's place.
bool load_rules_file(const std::string& path, model::SourceManager& sources, RuleSet& rules,
                     diag::Diagnostics& diags, bool replace = false);

/// Loads the lexicon and every profile a --role NAME can select: the compiled-in
/// templates/roles (cited as "builtin:roles/sre.rules") and the *.rules of the user's data
/// folders (data/files.hpp). A user's file replaces the built-in of the same file name, and
/// a user's profile with a built-in's title replaces that profile.
bool load_builtin_rules(model::SourceManager& sources, RuleSet& rules, diag::Diagnostics& diags);

/// As load_builtin_rules for a build tailored to the roles `names`, but parsing only the
/// lexicon and the built-in profiles those names select (profile_names.hpp), when that gives
/// the same lexicon, the same profile for each name and the same tailoring: no user profile
/// files are installed, and no selected profile is the generalist fallback, which compares a
/// headline with every other profile's titles. Returns whether the files loaded without
/// error, or nothing, having loaded nothing, when that does not hold or a name selects no
/// built-in (the caller loads every profile then, and its message for an unknown role lists
/// them all).
std::optional<bool> load_builtin_rules_for(model::SourceManager& sources, RuleSet& rules,
                                           diag::Diagnostics& diags,
                                           const std::vector<std::string>& names);

}  // namespace tailor::transform
