// `tailor build` for one or many inputs: planning, a thread pool, progress, --if-changed,
// --watch, --anonymize. cmd_build.cpp parses options and loads shared state; this runs it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/build_request.hpp"
#include "cli/cli.hpp"
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

/// Runs a build as requested and returns the exit code: the highest code among the
/// failures, or 130 / 143 after SIGINT / SIGTERM. Diagnostics are printed per input in
/// command-line order, whatever order the workers finish in. `terminal`: draw a progress
/// bar on ctx.err rather than plain lines.
int run_build(Context& ctx, const BuildRequest& req, const LoadEnvFn& load_env, bool terminal);

/// The files a style makes outputs depend on: the style file, its logo, and the font files
/// fontconfig resolves its body and heading families to (regular, bold, italic, bold italic),
/// which the PDF writer embeds (with_fonts: only builds that lay out a PDF depend on them).
/// For --if-changed, --watch and the overwrite check.
std::vector<std::string> style_dependencies(const style::Style& style, bool with_fonts);

/// The part of a build request that changes output bytes, as stable text for the manifest.
std::string request_fingerprint(const BuildRequest& req);

/// "built 120 outputs from 30 inputs in 2.1 s (57/s); 1 input failed: broken.resume".
struct BuildSummary {
  std::size_t built = 0, up_to_date = 0, failed_outputs = 0, not_built = 0;
  std::size_t inputs_built = 0;
  std::vector<std::string> failed_inputs;
  double seconds = 0;
  bool fail_fast_stop = false;
  int signal = 0;
};
std::string format_summary(const BuildSummary& s);

}  // namespace tailor::cli
