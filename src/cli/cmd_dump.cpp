// tailor dump FILE: the model as stable indented text (the golden format).
#include <ostream>

#include "cli/options.hpp"
#include "reader/reader.hpp"
#include "writer/native/native.hpp"

namespace tailor::cli {

int cmd_dump(Context& ctx) {
  po::options_description desc("dump options");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor dump [OPTIONS] FILE", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file") || vm["file"].as<std::vector<std::string>>().size() != 1) {
    return usage_error(ctx, "dump needs exactly one FILE");
  }
  const std::string& path = vm["file"].as<std::vector<std::string>>().front();
  diag::Diagnostics diags;
  auto doc = reader::read_document(path, ctx.sources, diags);
  ctx.report(diags);
  if (!doc) return input_failure_code(diags);
  ctx.out << writer::dump_native(*doc);
  return 0;
}

}  // namespace tailor::cli
