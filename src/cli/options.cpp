#include "cli/options.hpp"

#include <ostream>

#include "base/suggest.hpp"
#include "cli/diagnostic_options.hpp"
#include "cli/help.hpp"

namespace tailor::cli {

int parse_command_line(Context& ctx, const char* usage, po::options_description& desc,
                       po::variables_map& vm, const char* positional_name) {
  desc.add_options()("help,h", "show this help");
  add_diagnostic_options(desc);
  if (ctx.describe) {
    ctx.describe->usage = usage;
    ctx.describe->options = desc.options();
    return 0;
  }
  po::options_description hidden;
  hidden.add_options()(positional_name, po::value<std::vector<std::string>>(), "input files");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add(positional_name, -1);
  try {
    po::store(po::command_line_parser(ctx.args).options(all).positional(pos).run(), vm);
  } catch (const po::unknown_option& e) {
    std::vector<std::string> names;
    for (const auto& o : desc.options()) names.push_back("--" + o->long_name());
    std::string near = base::closest(e.get_option_name(), names, 2);
    return usage_error(
        ctx, std::string(e.what()) + (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }
  po::notify(vm);
  if (vm.count("help")) {
    const Command* c = find_command(ctx.command);
    if (c) print_command_help(ctx.out, CommandHelp{c, usage, option_help(desc.options())});
    return 0;
  }
  return apply_diagnostic_options(ctx, vm);
}

}  // namespace tailor::cli
