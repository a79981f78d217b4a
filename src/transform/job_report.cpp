// The reports of `tailor match`: readable text, and JSON with a fixed key order.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/json_text.hpp"
#include "transform/job.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

namespace {

std::string one_decimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

std::string three_decimals(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

std::string pad(std::string s, std::size_t width) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  if (n < width) s.append(width - n, ' ');
  return s + " ";
}

std::string place(const Occurrence& o) {
  if (o.kind == "skills") return o.section + (o.entry.empty() ? "" : " (" + o.entry + ")");
  std::string s = o.section;
  if (!o.entry.empty()) s += " > " + o.entry;
  if (o.bullet > 0) {
    s += " > bullet " + std::to_string(o.bullet);
  } else if (o.kind == "description" || o.kind == "heading") {
    s += " > " + o.kind;
  }
  return s;
}

std::string parts_text(const PostingKeyword& k) {
  std::string s;
  for (PostingPart p : k.parts) s += (s.empty() ? "" : ", ") + std::string(to_string(p));
  return s;
}

std::string headline_text(const JobAnalysis& a, const MatchResult& m,
                          const model::SourceManager& sources) {
  std::string s = "\"" + m.headline_after + "\"";
  if (m.headline_after.empty()) return "none (the resume has no headline)";
  s += m.headline_after == m.headline_before ? " (kept" : " (was \"" + m.headline_before + "\"";
  if (a.headline.rule) {
    s += "; rule \"" + a.headline.rule->title + "\" of " + a.headline.role->title + ": " +
         a.headline.reason;
    std::string at = rule_file_line(a.headline.rule->span, sources);
    if (!at.empty()) s += ", " + at;
  } else {
    s += "; " + a.headline.reason;
  }
  return s + ")";
}

// " 5, 9": the distinct lines that ask for a term.
std::string lines_of(const NotAssessed& n) {
  std::vector<std::uint32_t> seen;
  std::string s;
  for (const model::SourceSpan& sp : n.spans) {
    if (std::find(seen.begin(), seen.end(), sp.line) != seen.end()) continue;
    seen.push_back(sp.line);
    s += (s.empty() ? " " : ", ") + std::to_string(sp.line);
  }
  return s;
}

// "Understood 6 of 9 requirement lines; not assessed: Scala, dbt (the score does not check them)"
std::string coverage_text(const Coverage& c) {
  std::string s = "Understood: " + std::to_string(c.understood_lines) + " of " +
                  std::to_string(c.requirement_lines) + " requirement lines";
  if (c.requirement_lines > 0) {
    s +=
        " (" +
        std::to_string((100 * c.understood_lines + c.requirement_lines / 2) / c.requirement_lines) +
        " %)";
  }
  if (!c.not_assessed.empty()) {
    std::string terms;
    for (const NotAssessed& n : c.not_assessed) terms += (terms.empty() ? "" : ", ") + n.term;
    s += "; not assessed: " + terms + " (unknown to the vocabulary: the score does not check them)";
  }
  return s + "\n";
}

}  // namespace

std::string render_match_text(const Posting& posting, const JobAnalysis& a, const MatchResult& m,
                              const std::string& resume_path, const model::SourceManager& sources) {
  std::string out = "Match: " + resume_path + "\n  for ";
  out += posting.title.empty() ? "an untitled posting" : "\"" + posting.title + "\"";
  if (!posting.company.empty()) out += " at " + posting.company;
  out += " (" + posting.path + ")\n\n";
  out += "Score: " + one_decimal(m.score) + " / 100  (" + one_decimal(m.earned) + " of " +
         std::to_string(m.total) + " weighted points)\n";
  out += coverage_text(a.coverage);
  out += "Nearest role: ";
  if (a.nearest) {
    out += a.nearest->title + " (similarity " + three_decimals(a.roles.front().similarity) + ")";
    std::string next;
    for (std::size_t i = 1; i < a.roles.size() && i < 3; ++i) {
      next += (next.empty() ? "" : ", ") + a.roles[i].role->title + " " +
              three_decimals(a.roles[i].similarity);
    }
    if (!next.empty()) out += "; then " + next;
  } else {
    out += "none (no keyword of a built-in role in the posting)";
  }
  out += "\n";
  if (a.title_role) out += "The title names: " + a.title_role->title + "\n";
  out += "Suggested headline: " + headline_text(a, m, sources) + "\n";

  out += "\nMatched (" + std::to_string(m.matched.size()) +
         "): keyword, weight, required or nice, " + "where the resume shows it\n";
  for (const MatchedKeyword& k : m.matched) {
    out += "  " + pad(k.keyword->text, 22) + pad(std::to_string(k.keyword->weight), 2) +
           pad(k.keyword->required ? "required" : "nice", 8);
    std::string ev;
    std::size_t shown = 0;
    for (const Occurrence& o : k.evidence) {
      if (shown == 3) break;
      ev += (ev.empty() ? "" : "; ") + place(o);
      ++shown;
    }
    if (k.evidence.size() > shown)
      ev += "; +" + std::to_string(k.evidence.size() - shown) + " more";
    if (k.credit < kCreditShown) ev += " (listed only: half credit)";
    out += ev + "\n";
  }
  std::size_t req = 0;
  for (const MatchedKeyword& k : m.missing) req += k.keyword->required;
  out += "\nMissing, required (" + std::to_string(req) + "):\n";
  for (const MatchedKeyword& k : m.missing) {
    if (!k.keyword->required) continue;
    out += "  " + pad(k.keyword->text, 22) + pad(std::to_string(k.keyword->weight), 2) +
           parts_text(*k.keyword) + "\n";
  }
  out += "Missing, nice to have (" + std::to_string(m.missing.size() - req) + "):\n";
  for (const MatchedKeyword& k : m.missing) {
    if (k.keyword->required) continue;
    out += "  " + pad(k.keyword->text, 22) + pad(std::to_string(k.keyword->weight), 2) +
           parts_text(*k.keyword) + "\n";
  }
  if (a.coverage.not_assessed.empty()) {
    out += "Not assessed: none found\n";
  } else {
    out += "Not assessed (" + std::to_string(a.coverage.not_assessed.size()) +
           "): asked for, but no profile, synonym or skill list knows the term:\n";
  }
  for (const NotAssessed& n : a.coverage.not_assessed) {
    out += "  " + pad(n.term, 22) + pad(to_string(n.part), 16) + "line" +
           (n.spans.size() > 1 ? "s" : "") + lines_of(n) + "\n";
  }
  out +=
      "\nScore = 100 x earned / total. A keyword earns its weight when a bullet, an entry's\n"
      "description or heading shows it, half its weight when only the skills list or the summary\n"
      "names it.\n"
      "Missing keywords are reported, never added: see docs/matching.md.\n";
  return out;
}

std::string render_match_json(const Posting& posting, const JobAnalysis& a, const MatchResult& m,
                              const std::string& resume_path, const model::SourceManager& sources) {
  std::string o = "{\n";
  o += "  \"resume\": " + base::json_quote(resume_path) + ",\n";
  o += "  \"job\": {\"path\": " + base::json_quote(posting.path) +
       ", \"title\": " + base::json_quote(posting.title) +
       ", \"company\": " + base::json_quote(posting.company) + "},\n";
  o += "  \"score\": " + one_decimal(m.score) + ",\n";
  o += "  \"earned\": " + one_decimal(m.earned) + ",\n";
  o += "  \"total\": " + std::to_string(m.total) + ",\n";
  o += "  \"requirement_lines\": {\"total\": " + std::to_string(a.coverage.requirement_lines) +
       ", \"understood\": " + std::to_string(a.coverage.understood_lines) + "},\n";
  o += "  \"formula\": \"score = 100 * sum(weight * credit) / sum(weight); credit 1 when a bullet, "
       "an entry description or an entry heading shows the keyword, 0.5 when only the skills or "
       "the summary name "
       "it, 0 when missing\",\n";
  o += "  \"nearest_role\": " + (a.nearest ? base::json_quote(a.nearest->title) : "null") + ",\n";
  o += "  \"title_role\": " + (a.title_role ? base::json_quote(a.title_role->title) : "null") +
       ",\n";
  o += "  \"similarity\": [";
  for (std::size_t i = 0; i < a.roles.size(); ++i) {
    o += std::string(i ? ",\n    " : "\n    ") +
         "{\"role\": " + base::json_quote(a.roles[i].role->title) +
         ", \"similarity\": " + three_decimals(a.roles[i].similarity) + "}";
  }
  o += a.roles.empty() ? "],\n" : "\n  ],\n";
  o += "  \"suggested_title\": " + base::json_quote(m.headline_after) + ",\n";
  o += "  \"headline\": {\"current\": " + base::json_quote(m.headline_before) +
       ", \"suggested\": " + base::json_quote(m.headline_after) +
       ", \"changed\": " + (m.headline_after != m.headline_before ? "true" : "false") +
       ", \"role\": " + (a.headline.role ? base::json_quote(a.headline.role->title) : "null") +
       ", \"rule\": " +
       (a.headline.rule ? base::json_quote(rule_file_line(a.headline.rule->span, sources))
                        : "null") +
       ", \"reason\": " + base::json_quote(a.headline.reason) + "},\n";
  auto keyword = [&](const MatchedKeyword& k, bool with_evidence) {
    const PostingKeyword& p = *k.keyword;
    std::string s = "{\"keyword\": " + base::json_quote(p.text) +
                    ", \"weight\": " + std::to_string(p.weight) +
                    ", \"required\": " + (p.required ? "true" : "false") +
                    ", \"nice\": " + (p.required ? "false" : "true") +
                    ", \"mentions\": " + std::to_string(p.mentions) + ", \"asked_in\": [";
    for (std::size_t i = 0; i < p.parts.size(); ++i) {
      s += std::string(i ? ", " : "") + base::json_quote(to_string(p.parts[i]));
    }
    s += "]";
    if (with_evidence) {
      s += ", \"credit\": " + one_decimal(k.credit) + ", \"evidence\": [";
      for (std::size_t i = 0; i < k.evidence.size(); ++i) {
        const Occurrence& e = k.evidence[i];
        s += std::string(i ? ",\n      " : "\n      ") +
             "{\"section\": " + base::json_quote(e.section) +
             ", \"entry\": " + (e.entry.empty() ? "null" : base::json_quote(e.entry)) +
             ", \"bullet\": " + (e.bullet > 0 ? std::to_string(e.bullet) : "null") +
             ", \"kind\": " + base::json_quote(e.kind) +
             ", \"line\": " + (e.span.known() ? std::to_string(e.span.line) : "null") + "}";
      }
      s += k.evidence.empty() ? "]" : "\n    ]";
    }
    return s + "}";
  };
  o += "  \"matched\": [";
  for (std::size_t i = 0; i < m.matched.size(); ++i) {
    o += std::string(i ? ",\n    " : "\n    ") + keyword(m.matched[i], true);
  }
  o += m.matched.empty() ? "],\n" : "\n  ],\n";
  o += "  \"missing\": [";
  for (std::size_t i = 0; i < m.missing.size(); ++i) {
    o += std::string(i ? ",\n    " : "\n    ") + keyword(m.missing[i], false);
  }
  o += m.missing.empty() ? "],\n" : "\n  ],\n";
  std::string req, nice;
  for (const MatchedKeyword& k : m.missing) {
    std::string& list = k.keyword->required ? req : nice;
    list += (list.empty() ? "" : ", ") + base::json_quote(k.keyword->text);
  }
  o += "  \"missing_required\": [" + req + "],\n";
  o += "  \"missing_nice\": [" + nice + "],\n";
  o += "  \"not_assessed\": [";
  for (std::size_t i = 0; i < a.coverage.not_assessed.size(); ++i) {
    const NotAssessed& n = a.coverage.not_assessed[i];
    o += std::string(i ? ",\n    " : "\n    ") + "{\"term\": " + base::json_quote(n.term) +
         ", \"asked_in\": " + base::json_quote(to_string(n.part)) + ", \"lines\": [";
    for (std::size_t k = 0; k < n.spans.size(); ++k) {
      o += std::string(k ? ", " : "") + std::to_string(n.spans[k].line);
    }
    o += "]}";
  }
  o += a.coverage.not_assessed.empty() ? "]\n" : "\n  ]\n";
  return o + "}\n";
}

}  // namespace tailor::transform
