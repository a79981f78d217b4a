// tailor convert IN -o OUT: .resume <-> JSON Resume, chosen by OUT's extension.
#include <ostream>

#include "base/files.hpp"
#include "cli/options.hpp"
#include "reader/reader.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

int cmd_convert(Context& ctx) {
  po::options_description desc("convert options");
  std::string output, format;
  desc.add_options()("output,o", po::value(&output), "output file (.resume or .json)")(
      "to,t", po::value(&format), "output format when writing to stdout: resume or json");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor convert [OPTIONS] FILE -o OUT", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file") || vm["file"].as<std::vector<std::string>>().size() != 1) {
    return usage_error(ctx, "convert needs exactly one FILE");
  }
  const std::string& input = vm["file"].as<std::vector<std::string>>().front();
  const writer::WriterInfo* w = nullptr;
  if (!format.empty()) {
    w = writer::find_writer(format);
  } else if (!output.empty()) {
    w = writer::writer_for_path(output);
  }
  if (!w || (std::string(w->name) != "resume" && std::string(w->name) != "json")) {
    return usage_error(ctx, "convert writes .resume or .json; use -o FILE.resume|FILE.json or -t");
  }
  if (!output.empty() && base::same_file(output, input)) {
    return usage_error(ctx, "refusing to overwrite the input file '" + input + "'");
  }
  diag::Diagnostics diags;
  auto doc = reader::read_document(input, ctx.sources, diags);
  if (!doc) {
    ctx.report(diags);
    return input_failure_code(diags);
  }
  style::Style style;
  writer::RenderOptions options;
  options.style = &style;
  std::string bytes;
  bool ok = w->write(*doc, options, bytes, diags);
  ctx.report(diags);
  if (!ok) return code(diag::ExitCode::RenderError);
  if (output.empty()) {
    ctx.out << bytes;
    return 0;
  }
  std::string err;
  if (!base::write_file_atomic(output, bytes, err)) {
    ctx.err << output << ": error: cannot write output: " << err << "\n";
    return code(diag::ExitCode::IoError);
  }
  return 0;
}

}  // namespace tailor::cli
