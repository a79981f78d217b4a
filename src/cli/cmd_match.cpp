// tailor match RESUME --job FILE: how well a resume fits a job posting, offline and explained.
// Also the --job option of `tailor build` (prepare_job, job_profile).
#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "cli/build_request.hpp"
#include "cli/input_files.hpp"
#include "cli/match_rank.hpp"
#include "cli/options.hpp"
#include "cli/roles.hpp"
#include "cli/shard.hpp"
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
  std::string job, min_score, from, shard;
  std::vector<std::string> rules_files;
  int jobs = 0;
  bool csv = false, anonymize = false;
  desc.add_options()("job", po::value(&job), "the job posting: plain text or JSON (job schema)")(
      "json", "print the report as JSON (with several resumes: the ranking)")(
      "csv", po::bool_switch(&csv), "print the ranking as CSV")(
      "jobs,j", po::value(&jobs)->default_value(0), "resumes scored in parallel (0: one per core)")(
      "anonymize", po::bool_switch(&anonymize),
      "name candidates by their reference, never by file or name")(
      "shard", po::value(&shard), "score only share K of N (K from 0), by a hash of each path")(
      "min-score", po::value(&min_score),
      "exit with code 5 when the score is below N (0-100), for CI gates; with several "
      "resumes, rank only those at N or above")("rules", po::value(&rules_files)->composing(),
                                                "also load this .rules file (repeatable)")(
      "from", po::value(&from),
      "resume format when no extension or content says it: resume, json, rendercv, yamlresume or "
      "linkedin");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor match --job FILE [OPTIONS] RESUME...", desc, vm);
      rc >= 0) {
    return rc;
  }
  if (!vm.count("file")) return usage_error(ctx, "match needs a RESUME file");
  std::vector<std::string> files = vm["file"].as<std::vector<std::string>>();
  if (job.empty()) return usage_error(ctx, "match needs --job FILE (a job posting)");
  if (jobs < 0) return usage_error(ctx, "--jobs must be 1 or more (0: one per core)");
  if (csv && vm.count("json")) return usage_error(ctx, "use either --csv or --json");
  bool ranking = files.size() > 1 || csv || anonymize || !shard.empty();
  if (!shard.empty()) {
    std::string error;
    std::optional<Shard> s = parse_shard(shard, error);
    if (!s) return usage_error(ctx, error);
    files = shard_inputs(files, *s);
  }
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
  if (ranking) {
    std::optional<transform::Posting> posting;
    if (int rc = 0; !read_job(ctx, job, posting, rc)) return rc;
    RankOptions options{from, static_cast<unsigned>(jobs), anonymize};
    std::vector<RankRow> rows = score_resumes(ctx, files, *posting, rules, options);
    int rc = 0;
    for (const RankRow& r : rows) {
      ctx.report(r.diags);
      rc = std::max(rc, r.code);
    }
    std::vector<const RankRow*> ranked = rank(rows, anonymize);
    std::size_t scored = ranked.size();
    if (gate) {
      std::erase_if(ranked, [&](const RankRow* r) { return r->score < *gate; });
    }
    if (csv) {
      ctx.out << render_rank_csv(ranked, anonymize);
    } else if (vm.count("json")) {
      ctx.out << render_rank_json(ranked, anonymize);
    } else {
      print_text(ctx, render_rank_table(ranked, anonymize));
    }
    if (gate && ranked.empty() && scored > 0 && rc == 0) {
      ctx.err << "tailor: no resume reaches --min-score " << min_score << "\n";
      return code(diag::ExitCode::BelowMinScore);
    }
    return rc;
  }
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
