// tailor build: read, tailor, render, write atomically.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "cli/batch.hpp"
#include "cli/batch_options.hpp"
#include "cli/build_request.hpp"
#include "cli/input_files.hpp"
#include "cli/options.hpp"
#include "cli/roles.hpp"
#include "data/files.hpp"
#include "locale/catalog.hpp"
#include "locale/text.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "transform/basic.hpp"
#include "transform/job.hpp"
#include "transform/rules.hpp"
#include "version.hpp"
#include "writer/pdf/pdf.hpp"
#include "writer/writer.hpp"

namespace tailor::cli {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string part =
        s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

/// SOURCE_DATE_EPOCH, when set to a plain non-negative integer.
std::optional<std::int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  if (*end != '\0' || n < 0) return std::nullopt;
  return n;
}

}  // namespace

int cmd_build(Context& ctx) {
  po::options_description desc("build options");
  BuildRequest req;
  std::string formats, roles;
  desc.add_options()("output,o", po::value(&req.output),
                     "output file; the format follows its extension")(
      "out-dir", po::value(&req.out_dir), "folder for many outputs")(
      "format,f", po::value(&formats), "output formats, comma-separated")(
      "style", po::value(&req.style)->default_value("classic"), "style name or .style file")(
      "paper", po::value(&req.paper), "a4 or letter (default: the style's)")(
      "lang", po::value(&req.lang),
      "output language, a BCP 47 tag (de, az, pt-BR): headings, dates, case rules")(
      "max-pages", po::value(&req.max_pages),
      "fit on N pages: tighten spacing, then type (body >= 9 pt)")(
      "job", po::value(&req.job_file), "tailor to a job posting (text or JSON job schema)")(
      "name", po::value(&req.name_template),
      "output names in --out-dir: {stem} {role} {ext} {format} {style} {ref}")(
      "jobs,j", po::value(&req.jobs)->default_value(0), "parallel builds (0: one per core)")(
      "if-changed", po::bool_switch(&req.if_changed), "skip outputs whose inputs are unchanged")(
      "watch", po::bool_switch(&req.watch), "rebuild on every save until Ctrl-C")(
      "fail-fast", po::bool_switch(&req.fail_fast), "stop scheduling at the first failure")(
      "anonymize", po::bool_switch(&req.anonymize),
      "blind screening: replace the name, drop contact details and profile links")(
      "ref", po::value(&req.ref), "candidate reference for --anonymize; may use {hash} {stem}")(
      "from", po::value(&req.from),
      "input format when no extension or content says it: resume, json, rendercv, yamlresume or "
      "linkedin")("force", po::bool_switch(&req.force),
                  "replace a .resume or .json in --out-dir that Tailor did not write");
  add_role_options(desc, req, roles);
  add_batch_options(desc, req);
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor build [OPTIONS] FILE...", desc, vm); rc >= 0) {
    return rc;
  }
  if (vm.count("file")) req.inputs = vm["file"].as<std::vector<std::string>>();
  // "--explain FILE": the parser gives the next word to --explain's optional format; a word
  // that is no format is the input it was.
  if (!req.explain_format.empty() && req.explain_format != "text" && req.explain_format != "json" &&
      std::filesystem::exists(req.explain_format)) {
    req.inputs.insert(req.inputs.begin(), req.explain_format);
    req.explain_format = "text";
  }
  if (req.inputs.empty()) return usage_error(ctx, "build needs at least one FILE");
  if (int rc = check_batch_options(ctx, req); rc >= 0) return rc;
  req.formats = split_list(formats);
  req.roles = split_list(roles);
  if (std::string bad = check_inputs(req.inputs, req.from); !bad.empty()) {
    return usage_error(ctx, bad);
  }
  // 0 is not "no limit" (leaving the option out is): it would keep nothing.
  for (const char* name : {"max-pages", "max-skills", "max-bullets"}) {
    if (vm.count(name) && vm[name].as<int>() < 1) {
      return usage_error(ctx, std::string("--") + name + " must be 1 or more, not " +
                                  std::to_string(vm[name].as<int>()) +
                                  "; leave it out for no limit");
    }
  }
  if (!req.output.empty() && !req.out_dir.empty()) {
    return usage_error(ctx, "use either -o or --out-dir, not both");
  }
  if (req.output == "-") req.output.clear();  // -o - is standard output, as no -o is
  req.to_stdout = req.output.empty() && req.out_dir.empty();
  if (!req.output.empty() && req.inputs.size() > 1) {
    return usage_error(ctx, "-o takes one input; use --out-dir for several");
  }
  if (req.watch && std::any_of(req.inputs.begin(), req.inputs.end(), is_stdin)) {
    return usage_error(ctx, "--watch needs input files; standard input cannot be watched");
  }
  std::vector<const writer::WriterInfo*> outs;
  if (req.formats.empty()) {
    const writer::WriterInfo* w =
        req.output.empty() ? writer::find_writer("text") : writer::writer_for_path(req.output);
    if (!w) {
      return usage_error(ctx, "cannot tell the format of '" + req.output + "'; use --format (" +
                                  writer::writer_names() + ")");
    }
    outs.push_back(w);
  } else {
    for (const std::string& f : req.formats) {
      const writer::WriterInfo* w = writer::find_writer(f);
      if (!w) {
        return usage_error(ctx, "unknown format '" + f + "'; known: " + writer::writer_names());
      }
      outs.push_back(w);
    }
  }
  if (!req.output.empty() && outs.size() > 1) {
    return usage_error(ctx, "-o takes one format; use --out-dir for several");
  }
  // -o x.pdf --format docx would write a Word file named .pdf: the extension, when it names
  // a format, must agree with --format.
  if (!req.output.empty() && !req.formats.empty()) {
    const writer::WriterInfo* by_ext = writer::writer_for_path(req.output);
    if (by_ext && by_ext != outs.front()) {
      return usage_error(ctx, "-o " + req.output + " names a " + by_ext->name +
                                  " file, but --format asks for " + outs.front()->name +
                                  "; make them agree, or leave --format out");
    }
  }
  if (req.to_stdout) {
    if (outs.size() > 1) {
      return usage_error(ctx, "standard output takes one format, not " +
                                  std::to_string(outs.size()) + "; use --out-dir for several");
    }
    if (is_binary_format(*outs.front()) && stdout_is_terminal(ctx)) {
      return usage_error(ctx, std::string("refusing to write ") + outs.front()->name +
                                  " to a terminal; use -o FILE, or redirect: > cv." +
                                  outs.front()->name);
    }
  }

  if (!req.paper.empty() && req.paper != "a4" && req.paper != "letter") {
    return usage_error(ctx, "--paper must be a4 or letter, not '" + req.paper + "'");
  }
  if (int rc = check_explain(ctx, req); rc >= 0) return rc;
  if (!req.lang.empty()) {
    std::string tag = locale::canonical_tag(req.lang);
    if (tag.empty()) {
      return usage_error(ctx, "--lang needs a BCP 47 language tag such as de, az or pt-BR, not '" +
                                  req.lang + "'");
    }
    if (!locale::Catalog::instance().find(tag)) {
      std::string known;
      for (const std::string& t : locale::Catalog::instance().tags()) known += " " + t;
      return usage_error(ctx, "no translations for '" + tag + "'; languages:" + known);
    }
    req.lang = tag;
  }
  // Loaded once per build (and again by --watch when the style changes), shared read-only.
  auto load = [&](int& rc) -> std::shared_ptr<const BuildEnv> {
    // Profiles and the posting are loaded here too, so --watch reloads an edited profile:
    // its hash changes, and the rebuild must not use the old one.
    auto targets = std::make_shared<RoleTargets>();
    auto posting = std::make_shared<std::optional<transform::Posting>>();
    if (!req.job_file.empty()) {
      if (int prc = prepare_job(ctx, req, *targets, *posting); prc >= 0) {
        rc = prc;
        return nullptr;
      }
    } else if (int prc = prepare_roles(ctx, req, *targets); prc >= 0) {
      rc = prc;
      return nullptr;
    }
    diag::Diagnostics style_diags;
    std::optional<style::Style> loaded = style::load_style(req.style, ctx.sources, style_diags);
    if (!loaded) {
      ctx.report(style_diags);
      // An unknown style name is an input error like an unknown role (docs/exit-codes.md);
      // a style file that cannot be read is an I/O error.
      rc = input_failure_code(style_diags);
      return nullptr;
    }
    auto env = std::make_shared<BuildEnv>();
    auto style = std::make_shared<const style::Style>(std::move(*loaded));
    env->owned.push_back(style);
    env->formats = outs;
    env->options.style = style.get();
    if (!req.paper.empty()) {
      env->options.paper = req.paper == "letter" ? style::Paper::Letter : style::Paper::A4;
    }
    env->options.max_pages = req.max_pages;
    env->options.source_date_epoch = source_date_epoch();
    env->options.version = kVersion;
    // Font files matter only to the PDF layout (a PDF output, or --max-pages, which fits with
    // it): DOCX names its fonts and text has none, so those builds never start fontconfig.
    bool lays_out = req.max_pages > 0;
    for (const writer::WriterInfo* w : outs) lays_out = lays_out || std::string(w->name) == "pdf";
    env->dependencies = style_dependencies(*style, lays_out);
    // A logo that is a FIFO would block the writer for ever: resources are regular files.
    for (const std::string& dep : env->dependencies) {
      std::string why;
      if (!base::check_regular_resource(dep, why)) {
        ctx.err << "tailor: error: cannot use " << dep << ": it " << why << "\n";
        rc = code(diag::ExitCode::IoError);
        return nullptr;
      }
    }
    env->fingerprint = request_fingerprint(req);
    env->owned.push_back(targets);
    env->owned.push_back(posting);
    if (*posting) {
      // One target: the posting. Its profile is derived per resume, in the worker.
      std::string name =
          (*posting)->title.empty() ? fs::path(req.job_file).stem().string() : (*posting)->title;
      env->roles.push_back({name, {req.job_file}});
    }
    for (const transform::Profile* p : targets->profiles) {
      env->roles.push_back({p->title, p->path.empty() ? std::vector<std::string>{}
                                                      : std::vector<std::string>{p->path}});
    }
    // Shared by every role: the lexicon of the built-in profiles and a --rules file.
    if (!targets->profiles.empty() || *posting) {
      if (std::optional<data::File> lexicon = data::find("roles", "lexicon.rules")) {
        env->dependencies.push_back(lexicon->path);
      }
    }
    if (!req.rules_file.empty()) env->dependencies.push_back(req.rules_file);
    env->tailor = [style, targets, posting, &req, &sources = ctx.sources](
                      model::Document& doc, std::size_t role, diag::Diagnostics&,
                      std::string& notes) {
      // --lang overrides the resume's own 'lang:' for every output of this build.
      if (!req.lang.empty()) doc.header.language = model::Field{req.lang, {}};
      if (*posting) {
        transform::Profile derived = job_profile(req, *targets, **posting, doc, sources, notes);
        notes += apply_role(req, *targets, &derived, doc, style->section_order, sources);
        return true;
      }
      const transform::Profile* profile =
          targets->profiles.empty() ? nullptr : targets->profiles[role];
      notes += apply_role(req, *targets, profile, doc, style->section_order, sources);
      return true;
    };
    env->render = [env = env.get()](const model::Document& doc,
                                    const std::vector<const writer::WriterInfo*>& writers,
                                    std::vector<std::optional<std::string>>& bytes,
                                    diag::Diagnostics& diags) {
      // --max-pages: the PDF layout finds the factors once; every writer uses the same ones.
      writer::RenderOptions doc_options = env->options;
      if (env->options.max_pages > 0) {
        auto factors = writer::pdf::fit_to_pages(doc, env->options, diags);
        if (!factors) return;
        doc_options.spacing_scale = factors->spacing;
        doc_options.font_scale = factors->font;
        doc_options.margin_shrink = factors->margin_shrink;
      }
      for (std::size_t k = 0; k < writers.size(); ++k) {
        std::string out;
        if (writers[k]->write(doc, doc_options, out, diags)) bytes[k] = std::move(out);
      }
    };
    return env;
  };
  bool terminal = ctx.stdio && ::isatty(STDERR_FILENO) == 1;
  return run_build(ctx, req, load, terminal);
}

}  // namespace tailor::cli
