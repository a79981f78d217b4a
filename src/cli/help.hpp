// Every command's help from one source: the options each command declares. --help, `tailor
// help COMMAND`, the man page and the shell completions are all rendered from it.
#pragma once

#include <boost/program_options.hpp>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace tailor::cli {

/// One option as help shows it.
struct OptionHelp {
  std::string short_name;       ///< "-o", or empty.
  std::string long_name;        ///< "--output".
  std::string metavar;          ///< "FILE"; empty for a switch.
  bool optional_value = false;  ///< --explain[=FORMAT].
  std::string default_value;    ///< "classic", or empty.
  std::string description;
};

/// What a command's --help says.
struct CommandHelp {
  const Command* command = nullptr;
  std::string usage;  ///< "tailor build [OPTIONS] FILE..."
  std::vector<OptionHelp> options;
};

/// Filled by parse_command_line instead of parsing when Context::describe is set: the
/// command declares its options and returns without doing anything else.
struct Description {
  std::string usage;
  std::vector<boost::shared_ptr<boost::program_options::option_description>> options;
};

/// Runs `c` in describe mode and collects its help.
CommandHelp describe(const Command& c);

/// Converts program_options' declarations. A value's metavariable is its value_name, else
/// the one its option name implies (--output FILE, --jobs N, --format LIST).
std::vector<OptionHelp> option_help(
    const std::vector<boost::shared_ptr<boost::program_options::option_description>>& options);

/// "-o, --output FILE" or "--explain[=FORMAT]".
std::string option_label(const OptionHelp& o);

/// A command's --help: usage, summary, options, the command's notes and examples.
void print_command_help(std::ostream& out, const CommandHelp& h);

/// The command named `name`, or null.
const Command* find_command(const std::string& name);

/// The command nearest a mistyped name ("buidl" -> "build"), or empty.
std::string suggest_command(const std::string& name);

}  // namespace tailor::cli
