// tailor match RESUME --job FILE: how well a resume fits a job posting, offline and explained.
// Also the --job option of `tailor build` (prepare_job, job_profile).
#include <cstdlib>
#include <ostream>

#include "cli/build_request.hpp"
#include "cli/input_files.hpp"
#include "cli/options.hpp"
#include "cli/roles.hpp"
#include "reader/reader.hpp"
#include "transform/engine.hpp"
#include "transform/job.hpp"

namespace tailor::cli {

namespace {

// "75", "62.5": a number from 0 to 100, else nullopt.
std::optional<double> parse_score(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end != '\0' || !(v >= 0 && v <= 100)) return std::nullopt;
  return v;
}

bool read_job(Context& ctx, const std::string& path, std::optional<transform::Posting>& posting,
              int& rc) {
  diag::Diagnostics diags;
  posting = transform::read_posting(path, ctx.sources, diags);
  ctx.report(diags);
  if (!posting) {
    rc = input_failure_code(diags);
    return false;
  }
  return true;
}

}  // namespace

int cmd_match(Context& ctx) {
  po::options_description desc("match options");
  std::string job, min_score, from;
  std::vector<std::string> rules_files;
  desc.add_options()("job", po::value(&job), "the job posting: plain text or JSON (job schema)")(
      "json", "print the report as JSON")(
      "min-score", po::value(&min_score),
      "exit with code 5 when the score is below N (0-100), for CI gates")(
      "rules", po::value(&rules_files)->composing(), "also load this .rules file (repeatable)")(
      "from", po::value(&from),
      "resume format when no extension or content says it: resume, json, rendercv, yamlresume or "
      "linkedin");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor match RESUME --job FILE [OPTIONS]", desc, vm);
      rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "match needs a RESUME file");
  const auto& files = vm["file"].as<std::vector<std::string>>();
  if (files.size() != 1) return usage_error(ctx, "match takes one RESUME file");
  if (job.empty()) return usage_error(ctx, "match needs --job FILE (a job posting)");
  if (std::string bad = check_inputs(files, from); !bad.empty()) return usage_error(ctx, bad);
  std::optional<double> gate;
  if (vm.count("min-score")) {
    gate = parse_score(min_score);
    if (!gate) {
      return usage_error(ctx, "--min-score takes a number from 0 to 100, not '" + min_score + "'");
    }
  }

  transform::RuleSet rules;
  if (int rc = load_roles(ctx, rules_files, rules)) return rc;
  diag::Diagnostics diags;
  auto doc = load_input(files.front(), from, ctx.sources, diags);
  ctx.report(diags);
  if (!doc) return input_failure_code(diags);
  std::optional<transform::Posting> posting;
  if (int rc = 0; !read_job(ctx, job, posting, rc)) return rc;

  transform::JobAnalysis analysis = transform::analyse_posting(*posting, rules, *doc);
  if (analysis.keywords.empty()) {
    diag::Diagnostics w;
    diag::Diagnostic& d =
        w.warning(posting->title_span, "no known keyword in the job posting; the score is 0");
    if (!posting->title_span.known()) d.path = posting->path;
    d.hints.push_back(
        "the vocabulary is the built-in profiles, their synonyms and the resume's skills");
    ctx.report(w);
  }
  transform::MatchResult result = transform::match_resume(analysis, rules, *doc);
  if (vm.count("json")) {
    ctx.out << transform::render_match_json(*posting, analysis, result,
                                            input_display_name(files.front()), ctx.sources);
  } else {
    // A report for people: the posting's text is sanitised before it reaches a terminal.
    print_text(ctx, transform::render_match_text(*posting, analysis, result,
                                                 input_display_name(files.front()), ctx.sources));
  }
  if (gate && result.score < *gate) {
    ctx.err << "tailor: score " << result.score << " is below --min-score " << min_score << "\n";
    return code(diag::ExitCode::BelowMinScore);
  }
  return 0;
}

int prepare_job(Context& ctx, const BuildRequest& req, RoleTargets& targets,
                std::optional<transform::Posting>& posting) {
  if (!req.roles.empty()) return usage_error(ctx, "use either --role or --job, not both");
  if (req.max_skills < 0 || req.max_bullets < 0) {
    return usage_error(ctx, "--max-skills and --max-bullets take a positive number");
  }
  std::vector<std::string> files;
  if (!req.rules_file.empty()) files.push_back(req.rules_file);
  if (int rc = load_roles(ctx, files, targets.rules)) return rc;
  if (int rc = 0; !read_job(ctx, req.job_file, posting, rc)) return rc;
  return -1;
}

transform::Profile job_profile(const BuildRequest& req, const RoleTargets& targets,
                               const transform::Posting& posting, const model::Document& doc,
                               const model::SourceManager& sources, std::string& notes) {
  transform::JobAnalysis analysis = transform::analyse_posting(posting, targets.rules, doc);
  if (req.explain && req.explain_format != "json") {
    notes += transform::render_analysis(analysis, posting, sources);
    // The role evidence behind the suggested headline, as `--role` would explain it.
    if (analysis.headline.role) {
      notes +=
          transform::explain_role_evidence(doc, *analysis.headline.role, targets.rules, sources);
    }
  }
  return std::move(analysis.profile);
}

}  // namespace tailor::cli
