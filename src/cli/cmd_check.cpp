// tailor check FILE...: validate and print diagnostics.
#include <ostream>

#include "base/terminal_text.hpp"
#include "cli/input_files.hpp"
#include "cli/options.hpp"

namespace tailor::cli {

int cmd_check(Context& ctx) {
  po::options_description desc("check options");
  std::string from;
  desc.add_options()("quiet,q", "print nothing when the files are valid")(
      "from", po::value(&from),
      "input format when no extension or content says it: resume, json, rendercv, yamlresume or "
      "linkedin");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor check [OPTIONS] FILE...", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "check needs at least one FILE");
  const auto& files = vm["file"].as<std::vector<std::string>>();
  if (std::string bad = check_inputs(files, from); !bad.empty()) return usage_error(ctx, bad);
  diag::Diagnostics all;
  for (const std::string& path : files) {
    diag::Diagnostics diags;
    auto doc = load_input(path, from, ctx.sources, diags);
    ctx.report(diags);
    all.append(diags);
    if (doc && !vm.count("quiet")) {
      std::size_t warnings = diags.warning_count();
      // Under --strict a warning fails the file: it is not "ok".
      std::string line = input_display_name(path) + (ctx.strict && warnings ? ": failed" : ": ok");
      if (warnings && ctx.strict) {
        line += " (" + std::to_string(warnings) + " warnings, errors under --strict)";
      } else if (warnings) {
        line += " (" + std::to_string(warnings) + " warnings)";
      }
      print_text(ctx, base::terminal_safe(line, false) + "\n");
    }
  }
  return all.has_errors() ? input_failure_code(all) : 0;
}

}  // namespace tailor::cli
