#include "cli/man_page.hpp"

#include <sstream>

#include "cli/help.hpp"
#include "cli/help_examples.hpp"
#include "version.hpp"

namespace tailor::cli {

namespace {

/// Escapes text within a line: backslashes, and hyphens as minus signs (so options can be
/// searched and copied).
std::string esc(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

/// Escapes text of several lines; a line starting with '.' or '\'' would be a request.
std::string block(const std::string& text) {
  std::string out, line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    std::string e = esc(line);
    if (!e.empty() && (e[0] == '.' || e[0] == '\'')) e = "\\&" + e;
    out += e + "\n";
  }
  return out;
}

std::string roff_label(const OptionHelp& o) {
  std::string l;
  if (!o.short_name.empty()) l = "\\fB" + esc(o.short_name) + "\\fR";
  if (!o.long_name.empty())
    l += (l.empty() ? "" : ", ") + std::string("\\fB") + esc(o.long_name) + "\\fR";
  if (!o.metavar.empty()) {
    l += o.optional_value ? "[=\\fI" + esc(o.metavar) + "\\fR]" : " \\fI" + esc(o.metavar) + "\\fR";
  }
  return l;
}

}  // namespace

std::string man_page() {
  std::ostringstream m;
  m << ".TH TAILOR 1 \"\" \"tailor " << kVersion << "\" \"User Commands\"\n"
    << ".nh\n.ad l\n.SH NAME\n"
    << "tailor \\- one master resume, tailored resumes in PDF, DOCX and text\n"
    << ".SH SYNOPSIS\n"
    << ".B tailor\n"
    << ".I COMMAND\n"
    << "[\\fIOPTIONS\\fR] \\fIFILE\\fR...\n"
    << ".br\n"
    << ".B tailor help\n"
    << ".I COMMAND\n"
    << ".SH DESCRIPTION\n"
    << block(
           "Tailor turns one master resume (.resume markup or JSON Resume) into resumes "
           "tailored to a role or a job posting, and renders them as PDF, DOCX, plain text, "
           "JSON and markup. The same input always gives the same bytes, and every change it "
           "makes can be explained line by line (--explain).")
    << ".PP\n"
    << block(
           "Options are given after the command. -h or --help after a command prints its "
           "options and examples; tailor -V prints the version.")
    << ".SH COMMANDS\n";
  for (const Command& c : commands()) {
    CommandHelp h = describe(c);
    m << ".SS " << esc(h.usage) << "\n" << block(std::string(c.summary) + ".");
    for (const OptionHelp& o : h.options) {
      std::string text = o.description;
      if (!o.default_value.empty()) text += " (default: " + o.default_value + ")";
      m << ".TP\n" << roff_label(o) << "\n" << block(text);
    }
    if (std::string n = notes(c.name); !n.empty()) {
      m << ".PP\n.nf\n" << block(n) << ".fi\n";
    }
    const std::vector<Example>& ex = examples(c.name);
    if (!ex.empty()) {
      m << ".PP\nExamples:\n.RS\n.nf\n";
      for (const Example& e : ex) m << block(std::string("# ") + e.meaning) << block(e.command);
      m << ".fi\n.RE\n";
    }
  }
  m << ".SH ENVIRONMENT\n"
    << ".TP\n.B TAILOR_DATA_DIR\n"
    << block(
           "A folder with roles/, styles/ and locales/ subfolders. Its files come first: they "
           "add to the built-in roles, styles and languages, and replace those of the same "
           "file name.")
    << ".TP\n.B XDG_DATA_HOME\n"
    << block(
           "Its tailor/ folder (default ~/.local/share/tailor) is searched like "
           "TAILOR_DATA_DIR, after it.")
    << ".TP\n.B SOURCE_DATE_EPOCH\n"
    << block(
           "The date written into PDF and DOCX metadata, in seconds since 1970; without it "
           "the metadata has no date.")
    << ".SH FILES\n"
    << ".TP\n.I ~/.local/share/tailor/roles/*.rules\n"
    << block("Your role profiles (the format is in the documentation, docs/rules.md).")
    << ".TP\n.I ~/.local/share/tailor/styles/*.style\n"
    << block("Your styles, selected with --style NAME.")
    << ".TP\n.I ~/.local/share/tailor/locales/*.locale\n"
    << block("Your output languages, selected with --lang TAG.") << ".SH EXIT STATUS\n"
    << block(
           "0 ok, 1 input error, 2 usage error, 3 I/O error, 4 render error, 5 match score "
           "below --min-score.")
    << ".SH SEE ALSO\n"
    << block(
           "/usr/share/doc/tailor/ and the docs/ folder of the source: markup.md, rules.md, "
           "styles.md, batch.md, ci.md, data.md.");
  return m.str();
}

}  // namespace tailor::cli
