// Command dispatch, global --help and --version, and the last-resort error handler.
#include <boost/program_options.hpp>
#include <exception>
#include <ostream>

#include "cli/cli.hpp"
#include "locale/catalog.hpp"
#include "version.hpp"

namespace tailor::cli {

namespace po = boost::program_options;

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"build", "render resumes to text, PDF or DOCX, optionally tailored to a role", &cmd_build},
      {"check", "validate resume files and print diagnostics", &cmd_check},
      {"dump", "print the document model as indented text", &cmd_dump},
      {"convert", "convert between .resume markup and JSON Resume", &cmd_convert},
      {"roles", "list the role profiles, or show one: tailor roles NAME", &cmd_roles},
      {"match", "score a resume against a job posting: tailor match RESUME --job FILE", &cmd_match},
  };
  return kCommands;
}

void Context::report(const diag::Diagnostics& diags) {
  err << diag::render_all(diags, sources, diag_format);
}

int usage_error(Context& ctx, const std::string& message) {
  ctx.err << "tailor: error: " << message << "\n"
          << "Try 'tailor --help' for more information.\n";
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
  out << "\nRun 'tailor COMMAND --help' for a command's options.\n"
         "  -h [ --help ]     show this help\n"
         "  --version         print the version\n"
         "\nExit codes: 0 ok, 1 input error, 2 usage error, 3 I/O error, 4 render error,\n"
         "5 match score below --min-score. See docs/exit-codes.md.\n";
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Context probe({}, out, err);
  if (args.empty()) {
    print_help(err);
    return code(diag::ExitCode::UsageError);
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    print_help(out);
    return 0;
  }
  if (first == "--version") {
    out << "tailor " << kVersion << "\n";
    return 0;
  }
  for (const Command& c : commands()) {
    if (first != c.name) continue;
    Context ctx(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
    try {
      int rc = c.run(ctx);
      // A malformed templates/locales/ file is left out of the catalog; say so once, located.
      if (locale::Catalog::loaded() && !locale::Catalog::instance().diagnostics().empty()) {
        err << diag::render_all(locale::Catalog::instance().diagnostics(),
                                locale::Catalog::instance().sources(), ctx.diag_format);
        if (rc == 0) rc = code(diag::ExitCode::InputError);
      }
      return rc;
    } catch (const po::error& e) {
      return usage_error(ctx, e.what());
    } catch (const std::exception& e) {
      err << "tailor: internal error: " << e.what() << "\n";
      return code(diag::ExitCode::Internal);
    }
  }
  return usage_error(probe, "unknown command '" + first + "'");
}

}  // namespace tailor::cli
