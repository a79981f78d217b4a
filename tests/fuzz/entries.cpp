// The fuzz entry points. Each runs the real library code on bytes held in memory; anything a
// sanitizer or an uncaught exception reports is a finding.
#include "fuzz/entries.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/source_manager.hpp"
#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "transform/basic.hpp"
#include "transform/engine.hpp"
#include "transform/job.hpp"
#include "transform/rules.hpp"
#include "writer/docx/docx.hpp"
#include "writer/pdf/bidi.hpp"
#include "writer/pdf/line_breaks.hpp"
#include "writer/pdf/normalize.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/writer.hpp"

namespace tailor::fuzz {

namespace {

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Renders every diagnostic, as the CLI would: carets and source lines are code too.
void render(const diag::Diagnostics& diags, const model::SourceManager& sources) {
  std::string text = diag::render_all(diags, sources);
  text += diag::render_all(diags, sources, diag::Format::Short);
}

/// A folder of its own under $TMPDIR (or /tmp) for the library calls that read a path, as the
/// CLI's do; removed when it goes out of scope.
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp && *tmp ? tmp : "/tmp") + "/tailor-fuzz-XXXXXX";
    if (::mkdtemp(path_.data()) == nullptr) {
      std::perror("fuzz: mkdtemp");
      std::abort();
    }
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  /// Writes `bytes` to NAME in the folder; returns its path.
  std::string write(const char* name, std::string_view bytes) const {
    std::string file = path_ + "/" + name;
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  std::string path_;
};

/// Built-in data loaded once per process: the role profiles, the styles and one sample.
struct Builtins {
  model::SourceManager sources;
  transform::RuleSet rules;
  std::vector<style::Style> styles;
  std::optional<model::Document> sample;
};

const Builtins& builtins() {
  static const std::unique_ptr<Builtins> b = [] {
    auto out = std::make_unique<Builtins>();
    diag::Diagnostics diags;
    transform::load_builtin_rules(out->sources, out->rules, diags);
    for (const std::string& name : style::builtin_style_names()) {
      if (auto s = style::load_style(name, out->sources, diags)) out->styles.push_back(*s);
    }
    out->sample = reader::read_document(std::string(TAILOR_SOURCE_DIR) + "/samples/aysel.resume",
                                        out->sources, diags);
    if (diags.has_errors() || out->styles.empty() || !out->sample) {
      // The fuzzers would silently test less; a broken checkout must stop them.
      std::string text = diag::render_all(diags, out->sources);
      std::fprintf(stderr, "fuzz: cannot load the built-in data\n%s", text.c_str());
      std::abort();
    }
    return out;
  }();
  return *b;
}

}  // namespace

void markup(const std::uint8_t* data, std::size_t size) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  reader::read_document_bytes("fuzz.resume", as_text(data, size), sources, diags);
  render(diags, sources);
}

void json(const std::uint8_t* data, std::size_t size) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  reader::read_document_bytes("fuzz.json", as_text(data, size), sources, diags);
  render(diags, sources);
}

void yaml(const std::uint8_t* data, std::size_t size) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  reader::InputFormat format =
      size > 0 && (data[0] & 1) ? reader::InputFormat::YamlResume : reader::InputFormat::RenderCv;
  // What the CLI does first without --from: choose the reader by name and content, for a
  // .yaml name and for a name without an extension (stdin, a file named "cv").
  std::string problem;
  reader::detect_format("fuzz.yaml", as_text(data, size), problem);
  reader::detect_format("fuzz", as_text(data, size), problem);
  // The first line stands for what a user types: a file name, and the --from value.
  std::string_view text = as_text(data, size);
  std::string first_line(text.substr(0, std::min<std::size_t>(text.find('\n'), 256)));
  reader::input_format_for(first_line);
  reader::format_from_name(first_line);
  reader::read_document_bytes("fuzz.yaml", as_text(data, size), format, sources, diags);
  render(diags, sources);
}

void linkedin(const std::uint8_t* data, std::size_t size) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    std::string problem;
    reader::detect_format("export", as_text(data, size), problem);  // a ZIP by its content
    reader::read_document_bytes("fuzz.zip", as_text(data, size), reader::InputFormat::LinkedIn,
                                sources, diags);
  } else {
    static const char* const kNames[] = {"Profile.csv",     "Positions.csv", "Education.csv",
                                         "Skills.csv",      "Languages.csv", "Certifications.csv",
                                         "Projects.csv",    "Honors.csv",    "Publications.csv",
                                         "Volunteering.csv"};
    const char* name = kNames[size > 0 ? data[0] % 10 : 0];
    ScratchDir dir;
    std::string file = dir.write(name, size > 0 ? as_text(data + 1, size - 1) : "");
    std::string folder = std::filesystem::path(file).parent_path().string();
    reader::read_linkedin_folder(folder, sources, diags);
    // What the CLI does with a folder besides reading it: recognise it, and fingerprint it
    // for --if-changed.
    std::string err;
    reader::is_linkedin_folder(folder);
    reader::linkedin_folder_fingerprint(folder, err);
  }
  render(diags, sources);
}

void rules(const std::uint8_t* data, std::size_t size) {
  const Builtins& b = builtins();
  // What `--rules FILE` does: the file is read, parsed, validated and added to the built-in
  // profiles, replacing one of the same title. load_rules_file reads from disk, so the input
  // goes through a file of this process's own.
  ScratchDir dir;
  const std::string path = dir.write("fuzz.rules", as_text(data, size));
  model::SourceManager sources;
  diag::Diagnostics diags;
  transform::RuleSet rules = b.rules;
  if (transform::load_rules_file(path, sources, rules, diags, true)) {
    for (const transform::Profile& profile : rules.profiles) {
      if (profile.path != path) continue;
      // A user's profile meets a real resume, with the lexicon the file extended.
      model::Document doc = *b.sample;
      transform::Report report = transform::tailor(doc, profile, rules.lexicon, {});
      std::string text = transform::render_report(report, sources);
      text += transform::describe_profile(profile, sources);
    }
  }
  render(diags, sources);
}

void style(const std::uint8_t* data, std::size_t size) {
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id = reader::add_source("fuzz.style", as_text(data, size), sources, diags);
  if (id != 0) style::parse_style(id, sources.text(id), diags);
  render(diags, sources);
}

void posting(const std::uint8_t* data, std::size_t size) {
  const Builtins& b = builtins();
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::uint32_t id = reader::add_source("fuzz.txt", as_text(data, size), sources, diags);
  if (id != 0) {
    // What transform::read_posting decides for a file that is not named .json.
    const std::string& text = sources.text(id);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    bool is_json = first != std::string::npos && text[first] == '{';
    std::optional<transform::Posting> p = is_json ? transform::parse_posting_json(id, text, diags)
                                                  : transform::parse_posting_text(id, text, diags);
    if (p) {
      // What `tailor match` does with it: analyse, score, and both reports.
      transform::JobAnalysis analysis = transform::analyse_posting(*p, b.rules, *b.sample);
      transform::MatchResult result = transform::match_resume(analysis, b.rules, *b.sample);
      std::string out = transform::render_analysis(analysis, *p, sources);
      out += transform::render_match_text(*p, analysis, result, "aysel.resume", sources);
      out += transform::render_match_json(*p, analysis, result, "aysel.resume", sources);
    }
  }
  render(diags, sources);
}

void pipeline(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return;
  const Builtins& b = builtins();
  // The option byte: bits 0-3 role (0: none), bits 4-5 style, bit 6 --max-pages 1, bit 7 paper.
  const std::uint8_t opts = data[0];
  std::string_view input = as_text(data + 1, size - 1);
  const std::size_t role = (opts & 0x0F) % (b.rules.profiles.size() + 1);
  const style::Style& chosen = b.styles[((opts >> 4) & 3) % b.styles.size()];

  model::SourceManager sources;
  diag::Diagnostics diags;
  const char* name = !input.empty() && input.front() == '{' ? "fuzz.json" : "fuzz.resume";
  std::optional<model::Document> doc = reader::read_document_bytes(name, input, sources, diags);
  if (doc) {
    // What cli::apply_role does for one role.
    if (role == 0) {
      transform::select_variants(*doc, {});
      transform::order_sections(*doc, chosen.section_order);
    } else {
      const transform::Profile& profile = b.rules.profiles[role - 1];
      transform::Report report = transform::tailor(*doc, profile, b.rules.lexicon, {});
      if (profile.sections.empty()) transform::order_sections(*doc, chosen.section_order);
      std::string explain = transform::render_report(report, b.sources);
    }
    writer::RenderOptions options;
    options.style = &chosen;
    options.source_date_epoch = 0;
    if (opts & 0x80) options.paper = style::Paper::Letter;
    bool render_ok = true;
    if (opts & 0x40) {
      // What cmd_build does for --max-pages: the PDF layout finds the factors for both.
      options.max_pages = 1;
      auto factors = writer::pdf::fit_to_pages(*doc, options, diags);
      if (factors) {
        options.spacing_scale = factors->spacing;
        options.font_scale = factors->font;
        options.margin_shrink = factors->margin_shrink;
      } else {
        render_ok = false;
      }
    }
    if (render_ok) {
      std::string pdf, docx;
      writer::write_pdf(*doc, options, pdf, diags);
      writer::write_docx(*doc, options, docx, diags);
    }
  }
  render(diags, sources);
}

void shaping(const std::uint8_t* data, std::size_t size) {
  std::string_view input = as_text(data, size);
  std::vector<std::string> lines{"", "", ""};
  std::size_t k = 0;
  for (char c : input) {
    if (c == '\n') {
      if (++k == lines.size()) break;
      continue;
    }
    lines[k] += c;
  }
  std::string markup = "name: " + lines[0] + "\n\n== Summary\n" + lines[1] +
                       "\n\n== Experience\n=== Role | Org | 2020 \u2013 present\n- " + lines[2] +
                       "\n";
  model::SourceManager sources;
  diag::Diagnostics diags;
  std::optional<model::Document> doc =
      reader::read_document_bytes("fuzz.resume", markup, sources, diags);
  if (doc) {
    for (const std::string& l : lines) {  // the reader accepted them: valid UTF-8
      std::string n = writer::pdf::nfc(l);
      int base = 0;
      std::vector<std::uint8_t> levels = writer::pdf::bidi_levels(n, false, &base);
      std::vector<int> order = writer::pdf::visual_order(levels);
      std::set<std::size_t> breaks = writer::pdf::unspaced_breaks(n);
      (void)order;
      (void)breaks;
    }
    const Builtins& b = builtins();
    writer::RenderOptions options;
    options.style = &b.styles.front();
    options.source_date_epoch = 0;
    std::string pdf;
    writer::write_pdf(*doc, options, pdf, diags);
  }
  render(diags, sources);
}

}  // namespace tailor::fuzz
