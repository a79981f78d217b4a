// tailor merge-summaries: the --summary files of a sharded run made one, as if one worker had
// run it; with --key-file, the merged key file too.
#include <ostream>

#include "base/files.hpp"
#include "cli/batch_io.hpp"
#include "cli/batch_report.hpp"
#include "cli/options.hpp"

namespace tailor::cli {

int cmd_merge_summaries(Context& ctx) {
  po::options_description desc("merge-summaries options");
  std::string output, key_file;
  desc.add_options()("output,o", po::value(&output),
                     "write the merged summary to FILE (atomically); default: standard output")(
      "key-file", po::value(&key_file),
      "also write the merged key file (ref,input,output CSV) to FILE");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor merge-summaries [OPTIONS] SUMMARY...", desc, vm);
      rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "merge-summaries needs the shards' SUMMARY files");
  batch::Report merged;
  for (const std::string& path : vm["file"].as<std::vector<std::string>>()) {
    std::string err;
    std::optional<std::string> text = base::read_file(path, err);
    if (!text) {
      ctx.err << "tailor: error: cannot read " << path << ": " << err << "\n";
      return code(diag::ExitCode::IoError);
    }
    std::optional<batch::Report> one = batch::Report::from_json(*text, path, err);
    if (!one) {
      ctx.err << "tailor: error: " << err << "\n";
      return code(diag::ExitCode::InputError);
    }
    merged.merge(*one);
  }
  for (const auto& [file, text] :
       {std::pair{output, merged.to_json()}, std::pair{key_file, merged.key_csv()}}) {
    if (file.empty()) continue;
    std::string err;
    if (!batch::write_output_atomic(file, text, err)) {
      ctx.err << "tailor: error: cannot write " << file << ": " << err << "\n";
      return code(diag::ExitCode::IoError);
    }
  }
  if (output.empty()) ctx.out << merged.to_json();
  return 0;
}

}  // namespace tailor::cli
