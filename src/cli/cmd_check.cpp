// tailor check FILE...: validate and print diagnostics.
#include <ostream>

#include "cli/options.hpp"
#include "reader/reader.hpp"

namespace tailor::cli {

int cmd_check(Context& ctx) {
  po::options_description desc("check options");
  desc.add_options()("quiet,q", "print nothing when the files are valid");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor check [OPTIONS] FILE...", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "check needs at least one FILE");
  diag::Diagnostics all;
  for (const std::string& path : vm["file"].as<std::vector<std::string>>()) {
    diag::Diagnostics diags;
    auto doc = reader::read_document(path, ctx.sources, diags);
    ctx.report(diags);
    all.append(diags);
    if (doc && !vm.count("quiet")) {
      ctx.out << path << ": ok";
      if (diags.warning_count()) ctx.out << " (" << diags.warning_count() << " warnings)";
      ctx.out << "\n";
    }
  }
  return all.has_errors() ? input_failure_code(all) : 0;
}

}  // namespace tailor::cli
