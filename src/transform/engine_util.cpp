// Small helpers shared by the rule engine's steps.
#include "transform/engine_util.hpp"

#include <algorithm>
#include <map>

#include "transform/tokens.hpp"

namespace tailor::transform::detail {

using namespace tailor::model;

namespace {
int date_key(const Date& d) { return d.present ? 1000000 : d.year * 13 + d.month; }
}  // namespace

std::string quote(const std::string& s) { return "\"" + s + "\""; }

bool skill_section(const Section& s) {
  return s.kind != SectionKind::Languages && s.kind != SectionKind::Interests;
}

std::string entry_label(const Entry& e) {
  if (e.role.empty()) return e.organisation;
  if (e.organisation.empty()) return e.role;
  return e.role + ", " + e.organisation;
}

int entry_key(const Entry& e) {
  int end = date_key(e.dates.end);
  return end ? end : date_key(e.dates.start);
}

int relevance(const std::vector<std::size_t>& kws, const Profile& p) {
  std::map<std::string, int> best;
  for (std::size_t k : kws) {
    int& w = best[lower(p.keywords[k].text)];
    w = std::max(w, p.keywords[k].weight);
  }
  int r = 0;
  for (const auto& [term, w] : best) r += w;
  return r;
}

std::vector<std::string> keyword_names(const std::vector<std::size_t>& kws, const Profile& p) {
  std::vector<std::string> out;
  for (std::size_t k : kws) {
    if (std::find(out.begin(), out.end(), p.keywords[k].text) == out.end()) {
      out.push_back(p.keywords[k].text);
    }
  }
  return out;
}

// The heaviest keyword's span: the rule to cite for an ordering decision.
SourceSpan strongest(const std::vector<std::size_t>& kws, const Profile& p) {
  SourceSpan best;
  int w = 0;
  for (std::size_t k : kws) {
    if (p.keywords[k].weight > w) {
      w = p.keywords[k].weight;
      best = p.keywords[k].span;
    }
  }
  return best;
}

// Stable order of indices 0..n-1 by descending score.
std::vector<std::size_t> ranked(const std::vector<int>& score) {
  std::vector<std::size_t> idx(score.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
  return idx;
}

}  // namespace tailor::transform::detail
