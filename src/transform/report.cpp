// The --explain report and `tailor roles NAME` (see report.hpp).
#include "transform/report.hpp"

#include "base/strings.hpp"
#include "transform/engine_util.hpp"
#include "transform/explain.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::quote;

std::string render_report(const Report& rep, const SourceManager& sources) {
  std::string out = "tailor: role " + quote(rep.role) + "; evidence:";
  for (const auto& [g, v] : rep.evidence.groups) out += " " + g + " " + std::to_string(v);
  out += "\n";
  out += explain_text(rep, sources);
  for (const Change& c : rep.changes) {
    std::string where = "tailor";
    if (c.rule.known() && c.rule.file_id) {
      where = sources.path(c.rule.file_id) + ":" + std::to_string(c.rule.line);
    }
    out += where + ": " + c.what + ": " + c.detail;
    if (!c.reason.empty()) out += " (" + c.reason + ")";
    out += "\n";
  }
  return out;
}

std::string describe_profile(const Profile& p, const SourceManager& sources) {
  std::string out = p.title + "\n";
  if (!p.description.empty()) out += "  " + p.description + "\n";
  if (!p.aliases.empty() || !p.stem.empty()) {
    std::vector<std::string> names = p.aliases;
    bool stem_known = false;
    for (const std::string& a : names) stem_known = stem_known || lower(a) == lower(p.stem);
    if (!p.stem.empty() && !stem_known) names.push_back(p.stem);
    out += "  names: " + base::join(names) + "\n";
  }
  if (p.span.known() && p.span.file_id) out += "  file: " + sources.path(p.span.file_id) + "\n";
  for (const EvidenceGroup& g : p.groups) {
    out += "\n  group " + g.name + (g.label.empty() ? "" : " (" + quote(g.label) + ")") + "\n";
    for (int w = 9; w >= 1; --w) {
      std::vector<std::string> items;
      for (const Keyword& k : p.keywords) {
        if (k.group == g.name && k.weight == w) items.push_back(k.text);
      }
      if (items.empty()) continue;
      std::string label = w == 3 ? "core" : w == 1 ? "supporting" : "weight " + std::to_string(w);
      out += "    " + label + ": " + base::join(items) + "\n";
    }
  }
  if (!p.titles.empty()) out += "\n  titles, first satisfied wins:\n";
  for (const TitleRule& r : p.titles) {
    std::vector<std::string> branches;
    for (const auto& chain : r.any_of) {
      std::vector<std::string> conds;
      for (const Condition& c : chain) {
        conds.push_back(c.group + " " + op_text(c.op) + " " +
                        (c.other_group.empty() ? std::to_string(c.number) : c.other_group));
      }
      branches.push_back(base::join(conds, " and "));
    }
    out += "    " + quote(r.title) + " when " + base::join(branches, " or ") +
           (r.requires_.empty() ? "" : " requires " + base::join(r.requires_, " and ")) + "\n";
  }
  if (!p.defining.empty()) out += "\n  defining evidence:\n";
  for (const DefiningEvidence& d : p.defining) {
    out += "    " + d.name + " (" + d.label + "): " + base::join(d.terms) +
           (d.with.empty() ? "" : " with " + base::join(d.with)) + "; " + std::to_string(d.places) +
           " independent places\n";
  }
  if (p.fallback) {
    out += "  fallback: never replaces a more specific title; replaces only " +
           (p.fallback_replaces.empty() ? std::string("its own title and aliases")
                                        : base::join(p.fallback_replaces)) +
           " (seniority words aside)\n";
  }
  if (!p.sections.empty()) {
    std::vector<std::string> names;
    for (SectionKind k : p.sections) names.push_back(to_string(k));
    out += "\n  sections: " + base::join(names) + "\n";
  }
  if (!p.summary_tags.empty()) out += "  summary tags: " + base::join(p.summary_tags) + "\n";
  return out;
}

}  // namespace tailor::transform
