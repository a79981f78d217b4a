#include "support/roles_folder.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace tailor::test {

using transform::load_rules_file;
using transform::RuleSet;

bool load_rules_dir(const std::string& dir, model::SourceManager& sources, RuleSet& rules,
                    diag::Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  // Show paths relative to the working directory when the folder lies below it, so
  // --explain cites "templates/roles/x.rules:12" rather than an absolute path.
  fs::path shown = dir;
  std::error_code rel_ec;
  fs::path rel = fs::relative(dir, fs::current_path(rel_ec), rel_ec);
  if (!rel_ec && !rel.empty() && *rel.begin() != "..") shown = rel;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".rules") {
      files.push_back((shown / e.path().filename()).string());
    }
  }
  if (ec) {
    diag::Diagnostic d;
    d.path = dir;
    d.message = "cannot read the roles folder: " + ec.message();
    diags.add(std::move(d));
    return false;
  }
  std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    bool la = fs::path(a).stem() == "lexicon", lb = fs::path(b).stem() == "lexicon";
    return la != lb ? la : a < b;
  });
  bool ok = true;
  for (const std::string& f : files) ok = load_rules_file(f, sources, rules, diags) && ok;
  return ok;
}

}  // namespace tailor::test
