// What a build loads once and shares between its workers: roles, formats, the style, and how
// to tailor and render one document.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/document.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

/// Everything a build loads once (styles, profiles, fonts) and shares read-only between its
/// worker threads.
struct BuildEnv {
  /// One target role: its name for {role} and messages, and the files only it depends on.
  struct Role {
    std::string name;                ///< "Infrastructure Engineer"
    std::vector<std::string> files;  ///< Its profile: hashed, watched, never overwritten.
  };
  /// The roles to build; empty for one untailored build of each input.
  std::vector<Role> roles;
  std::vector<const writer::WriterInfo*> formats;
  writer::RenderOptions options;  ///< options.style points into `owned`.
  /// Files besides the inputs whose bytes change the outputs: style, rules, posting, fonts.
  /// Hashed for --if-changed, watched by --watch, and never overwritten by an output.
  std::vector<std::string> dependencies;
  /// Option values that change output bytes ("paper=a4\n..."); part of every output's hash.
  std::string fingerprint;
  /// Tailors a copy of the parsed document for roles[role] (role is 0 and roles empty
  /// without --role). Called from worker threads at the same time: it may only read shared
  /// state and must not print: problems go to diags, and text for the user (--explain) to
  /// notes, which are printed with the input's diagnostics, in order. Returns false after
  /// adding an error.
  std::function<bool(model::Document&, std::size_t role, diag::Diagnostics&, std::string& notes)>
      tailor;
  /// Renders a tailored document to every format; bytes[i] stays nullopt for a format that
  /// failed (after adding an error). Null: each writer's own function with `options`.
  /// Called from worker threads at the same time.
  std::function<void(const model::Document&, const std::vector<const writer::WriterInfo*>&,
                     std::vector<std::optional<std::string>>& bytes, diag::Diagnostics&)>
      render;
  /// Keeps loaded resources (the style, profiles, font caches) alive for the build.
  std::vector<std::shared_ptr<const void>> owned;
};

/// Loads a BuildEnv. Called once, and again by --watch after a dependency changed. Returns
/// null after printing why, with exit_code set.
using LoadEnvFn = std::function<std::shared_ptr<const BuildEnv>(int& exit_code)>;

}  // namespace tailor::cli
