#include "cli/help_examples.hpp"

#include <map>

#include "base/strings.hpp"
#include "style/load.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

const std::vector<Example>& examples(const std::string& name) {
  static const std::map<std::string, std::vector<Example>> kExamples = {
      {"build",
       {
           {"tailor build cv.resume", "plain text on standard output, for pasting into forms"},
           {"tailor build cv.resume -o cv.pdf --style modern --paper letter", "a PDF"},
           {"tailor build cv.resume --role \"Infrastructure Engineer\" --explain -o cv.pdf",
            "tailored to a role, with every change explained on standard error"},
           {"tailor build cv.resume --job posting.txt -o cv.docx",
            "tailored to a job posting, as Word"},
           {"tailor build team/*.resume --role sre,backend --format pdf,docx --out-dir out "
            "--if-changed",
            "many resumes, roles and formats; rebuild only what changed"},
       }},
      {"check",
       {
           {"tailor check cv.resume", "validate; exit 1 on any error"},
           {"tailor check -q team/*.resume", "print nothing when every file is valid"},
       }},
      {"dump", {{"tailor dump cv.resume", "the document model as indented text"}}},
      {"convert",
       {
           {"tailor convert resume.json -o cv.resume", "JSON Resume to Tailor markup"},
           {"tailor convert cv.resume -t json", "Tailor markup to JSON Resume on standard output"},
       }},
      {"roles",
       {
           {"tailor roles", "list the role profiles"},
           {"tailor roles infrastructure", "show one profile in full"},
           {"tailor roles --rules my.rules", "include your own profiles"},
       }},
      {"match",
       {
           {"tailor match cv.resume --job posting.txt", "a readable report"},
           {"tailor match cv.resume --job posting.txt --json --min-score 60",
            "JSON, and exit 5 when the score is below 60"},
           {"tailor match --job posting.txt --csv --anonymize applicants/*.resume",
            "rank many resumes, as CSV, by reference"},
           {"tailor match --job posting.txt --shard 0/4 applicants/*.resume",
            "the first of four shares of a ranking"},
       }},
      {"styles",
       {
           {"tailor styles", "list the styles, each with a line on what it is for"},
           {"tailor styles engineering", "show one style's keys, inherited ones included"},
           {"tailor styles ./mine.style", "check your own style and show what it resolves to"},
       }},
      {"merge-summaries",
       {
           {"tailor merge-summaries -o summary.json --key-file keys.csv shard-*/summary.json",
            "one summary and one key file from the shards of a build"},
       }},
      {"completion",
       {
           {"source <(tailor completion bash)", "complete tailor in this bash session"},
           {"tailor completion fish > ~/.config/fish/completions/tailor.fish",
            "install the fish completions"},
       }},
  };
  static const std::vector<Example> kNone;
  auto it = kExamples.find(name);
  return it == kExamples.end() ? kNone : it->second;
}

std::string notes(const std::string& name) {
  if (name != "build") return {};
  std::string out = "Formats (--format, or the extension of -o):\n";
  for (const writer::WriterInfo& w : writer::writers()) {
    std::string exts;
    for (const char* e : w.extensions) exts += (exts.empty() ? "" : " ") + std::string(e);
    std::string line = "  " + std::string(w.name);
    line += std::string(line.size() < 12 ? 12 - line.size() : 1, ' ') + w.description;
    if (!exts.empty()) line += " (" + exts + ")";
    out += line + "\n";
  }
  out +=
      "Without -o or --out-dir the output is text, on standard output. PDF and DOCX are\n"
      "never written to a terminal.\n\n";
  std::vector<std::string> styles = style::builtin_style_names();
  out += "Styles (--style): " + base::join(styles) + "; or a path to a .style file.\n";
  return out;
}

}  // namespace tailor::cli
