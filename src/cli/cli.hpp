// Shared pieces of the command-line front end. Only cli/ prints and chooses exit codes.
#pragma once

#include <atomic>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/exit_code.hpp"
#include "model/source_manager.hpp"

namespace tailor::writer {
struct WriterInfo;
}  // namespace tailor::writer

namespace tailor::transform {
struct Posting;
struct Profile;
}  // namespace tailor::transform

namespace tailor::cli {

struct BuildRequest;
struct Description;
struct RoleTargets;

/// What every command gets: its arguments, the streams and the source registry.
struct Context {
  std::vector<std::string> args;  ///< Arguments after the command name.
  std::ostream& out;
  std::ostream& err;
  model::SourceManager sources;
  diag::Format diag_format = diag::Format::Human;
  bool strict = false;  ///< --strict: warnings are errors.
  /// Warnings rendered so far (any thread); under --strict they make the exit code 1.
  std::atomic<std::size_t> warnings{0};
  /// `err` passes every byte through the terminal sanitiser; err_raw is the stream beneath,
  /// for the progress bar's own escape sequences only.
  std::ostream* err_raw = nullptr;
  /// out and err are the process's standard output and error (not test streams), so isatty
  /// on file descriptors 1 and 2 describes them.
  bool stdio = false;
  /// The command's name ("build"), for its help.
  std::string command;
  /// Set by describe() (help.hpp): parse_command_line records the options and returns 0, so
  /// the command declares its options and does nothing else.
  Description* describe = nullptr;

  Context(std::vector<std::string> a, std::ostream& o, std::ostream& e)
      : args(std::move(a)), out(o), err(e) {}
  /// Prints diagnostics to err, in the chosen format.
  void report(const diag::Diagnostics& diags);
  /// The one diagnostic renderer of the front end: counts the warnings, promotes them under
  /// --strict, and renders in the chosen format. Thread-safe.
  std::string render(const diag::Diagnostics& diags);
};

using CommandFn = int (*)(Context& ctx);

struct Command {
  const char* name;
  const char* summary;  ///< One line for `tailor --help`.
  CommandFn run;
};

/// The command table; see app.cpp.
const std::vector<Command>& commands();

/// Entry point used by main() (stdio true) and by the CLI tests. Flushes `out` at the end: a
/// failed write to it is an I/O error (exit 3) that names the destination.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        bool stdio = false);

/// True when standard output is a terminal (never for test streams).
bool stdout_is_terminal(const Context& ctx);

/// PDF and DOCX: formats that are bytes, not text, and never go to a terminal.
bool is_binary_format(const writer::WriterInfo& w);

/// Text for a person on standard output (a report, a listing): sanitised for the terminal.
void print_text(Context& ctx, std::string_view text);

int cmd_check(Context& ctx);
int cmd_build(Context& ctx);
int cmd_dump(Context& ctx);
int cmd_convert(Context& ctx);
int cmd_roles(Context& ctx);
int cmd_styles(Context& ctx);
int cmd_match(Context& ctx);
int cmd_merge_summaries(Context& ctx);
int cmd_completion(Context& ctx);

/// `build --job FILE` (cmd_match.cpp): checks the options, loads the roles, reads the posting.
/// Returns -1 to go on, else an exit code.
int prepare_job(Context& ctx, const BuildRequest& req, RoleTargets& targets,
                std::optional<transform::Posting>& posting);
/// The posting's profile derived for one resume. With --explain the derivation is appended to
/// notes. Thread-safe: reads shared state only.
transform::Profile job_profile(const BuildRequest& req, const RoleTargets& targets,
                               const transform::Posting& posting, const model::Document& doc,
                               const model::SourceManager& sources, std::string& notes);

/// Exit code after a reader failed: 3 when a file could not be read at all, else 1.
int input_failure_code(const diag::Diagnostics& diags);

/// "tailor: error: MESSAGE" to err; returns the usage exit code (2).
int usage_error(Context& ctx, const std::string& message);

inline int code(diag::ExitCode c) { return static_cast<int>(c); }

}  // namespace tailor::cli
