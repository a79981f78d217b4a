#include "cli/diagnostic_options.hpp"

namespace tailor::cli {

namespace po = boost::program_options;

void add_diagnostic_options(po::options_description& desc) {
  desc.add_options()(
      "diagnostic-format", po::value<std::string>()->default_value("human"),
      "human (source line and caret), short (first line only), json (one object per line) "
      "or github (GitHub Actions annotations)")(
      "strict", po::bool_switch(), "treat warnings as errors: any warning makes the exit code 1");
}

int apply_diagnostic_options(Context& ctx, const po::variables_map& vm) {
  const std::string& f = vm["diagnostic-format"].as<std::string>();
  std::optional<diag::Format> format = diag::parse_format(f);
  if (!format) {
    return usage_error(ctx,
                       "--diagnostic-format must be human, short, json or github, not '" + f + "'");
  }
  ctx.diag_format = *format;
  ctx.strict = vm.count("strict") && vm["strict"].as<bool>();
  return -1;
}

diag::Diagnostics strict_copy(const diag::Diagnostics& diags) {
  diag::Diagnostics out;
  for (diag::Diagnostic d : diags.items()) {
    if (d.severity == diag::Severity::Warning) {
      d.severity = diag::Severity::Error;
      d.hints.push_back("--strict makes this warning an error");
    }
    out.add(std::move(d));
  }
  return out;
}

}  // namespace tailor::cli
