// Command dispatch, global --help and --version, and the last-resort error handler.
#include <boost/program_options.hpp>
#include <exception>
#include <ostream>

#include <unistd.h>

#include <cstring>

#include "base/terminal_text.hpp"
#include "cli/cli.hpp"
#include "cli/diagnostic_options.hpp"
#include "cli/fd_stream.hpp"
#include "cli/help.hpp"
#include "cli/man_page.hpp"
#include "cli/terminal_stream.hpp"
#include "locale/catalog.hpp"
#include "version.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

namespace po = boost::program_options;

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"build", "render resumes to text, PDF or DOCX, optionally tailored to a role", &cmd_build},
      {"check", "validate resume files and print diagnostics", &cmd_check},
      {"dump", "print the document model as indented text", &cmd_dump},
      {"convert", "convert between .resume markup and JSON Resume", &cmd_convert},
      {"roles", "list the role profiles, or show one: tailor roles NAME", &cmd_roles},
      {"styles", "list the styles, or show one's keys: tailor styles NAME", &cmd_styles},
      {"match", "score resumes against a job posting: tailor match --job FILE RESUME...",
       &cmd_match},
      {"merge-summaries", "merge the --summary files of a sharded build into one",
       &cmd_merge_summaries},
      {"completion", "print a shell completion script: tailor completion bash|zsh|fish",
       &cmd_completion},
  };
  return kCommands;
}

void Context::report(const diag::Diagnostics& diags) { err << render(diags); }

std::string Context::render(const diag::Diagnostics& diags) {
  warnings += diags.warning_count();
  if (strict && diags.warning_count() > 0) {
    return diag::render_all(strict_copy(diags), sources, diag_format);
  }
  return diag::render_all(diags, sources, diag_format);
}

int usage_error(Context& ctx, const std::string& message) {
  std::string help = ctx.command.empty() ? "tailor --help" : "tailor " + ctx.command + " --help";
  ctx.err << "tailor: error: " << message << "\n"
          << "Try '" << help << "' for more information.\n";
  return code(diag::ExitCode::UsageError);
}

int input_failure_code(const diag::Diagnostics& diags) {
  for (const diag::Diagnostic& d : diags.items()) {
    if (d.severity == diag::Severity::Error && d.span.file_id == 0 && !d.path.empty()) {
      return code(diag::ExitCode::IoError);
    }
  }
  return code(diag::ExitCode::InputError);
}

static void print_help(std::ostream& out) {
  out << "Usage: tailor COMMAND [OPTIONS] FILE...\n\n"
         "Turns one master resume into resumes tailored to a role or a job posting.\n\n"
         "Commands:\n";
  for (const Command& c : commands()) {
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary
        << "\n";
  }
  out << "\nRun 'tailor help COMMAND' or 'tailor COMMAND --help' for a command's options and\n"
         "examples. 'man tailor' has them all.\n\n"
         "Options:\n"
         "  -h, --help        show this help\n"
         "  -V, --version     print the version\n"
         "\nExit codes: 0 ok, 1 input error, 2 usage error, 3 I/O error, 4 render error,\n"
         "5 match score below --min-score. See docs/exit-codes.md.\n";
}

/// "unknown command 'buidl'; did you mean 'build'?" (exit 2).
static int unknown_command(Context& ctx, const std::string& name) {
  std::string near = suggest_command(name);
  return usage_error(ctx, "unknown command '" + name + "'" +
                              (near.empty() ? "" : "; did you mean '" + near + "'?"));
}

bool stdout_is_terminal(const Context& ctx) { return ctx.stdio && ::isatty(STDOUT_FILENO) == 1; }

void print_text(Context& ctx, std::string_view text) { ctx.out << base::terminal_safe(text); }

bool is_binary_format(const writer::WriterInfo& w) {
  std::string_view name = w.name;
  return name == "pdf" || name == "docx";
}

namespace {

/// Flushes standard output and turns a failed write into exit 3, naming where it went.
int check_output(Context& ctx, int rc) {
  ctx.out.flush();
  if (ctx.out.good()) return rc;
  std::string dest = "standard output", why = "the write failed";
  if (const auto* fb = dynamic_cast<const FdStreambuf*>(ctx.out.rdbuf())) {
    dest = describe_destination(fb->fd());
    if (fb->error() != 0) why = std::strerror(fb->error());
  }
  ctx.err << "tailor: error: cannot write to " << dest << ": " << why << "\n" << std::flush;
  // A signal's code (128 + n) says more; otherwise the failed write decides.
  return rc >= 128 ? rc : code(diag::ExitCode::IoError);
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& raw_err, bool stdio) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // Everything Tailor says on stderr goes through the one terminal sanitiser.
  TerminalSafeStreambuf safe_buf(raw_err.rdbuf());
  std::ostream err(&safe_buf);
  Context probe({}, out, err);
  if (args.empty()) {
    print_help(err);
    return code(diag::ExitCode::UsageError);
  }
  const std::string first = args.front();
  probe.stdio = stdio;
  if (first == "help" && args.size() > 1) {
    // tailor help COMMAND: that command's --help.
    if (!find_command(args[1])) return unknown_command(probe, args[1]);
    args = {args[1], "--help"};
  } else if (first == "--help" || first == "-h" || first == "help") {
    print_help(out);
    return check_output(probe, 0);
  }
  if (first == "--version" || first == "-V") {
    out << "tailor " << kVersion << "\n";
    return check_output(probe, 0);
  }
  if (first == "--help-man") {  // hidden: the build generates tailor.1 with it
    out << man_page();
    return check_output(probe, 0);
  }
  for (const Command& c : commands()) {
    if (args.front() != c.name) continue;
    Context ctx(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    ctx.command = c.name;
    ctx.err_raw = &raw_err;
    ctx.stdio = stdio;
    try {
      int rc = c.run(ctx);
      // A malformed templates/locales/ file is left out of the catalog; say so once, located.
      if (locale::Catalog::loaded() && !locale::Catalog::instance().diagnostics().empty()) {
        err << diag::render_all(locale::Catalog::instance().diagnostics(),
                                locale::Catalog::instance().sources(), ctx.diag_format);
        if (rc == 0) rc = code(diag::ExitCode::InputError);
      }
      // --strict: a warning fails the run like an error in the input.
      if (ctx.strict && ctx.warnings.load() > 0 && rc == 0) {
        rc = code(diag::ExitCode::InputError);
      }
      return check_output(ctx, rc);
    } catch (const po::error& e) {
      return usage_error(ctx, e.what());
    } catch (const std::exception& e) {
      err << "tailor: internal error: " << e.what() << "\n";
      return code(diag::ExitCode::Internal);
    }
  }
  return unknown_command(probe, first);
}

}  // namespace tailor::cli
