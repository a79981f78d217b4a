// Stable process exit codes; documented in docs/exit-codes.md. Never renumber.
#pragma once

namespace tailor::diag {

enum class ExitCode : int {
  Ok = 0,
  InputError = 1,     ///< A resume, rule, style or posting file is malformed or invalid.
  UsageError = 2,     ///< Bad command line.
  IoError = 3,        ///< A file could not be read or written.
  RenderError = 4,    ///< The document cannot be rendered as asked (e.g. --max-pages too small).
  BelowMinScore = 5,  ///< `tailor match --min-score N` and the score is below N.
  Internal = 70,      ///< A bug in Tailor (EX_SOFTWARE).
  Interrupted = 130,  ///< SIGINT (Ctrl-C) stopped a build or --watch: 128 + 2.
  Terminated = 143,   ///< SIGTERM stopped a build or --watch: 128 + 15.
};

}  // namespace tailor::diag
