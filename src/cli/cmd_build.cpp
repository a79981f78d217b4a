// tailor build: read, tailor, render, write atomically.
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "base/files.hpp"
#include "cli/build_request.hpp"
#include "cli/options.hpp"
#include "cli/roles.hpp"
#include "reader/reader.hpp"
#include "style/load.hpp"
#include "transform/basic.hpp"
#include "transform/job.hpp"
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
      "max-pages", po::value(&req.max_pages),
      "fit on N pages: tighten spacing, then type (body >= 9 pt)")(
      "job", po::value(&req.job_file), "tailor to a job posting (text or JSON job schema)");
  add_role_options(desc, req, roles);
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor build [OPTIONS] FILE...", desc, vm); rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "build needs at least one FILE");
  req.inputs = vm["file"].as<std::vector<std::string>>();
  req.formats = split_list(formats);
  req.roles = split_list(roles);

  if (!req.output.empty() && !req.out_dir.empty()) {
    return usage_error(ctx, "use either -o or --out-dir, not both");
  }
  if (!req.output.empty() && req.inputs.size() > 1) {
    return usage_error(ctx, "-o takes one input; use --out-dir for several");
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

  if (!req.paper.empty() && req.paper != "a4" && req.paper != "letter") {
    return usage_error(ctx, "--paper must be a4 or letter, not '" + req.paper + "'");
  }
  if (req.max_pages < 0) return usage_error(ctx, "--max-pages must be 1 or more");
  RoleTargets targets;
  std::optional<transform::Posting> posting;
  if (!req.job_file.empty()) {
    if (int rc = prepare_job(ctx, req, targets, posting); rc >= 0) return rc;
  } else if (int rc = prepare_roles(ctx, req, targets); rc >= 0) {
    return rc;
  }

  diag::Diagnostics style_diags;
  std::optional<style::Style> loaded = style::load_style(req.style, ctx.sources, style_diags);
  if (!loaded) {
    ctx.report(style_diags);
    // An unknown style NAME is a bad option value; a broken style FILE is bad input.
    bool is_file = req.style.find('/') != std::string::npos ||
                   (req.style.size() > 6 && req.style.ends_with(".style"));
    return is_file ? input_failure_code(style_diags) : code(diag::ExitCode::UsageError);
  }
  style::Style style = std::move(*loaded);
  writer::RenderOptions options;
  options.style = &style;
  if (!req.paper.empty()) {
    options.paper = req.paper == "letter" ? style::Paper::Letter : style::Paper::A4;
  }
  options.max_pages = req.max_pages;
  options.source_date_epoch = source_date_epoch();
  options.version = kVersion;

  diag::Diagnostics all;
  int worst = 0;
  for (const auto& [input, profile] : targets.jobs(req.inputs)) {
    diag::Diagnostics diags;
    auto doc = reader::read_document(input, ctx.sources, diags);
    if (!doc) {
      ctx.report(diags);
      worst = std::max(worst, input_failure_code(diags));
      continue;
    }
    transform::Profile derived;
    if (posting) derived = job_profile(ctx, req, targets, *posting, *doc);
    apply_role(ctx, req, targets, posting ? &derived : profile, *doc, style.section_order);
    // --max-pages: the PDF layout finds the factors once; every writer uses the same ones.
    writer::RenderOptions doc_options = options;
    if (options.max_pages > 0) {
      auto factors = writer::pdf::fit_to_pages(*doc, options, diags);
      if (!factors) {
        ctx.report(diags);
        worst = std::max(worst, code(diag::ExitCode::RenderError));
        continue;
      }
      doc_options.spacing_scale = factors->first;
      doc_options.font_scale = factors->second;
    }
    for (const writer::WriterInfo* w : outs) {
      std::string bytes;
      diag::Diagnostics wd;
      if (!w->write(*doc, doc_options, bytes, wd)) {
        diags.append(wd);
        worst = std::max(worst, code(diag::ExitCode::RenderError));
        continue;
      }
      diags.append(wd);
      std::string path = req.output;
      if (path.empty() && !req.out_dir.empty()) {
        path = (fs::path(req.out_dir) / (fs::path(input).stem().string() + targets.suffix(profile) +
                                         (w->extensions.empty() ? "" : w->extensions.front())))
                   .string();
      }
      if (path.empty()) {
        ctx.out << bytes;
        continue;
      }
      if (base::same_file(path, input)) {
        diag::Diagnostic d;
        d.path = path;
        d.message = "refusing to overwrite the input file";
        diags.add(std::move(d));
        worst = std::max(worst, code(diag::ExitCode::UsageError));
        continue;
      }
      std::string err;
      std::error_code ec;
      if (!req.out_dir.empty()) fs::create_directories(req.out_dir, ec);
      if (!base::write_file_atomic(path, bytes, err)) {
        diag::Diagnostic d;
        d.path = path;
        d.message = "cannot write output: " + err;
        diags.add(std::move(d));
        worst = std::max(worst, code(diag::ExitCode::IoError));
      }
    }
    ctx.report(diags);
  }
  return worst;
}

}  // namespace tailor::cli
