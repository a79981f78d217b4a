// What `tailor build` was asked to do, parsed from the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tailor::cli {

struct BuildRequest {
  std::vector<std::string> inputs;
  std::string output;                ///< -o: one output file (one input, role, format).
  std::string out_dir;               ///< --out-dir: many outputs.
  std::vector<std::string> formats;  ///< --format a,b; empty: from -o's extension.
  std::string name_template;         ///< --name '{stem}-{role}.{ext}'.
  std::string style = "classic";     ///< --style NAME|FILE.
  std::string paper;                 ///< --paper a4|letter; empty: the style's.
  std::string lang;                  ///< --lang TAG: the output language; empty: the resume's.
  int max_pages = 0;
  std::vector<std::string> roles;  ///< --role A,B (built-in names).
  std::string rules_file;          ///< --rules FILE.
  std::string job_file;            ///< --job FILE.
  bool explain = false;
  std::string explain_format;  ///< --explain[=text|json]; empty without --explain.
  int max_skills = 0;
  int max_bullets = 0;
  bool keep_order = false;
  bool anonymize = false;
  std::string ref;
  int jobs = 0;  ///< 0: number of cores.
  bool if_changed = false;
  bool watch = false;
  bool fail_fast = false;
  std::string from;    ///< --from resume|json: the input format when no extension says it.
  bool force = false;  ///< --force: replace a source file (.resume, .json) Tailor did not write.
  bool to_stdout = false;  ///< No -o and no --out-dir, or -o -: the one output goes to stdout.
  // CI and scale (batch_options.cpp).
  bool prune = false;        ///< --prune: remove the manifest's outputs this plan no longer makes.
  bool dry_run = false;      ///< --dry-run: print the plan, write nothing.
  std::string summary_file;  ///< --summary FILE: the batch as JSON (batch_report.hpp).
  std::string key_file;      ///< --key-file FILE: reference -> input and outputs, as CSV.
  std::string shard;         ///< --shard K/N as given; empty: every input.
  unsigned shard_index = 0, shard_count = 1;
};

}  // namespace tailor::cli
