// `tailor match --job POSTING FILE...` with several resumes: each is scored on a pool of
// workers and the candidates are ranked, as a table, CSV or JSON.
#pragma once

#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "transform/job.hpp"
#include "transform/profile.hpp"

namespace tailor::cli {

struct RankRow {
  std::string input;  ///< As named.
  std::string ref;    ///< Stable candidate reference (transform/reference.hpp).
  bool ok = false;    ///< False: the resume could not be read or parsed (see diags).
  double score = 0;
  std::vector<std::string> matched, missing;  ///< Keywords, heaviest first.
  std::string nearest_role;                   ///< Empty when no role is near.
  diag::Diagnostics diags;
  int code = 0;
};

struct RankOptions {
  std::string from;
  unsigned jobs = 0;  ///< 0: one per core.
  bool anonymize = false;
};

/// Scores every file against the posting in parallel (thread-safe: the rules and the posting
/// are only read). Rows in input order.
std::vector<RankRow> score_resumes(Context& ctx, const std::vector<std::string>& files,
                                   const transform::Posting& posting,
                                   const transform::RuleSet& rules, const RankOptions& options);

/// Sorts by score, highest first; ties by candidate (reference under --anonymize, else path),
/// so the ranking is the same bytes on every run and machine. Failed rows are left out.
std::vector<const RankRow*> rank(const std::vector<RankRow>& rows, bool anonymize);

/// The three outputs. `candidate` is the path, or the reference under --anonymize (then no
/// path appears anywhere).
std::string render_rank_table(const std::vector<const RankRow*>& ranked, bool anonymize);
std::string render_rank_csv(const std::vector<const RankRow*>& ranked, bool anonymize);
std::string render_rank_json(const std::vector<const RankRow*>& ranked, bool anonymize);

}  // namespace tailor::cli
