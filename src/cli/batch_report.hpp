// The record of one batch: every input, its reference and its outputs with their status and
// hash. Written as the --summary JSON, as the --key-file CSV, and merged across shards by
// `tailor merge-summaries`. It holds no times or host names, so the same batch gives the same
// bytes, and merging the shards of a run gives the bytes of the run made whole.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tailor::cli::batch {

struct ReportOutput {
  std::string name;    ///< Relative to --out-dir; with -o, its path; "-" for standard output.
  std::string status;  ///< "built", "up-to-date", "failed", "not-built".
  std::string sha256;  ///< Of the bytes now in the file; empty unless built or up to date.
  friend bool operator==(const ReportOutput&, const ReportOutput&) = default;
};

struct ReportInput {
  std::string input;  ///< As named on the command line.
  std::string ref;    ///< Its candidate reference (transform/reference.hpp).
  bool failed = false;
  std::vector<ReportOutput> outputs;  ///< In plan order: role, then format.
  friend bool operator==(const ReportInput&, const ReportInput&) = default;
};

struct Report {
  std::vector<ReportInput> inputs;
  std::vector<std::string> pruned;   ///< Outputs --prune removed.
  std::vector<std::string> removed;  ///< Earlier outputs of inputs that now fail, removed.
  bool interrupted = false;          ///< Stopped by a signal, --fail-fast or a failed write.

  /// Sorts inputs by path and the name lists, so shards merge to the whole run's bytes.
  void normalise();
  /// Appends another shard's report (then normalise()).
  void merge(const Report& other);

  /// The --summary document: {"tailor_summary":1,"counts":{…},"inputs":[…],"pruned":[…],
  /// "removed":[…],"interrupted":…}, two-space indent, LF, keys in a fixed order.
  std::string to_json() const;
  /// Reads to_json()'s output back; nullopt with `error` set when it is not one.
  static std::optional<Report> from_json(const std::string& text, const std::string& path,
                                         std::string& error);
  /// The --key-file: "ref,input,output" and one row per output that stands (built or up to
  /// date), sorted byte-wise; RFC 4180 quoting.
  std::string key_csv() const;
};

/// RFC 4180: quoted when the field holds a comma, a quote, CR or LF; quotes doubled.
std::string csv_field(const std::string& s);

}  // namespace tailor::cli::batch
