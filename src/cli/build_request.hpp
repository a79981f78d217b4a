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
};

}  // namespace tailor::cli
