// tailor styles [NAME|FILE]: lists the built-in styles, or shows one style's resolved keys.
#include <ostream>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "style/describe.hpp"
#include "style/load.hpp"

namespace tailor::cli {

int cmd_styles(Context& ctx) {
  po::options_description desc("styles options");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor styles [NAME|FILE]", desc, vm, "name"); rc >= 0) {
    return rc;
  }
  std::vector<std::string> names;
  if (vm.count("name")) names = vm["name"].as<std::vector<std::string>>();
  bool listing = names.empty();
  if (listing) names = style::builtin_style_names();
  diag::Diagnostics diags;
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::optional<style::Style> s = style::load_style(names[i], ctx.sources, diags);
    if (!s) continue;
    if (listing) {
      text += s->name + std::string(s->name.size() < 14 ? 14 - s->name.size() : 1, ' ') +
              s->description + "\n";
    } else {
      if (i) text += "\n";
      text += "% " + s->source_path + "\n" + style::describe_style(*s);
    }
  }
  print_text(ctx, text);
  ctx.report(diags);
  if (diags.has_errors()) return input_failure_code(diags);
  return 0;
}

}  // namespace tailor::cli
