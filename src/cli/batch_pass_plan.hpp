// The first half of a build pass, before anything is built: read every input once, plan
// every output, hash what produces each and find what is up to date; and --dry-run's listing
// of that plan. batch_pass builds what it leaves pending.
#pragma once

#include <cstddef>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/batch_manifest.hpp"
#include "cli/batch_plan.hpp"
#include "cli/build_env.hpp"
#include "cli/build_request.hpp"
#include "cli/cli.hpp"
#include "diag/diagnostic.hpp"
#include "model/document.hpp"

namespace tailor::cli::batch {

enum class Status { Pending, UpToDate, Built, Failed, NotBuilt };

struct OutputState {
  Status status = Status::Pending;
  std::string key;  ///< Manifest hash of everything that produces this output.
  std::string sha;  ///< SHA-256 of the bytes written (built) or found (up to date).
  std::optional<std::string> stdout_bytes;
};

struct InputState {
  std::string path;                  ///< As named on the command line ("-": stdin).
  std::optional<std::string> bytes;  ///< Read once in step 1; freed once parsed.
  std::string digest;                ///< SHA-256 of the bytes; empty when unreadable.
  std::string ref;                   ///< Candidate reference (transform/reference.hpp).
  std::string source;                ///< batch::source_id() of the path.
  bool parsed = false;               ///< Parsed before planning (doc and read_diags set).
  std::vector<std::size_t> outputs;  ///< Plan indices, in plan order.
  diag::Diagnostics read_diags;
  std::vector<diag::Diagnostics> role_diags;
  std::vector<std::string> role_notes;  ///< --explain text per role.
  std::optional<model::Document> doc;
  std::size_t roles_left = 0;
  std::size_t copies_left = 0;  ///< Role tasks yet to take the model; the last one moves it.
  bool complete = false;
  int code = 0;  ///< Worst exit code of this input's failures.
};

/// A pass's plan: its inputs, read (and parsed when references are needed), and its outputs,
/// each Pending (to build), UpToDate (skipped by --if-changed) or Failed (unreadable input).
struct PassPlan {
  std::vector<std::string> roles;  ///< {""} without --role.
  std::vector<InputState> ins;
  std::vector<OutputState> outs;  ///< Parallel to plan.outputs.
  Plan plan;
  std::size_t to_build = 0;        ///< Outputs not up to date.
  std::set<std::string> dirs;      ///< Folders the outputs to build go into.
  std::vector<std::string> prune;  ///< With --prune: the manifest entries to remove.
};

/// Reads every input, plans every output and checks that each may be written. Returns 0, or
/// the exit code after printing why not (a usage error in the plan, an output that may not be
/// replaced). `jobs`: workers for parsing inputs before planning (references).
int plan_pass(Context& ctx, const BuildRequest& req, const BuildEnv& env, const Manifest& manifest,
              bool if_changed, unsigned jobs, PassPlan& out);

/// --dry-run: what the pass would build, skip, fail and prune, on standard output; the
/// diagnostics of inputs that cannot be read or parsed on the error stream. Returns the
/// exit code.
int print_plan(Context& ctx, const BuildRequest& req, const PassPlan& pass);

/// The input as the log names it: its reference under --anonymize, else its path.
std::string log_name(const BuildRequest& req, const InputState& in);

/// A bug (an exception from a stage) reported against the input, so the batch goes on.
void internal_error(diag::Diagnostics& diags, const std::string& path, const std::exception& e);

inline int worst(int a, int b) { return a > b ? a : b; }

}  // namespace tailor::cli::batch
