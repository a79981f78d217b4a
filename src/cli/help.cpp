#include "cli/help.hpp"

#include <map>
#include <ostream>
#include <sstream>

#include "base/suggest.hpp"
#include "cli/help_examples.hpp"

namespace tailor::cli {

namespace po = boost::program_options;

namespace {

/// The metavariable an option's name implies when its declaration names none.
std::string implied_metavar(const std::string& long_name) {
  static const std::map<std::string, std::string> kByName = {
      {"output", "FILE"},    {"out-dir", "DIR"},
      {"format", "LIST"},    {"style", "NAME"},
      {"paper", "SIZE"},     {"lang", "TAG"},
      {"max-pages", "N"},    {"job", "FILE"},
      {"name", "TEMPLATE"},  {"jobs", "N"},
      {"ref", "TEMPLATE"},   {"from", "FORMAT"},
      {"role", "LIST"},      {"rules", "FILE"},
      {"explain", "FORMAT"}, {"max-skills", "N"},
      {"max-bullets", "N"},  {"to", "FORMAT"},
      {"min-score", "N"},    {"diagnostic-format", "FORMAT"},
      {"summary", "FILE"},   {"key-file", "FILE"},
      {"shard", "K/N"},
  };
  auto it = kByName.find(long_name);
  return it == kByName.end() ? "VALUE" : it->second;
}

/// Word-wraps `text` to `width` columns, every line after the first indented by `indent`.
std::string wrap(const std::string& text, std::size_t first_col, std::size_t indent,
                 std::size_t width = 79) {
  std::istringstream words(text);
  std::string word, out;
  std::size_t col = first_col;
  bool line_start = true;
  while (words >> word) {
    if (!line_start && col + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
      line_start = true;
    }
    if (!line_start) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    line_start = false;
  }
  return out;
}

}  // namespace

std::vector<OptionHelp> option_help(
    const std::vector<boost::shared_ptr<po::option_description>>& options) {
  std::vector<OptionHelp> out;
  for (const auto& o : options) {
    OptionHelp h;
    std::string shown = o->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (shown.size() == 2 && shown[0] == '-') h.short_name = shown;
    h.long_name = o->long_name().empty() ? "" : "--" + o->long_name();
    h.description = o->description();
    const po::value_semantic& v = *o->semantic();
    if (v.max_tokens() > 0) {
      // program_options names a value "arg", "arg (=DEFAULT)" or "[=arg(=IMPLICIT)] (=DEFAULT)".
      std::string name = v.name();
      if (name.rfind("[=", 0) == 0) {
        h.optional_value = true;
        name = name.substr(2);
      }
      std::size_t end = name.find_first_of(" (]");
      std::string var = name.substr(0, end);
      h.metavar = var == po::arg ? implied_metavar(o->long_name()) : var;
      std::size_t def = name.rfind(" (=");
      if (def != std::string::npos && name.back() == ')') {
        h.default_value = name.substr(def + 3, name.size() - def - 4);
      }
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::string option_label(const OptionHelp& o) {
  std::string label = o.short_name;
  if (!o.long_name.empty()) label += (label.empty() ? "" : ", ") + o.long_name;
  if (!o.metavar.empty()) {
    label += o.optional_value ? "[=" + o.metavar + "]" : " " + o.metavar;
  }
  return label;
}

CommandHelp describe(const Command& c) {
  std::ostringstream sink;
  Context ctx({}, sink, sink);
  Description d;
  ctx.describe = &d;
  ctx.command = c.name;
  c.run(ctx);
  CommandHelp h;
  h.command = &c;
  h.usage = d.usage;
  h.options = option_help(d.options);
  return h;
}

void print_command_help(std::ostream& out, const CommandHelp& h) {
  out << "Usage: " << h.usage << "\n\n";
  std::string summary = h.command->summary;
  if (!summary.empty()) summary[0] = static_cast<char>(std::toupper(summary[0]));
  out << wrap(summary + ".", 0, 0) << "\n\nOptions:\n";
  constexpr std::size_t kColumn = 28;
  for (const OptionHelp& o : h.options) {
    std::string label = std::string(o.short_name.empty() ? "      " : "  ") + option_label(o);
    std::string text = o.description;
    if (!o.default_value.empty()) text += " (default: " + o.default_value + ")";
    if (label.size() + 2 > kColumn) {
      out << label << "\n" << std::string(kColumn, ' ');
    } else {
      out << label << std::string(kColumn - label.size(), ' ');
    }
    out << wrap(text, kColumn, kColumn) << "\n";
  }
  if (std::string n = notes(h.command->name); !n.empty()) out << "\n" << n;
  const std::vector<Example>& ex = examples(h.command->name);
  if (!ex.empty()) {
    out << "\nExamples:\n";
    for (const Example& e : ex) out << "  # " << e.meaning << "\n  " << e.command << "\n";
  }
}

const Command* find_command(const std::string& name) {
  for (const Command& c : commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

std::string suggest_command(const std::string& name) {
  std::vector<std::string> names{"help"};
  for (const Command& c : commands()) names.emplace_back(c.name);
  return base::closest(name, names, name.size() <= 3 ? 1 : 2);
}

}  // namespace tailor::cli
