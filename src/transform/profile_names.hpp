// The names a built-in profile answers to, read without parsing the profile.
//
// A build tailored to one role needs the lexicon and that role's profile, but finding the
// profile meant parsing every built-in file (about 3 M instructions, a fifth of a DOCX
// process). The built-in files write their `role`, `alias` and `fallback` directives one to a
// line, so a line scan finds the names; load_builtin_rules_for (rules.hpp) then parses only
// the lexicon and the file the names select. The scan is only ever used on the compiled-in
// profiles, and a test checks that it gives the parser's names for each of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::transform {

/// A profile file's `role` title, its `alias` names, whether it says `fallback`, and whether it
/// adds to the shared lexicon (`seniority`, `cased`, `tools` or `ambiguous` lines, which every
/// profile then sees, so such a file cannot be left unparsed).
struct ProfileNames {
  std::string title;
  std::vector<std::string> aliases;
  bool fallback = false;
  bool shares_lexicon = false;
};

/// Reads the names from a profile's text: lines that start (after spaces) with `role`,
/// `alias`, `fallback` or a shared-lexicon directive. Nothing for a file without a `role` line (the
/// lexicon), or when such a line is not the plain one-line form this scan understands; the caller
/// then parses.
std::optional<ProfileNames> scan_profile_names(std::string_view text);

}  // namespace tailor::transform
