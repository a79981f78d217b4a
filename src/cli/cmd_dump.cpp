// tailor dump FILE: the model as stable indented text (the golden format).
#include <ostream>

#include "cli/input_files.hpp"
#include "cli/options.hpp"
#include "writer/native/native.hpp"

namespace tailor::cli {

int cmd_dump(Context& ctx) {
  po::options_description desc("dump options");
  std::string from;
  desc.add_options()("from", po::value(&from),
                     "input format when no extension or content says it: resume, json, rendercv, "
                     "yamlresume or linkedin");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor dump [OPTIONS] FILE", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file") || vm["file"].as<std::vector<std::string>>().size() != 1) {
    return usage_error(ctx, "dump needs exactly one FILE");
  }
  const std::string& path = vm["file"].as<std::vector<std::string>>().front();
  if (std::string bad = check_inputs({path}, from); !bad.empty()) return usage_error(ctx, bad);
  diag::Diagnostics diags;
  auto doc = load_input(path, from, ctx.sources, diags);
  ctx.report(diags);
  if (!doc) return input_failure_code(diags);
  std::string text = writer::dump_native(*doc);
  if (stdout_is_terminal(ctx)) {
    print_text(ctx, text);
  } else {
    ctx.out << text;
  }
  return 0;
}

}  // namespace tailor::cli
