#include "cli/options.hpp"

#include <ostream>

#include "cli/diagnostic_options.hpp"

namespace tailor::cli {

int parse_command_line(Context& ctx, const char* usage, po::options_description& desc,
                       po::variables_map& vm, const char* positional_name) {
  desc.add_options()("help,h", "show this help");
  add_diagnostic_options(desc);
  po::options_description hidden;
  hidden.add_options()(positional_name, po::value<std::vector<std::string>>(), "input files");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add(positional_name, -1);
  po::store(po::command_line_parser(ctx.args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    ctx.out << "Usage: " << usage << "\n\n" << desc << "\n";
    return 0;
  }
  return apply_diagnostic_options(ctx, vm);
}

}  // namespace tailor::cli
