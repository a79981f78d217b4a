// Role profiles for the CLI: loading built-ins and --rules files, resolving --role names.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/build_request.hpp"
#include "cli/cli.hpp"
#include "model/document.hpp"
#include "transform/evidence.hpp"
#include "transform/profile.hpp"

namespace tailor::cli {

/// Loads the built-in lexicon and profiles, then each --rules file. Reports problems and
/// returns 0, or the exit code when a file has an error: 3 when it cannot be read, else 1.
/// A --rules profile with a built-in's title replaces the built-in. Given `only`, the --role
/// names of a build without --rules files, it loads just the lexicon and their profiles where
/// that is the same (transform::load_builtin_rules_for); `tailor roles`, `match` and --job
/// load every profile.
int load_roles(Context& ctx, const std::vector<std::string>& rules_files, transform::RuleSet& rules,
               const std::vector<std::string>& only = {});

/// The profiles to build for: every --role name (case-insensitive title, alias or file stem),
/// or, with no --role, the profiles defined by the --rules files. Unknown names print the
/// closest known names and return false (exit 1).
bool resolve_roles(Context& ctx, const transform::RuleSet& rules,
                   const std::vector<std::string>& names,
                   const std::vector<std::string>& rules_files,
                   std::vector<const transform::Profile*>& out);

/// The roles a build tailors to, loaded once for every input.
struct RoleTargets {
  transform::RuleSet rules;
  std::vector<const transform::Profile*> profiles;  ///< Empty: no tailoring.
  /// indexes[i]: the keyword index of profiles[i], built once and read by every document
  /// (and worker thread) of the build instead of once per document.
  std::vector<std::unique_ptr<const transform::KeywordIndex>> indexes;
};

/// Adds --role, --rules, --explain, --max-skills, --max-bullets and --keep-order.
void add_role_options(boost::program_options::options_description& desc, BuildRequest& req,
                      std::string& roles);

/// Checks the role options and loads the profiles. Returns -1 to go on, else an exit code.
/// Sets req.explain from --explain[=text|json]; a usage error for any other format.
int check_explain(Context& ctx, BuildRequest& req);

int prepare_roles(Context& ctx, const BuildRequest& req, RoleTargets& targets);

/// Tailors doc to profile, or without a profile only picks the default summary variant; then
/// orders sections (the profile's order, else `fallback`). Returns the --explain text (empty
/// without --explain). Safe to call from several threads: it only reads shared state.
std::string apply_role(const BuildRequest& req, const RoleTargets& targets,
                       const transform::Profile* profile, model::Document& doc,
                       const std::vector<model::SectionKind>& fallback,
                       const model::SourceManager& sources);

}  // namespace tailor::cli
