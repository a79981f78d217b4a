// tailor convert IN -o OUT: .resume <-> JSON Resume, chosen by OUT's extension.
#include <ostream>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "cli/batch_io.hpp"
#include "cli/input_files.hpp"
#include "cli/options.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

int cmd_convert(Context& ctx) {
  po::options_description desc("convert options");
  std::string output, format, from;
  desc.add_options()("output,o", po::value(&output),
                     "output file (.resume or .json); - for stdout")(
      "to,t", po::value(&format), "output format when writing to stdout: resume or json")(
      "from", po::value(&from),
      "input format when no extension or content says it: resume, json, rendercv, yamlresume or "
      "linkedin");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor convert [OPTIONS] FILE -o OUT", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file") || vm["file"].as<std::vector<std::string>>().size() != 1) {
    return usage_error(ctx, "convert needs exactly one FILE");
  }
  const std::string& input = vm["file"].as<std::vector<std::string>>().front();
  if (std::string bad = check_inputs({input}, from); !bad.empty()) return usage_error(ctx, bad);
  if (output == "-") output.clear();
  const writer::WriterInfo* w = nullptr;
  if (!format.empty()) {
    w = writer::find_writer(format);
  } else if (!output.empty()) {
    w = writer::writer_for_path(output);
  }
  if (!w || (std::string(w->name) != "resume" && std::string(w->name) != "json")) {
    return usage_error(ctx, "convert writes .resume or .json; use -o FILE.resume|FILE.json or -t");
  }
  if (!format.empty() && !output.empty()) {
    const writer::WriterInfo* by_ext = writer::writer_for_path(output);
    if (by_ext && by_ext != w) {
      return usage_error(ctx, "-o " + output + " names a " + by_ext->name +
                                  " file, but --to asks for " + w->name +
                                  "; make them agree, or leave --to out");
    }
  }
  if (!output.empty() && !is_stdin(input) && base::same_file(output, input)) {
    return usage_error(ctx, "refusing to overwrite the input file '" + input + "'");
  }
  std::string target_err;
  if (!output.empty() && !base::check_output_target(output, target_err)) {
    ctx.err << output << ": error: " << target_err << "\n";
    return code(diag::ExitCode::IoError);
  }
  batch::InterruptGuard guard;  // a signal never leaves the temporary file behind
  diag::Diagnostics diags;
  auto doc = load_input(input, from, ctx.sources, diags);
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
    if (stdout_is_terminal(ctx)) {
      print_text(ctx, bytes);
    } else {
      ctx.out << bytes;
    }
    return 0;
  }
  if (int sig = batch::interrupt_signal(); sig != 0) return batch::signal_exit_code(sig);
  std::string err;
  if (!batch::write_output_atomic(output, bytes, err)) {
    ctx.err << output << ": error: cannot write output: " << err << "\n";
    return code(diag::ExitCode::IoError);
  }
  return 0;
}

}  // namespace tailor::cli
