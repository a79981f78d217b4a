#include "cli/match_rank.hpp"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "base/json_text.hpp"
#include "cli/batch_pool.hpp"
#include "cli/batch_report.hpp"
#include "cli/input_files.hpp"
#include "transform/reference.hpp"

namespace tailor::cli {

namespace {

std::string one_decimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

const std::string& candidate(const RankRow& r, bool anonymize) {
  return anonymize ? r.ref : r.input;
}

std::string joined(const std::vector<std::string>& v, const char* sep, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < limit; ++i) out += (i ? sep : "") + v[i];
  if (v.size() > limit) out += std::string(sep) + "+" + std::to_string(v.size() - limit);
  return out;
}

}  // namespace

std::vector<RankRow> score_resumes(Context& ctx, const std::vector<std::string>& files,
                                   const transform::Posting& posting,
                                   const transform::RuleSet& rules, const RankOptions& options) {
  std::vector<RankRow> rows(files.size());
  unsigned jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));
  batch::Pool pool(jobs);
  for (std::size_t i = 0; i < files.size(); ++i) {
    pool.push([&, i] {
      RankRow& row = rows[i];
      row.input = input_display_name(files[i]);
      auto doc = load_input(files[i], options.from, ctx.sources, row.diags);
      row.ref = transform::candidate_reference(doc ? &*doc : nullptr, files[i]).text;
      if (!doc) {
        row.code = input_failure_code(row.diags);
        return;
      }
      transform::JobAnalysis analysis = transform::analyse_posting(posting, rules, *doc);
      transform::MatchResult result = transform::match_resume(analysis, rules, *doc);
      row.ok = true;
      row.score = result.score;
      for (const auto& m : result.matched) row.matched.push_back(m.keyword->text);
      for (const auto& m : result.missing) row.missing.push_back(m.keyword->text);
      if (analysis.nearest) row.nearest_role = analysis.nearest->title;
    });
  }
  pool.wait();
  return rows;
}

std::vector<const RankRow*> rank(const std::vector<RankRow>& rows, bool anonymize) {
  std::vector<const RankRow*> out;
  for (const RankRow& r : rows) {
    if (r.ok) out.push_back(&r);
  }
  std::stable_sort(out.begin(), out.end(), [&](const RankRow* a, const RankRow* b) {
    if (a->score != b->score) return a->score > b->score;
    return candidate(*a, anonymize) < candidate(*b, anonymize);
  });
  return out;
}

std::string render_rank_table(const std::vector<const RankRow*>& ranked, bool anonymize) {
  std::size_t width = anonymize ? 9 : 6;
  for (const RankRow* r : ranked) width = std::max(width, candidate(*r, anonymize).size());
  auto pad = [](std::string s, std::size_t w) {
    if (s.size() < w) s.resize(w, ' ');
    return s;
  };
  std::string out = pad("RANK", 6) + pad("SCORE", 7) +
                    pad(anonymize ? "CANDIDATE" : "RESUME", width + 2) + pad("NEAREST ROLE", 26) +
                    pad("MATCHED", 9) + "MISSING\n";
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const RankRow& r = *ranked[i];
    out += pad(std::to_string(i + 1), 6) + pad(one_decimal(r.score), 7) +
           pad(candidate(r, anonymize), width + 2) +
           pad(r.nearest_role.empty() ? "-" : r.nearest_role, 26) +
           pad(std::to_string(r.matched.size()), 9) + joined(r.missing, ", ", 4) + "\n";
  }
  return out;
}

std::string render_rank_csv(const std::vector<const RankRow*>& ranked, bool anonymize) {
  std::string out = anonymize ? "rank,ref,score,nearest_role,matched,missing\n"
                              : "rank,input,ref,score,nearest_role,matched,missing\n";
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const RankRow& r = *ranked[i];
    out += std::to_string(i + 1) + ",";
    if (!anonymize) out += batch::csv_field(r.input) + ",";
    out += batch::csv_field(r.ref) + "," + one_decimal(r.score) + "," +
           batch::csv_field(r.nearest_role) + "," +
           batch::csv_field(joined(r.matched, "; ", r.matched.size())) + "," +
           batch::csv_field(joined(r.missing, "; ", r.missing.size())) + "\n";
  }
  return out;
}

std::string render_rank_json(const std::vector<const RankRow*>& ranked, bool anonymize) {
  auto list = [](const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + base::json_quote(v[i]);
    return s + "]";
  };
  std::string out = "[";
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const RankRow& r = *ranked[i];
    out += i ? ",\n  {" : "\n  {";
    out += "\"rank\": " + std::to_string(i + 1);
    if (!anonymize) out += ", \"input\": " + base::json_quote(r.input);
    out += ", \"ref\": " + base::json_quote(r.ref) + ", \"score\": " + one_decimal(r.score);
    out += ", \"nearest_role\": " +
           (r.nearest_role.empty() ? std::string("null") : base::json_quote(r.nearest_role));
    out += ", \"matched\": " + list(r.matched) + ", \"missing\": " + list(r.missing) + "}";
  }
  out += ranked.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace tailor::cli
