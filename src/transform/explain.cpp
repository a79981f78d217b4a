// --explain details (see explain.hpp).
#include "transform/explain.hpp"

#include "base/json_text.hpp"
#include "base/strings.hpp"
#include "transform/engine.hpp"
#include "transform/profile.hpp"

namespace tailor::transform {

using model::SourceManager;
using model::SourceSpan;

std::string span_text(const SourceSpan& s, const SourceManager& sources) {
  if (!s.known() || !s.file_id) return {};
  return sources.path(s.file_id) + ":" + std::to_string(s.line) + ":" + std::to_string(s.col);
}

namespace {

std::string q(const std::string& s) { return "\"" + s + "\""; }

// Asked only when explaining: a lookup over the lexicon's tools.
KeywordKind kind_of(const Report& rep, std::size_t k) {
  return rep.lexicon ? rep.lexicon->kind_of(rep.profile->keywords[k].text) : KeywordKind::Practice;
}

std::string mention_list(const std::vector<Occurrence>& os, const SourceManager& sources) {
  std::vector<std::string> parts;
  for (const Occurrence& o : os) {
    std::string at = span_text(o.span, sources);
    parts.push_back((at.empty() ? o.kind : at) + " " + q(o.written) + " (" + o.kind +
                    (o.entry.empty() ? "" : ", " + o.entry) + ")");
  }
  return base::join(parts, "; ");
}

void json_mentions(std::string& out, const std::vector<Occurrence>& os,
                   const SourceManager& sources) {
  out += "[";
  for (std::size_t i = 0; i < os.size(); ++i) {
    const Occurrence& o = os[i];
    if (i) out += ",";
    out += "{\"at\":" + base::json_quote(span_text(o.span, sources));
    out += ",\"written\":" + base::json_quote(o.written);
    out += ",\"kind\":" + base::json_quote(o.kind);
    out += ",\"section\":" + base::json_quote(o.section);
    out += ",\"entry\":" + base::json_quote(o.entry);
    out += ",\"points\":" + std::to_string(o.points) + "}";
  }
  out += "]";
}

void json_strings(std::string& out, const std::vector<std::string>& v) {
  out += "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + base::json_quote(v[i]);
  out += "]";
}

}  // namespace

std::string explain_text(const Report& rep, const SourceManager& sources) {
  std::string out;
  const TitleDecision& td = rep.title;
  const Profile* p = rep.profile;
  if (!p) return out;
  out += "tailor: title: " +
         (td.before == td.after ? "kept " + q(td.before) : q(td.before) + " -> " + q(td.after)) +
         (td.reason.empty() ? "" : " (" + td.reason + ")") + "\n";
  for (const RuleCheck& rc : td.rules) {
    std::string at = span_text(rc.rule->span, sources);
    out += (at.empty() ? "tailor" : at) + ": title rule " + q(rc.rule->title) + ": " +
           (rc.holds ? "holds" : "fails") + "\n";
    for (const std::string& s : rc.passed) out += "  met: " + s + "\n";
    for (const std::string& s : rc.failed) out += "  failed: " + s + "\n";
    if (!rc.holds && !(rc.missing.empty() && rc.missing_defining.empty())) {
      std::vector<std::string> all = rc.missing_defining;
      all.insert(all.end(), rc.missing.begin(), rc.missing.end());
      out += "  still missing: " + base::join(all) + "\n";
    }
    for (std::size_t d : rc.defining) {
      const DefiningResult& dr = rep.evidence.defining[d];
      if (dr.mentions.empty()) continue;
      out += "  defining " + p->defining[d].name + " (" + p->defining[d].label +
             "): " + mention_list(dr.mentions, sources) + "\n";
    }
  }
  for (std::size_t k : td.counted) {
    const Keyword& kw = p->keywords[k];
    const KeywordEvidence& ke = rep.evidence.keywords[k];
    out += "  counted: " + kw.text + " (weight " + std::to_string(kw.weight) + ", " +
           to_string(kind_of(rep, k)) + ", group " + kw.group + ", score " +
           std::to_string(ke.score) + "): " + mention_list(ke.occurrences, sources) + "\n";
  }
  for (const BulletNote& b : rep.bullets) {
    std::string at = span_text(b.span, sources);
    out += (at.empty() ? "tailor" : at) + ": " + b.what + ": " + b.where + " by " +
           (b.keywords.empty() ? "no keyword" : base::join(b.keywords)) + "\n";
  }
  return out;
}

std::string render_report_json(const Report& rep, const SourceManager& sources) {
  std::string out = "{\"role\":" + base::json_quote(rep.role);
  out += ",\"evidence\":{";
  bool first = true;
  for (const auto& [g, v] : rep.evidence.groups) {
    out += (first ? "" : ",") + base::json_quote(g) + ":" + std::to_string(v);
    first = false;
  }
  out += "}";
  const TitleDecision& td = rep.title;
  out += ",\"title\":{\"before\":" + base::json_quote(td.before) +
         ",\"after\":" + base::json_quote(td.after) +
         ",\"changed\":" + (td.before != td.after ? "true" : "false") +
         ",\"reason\":" + base::json_quote(td.reason) +
         ",\"language\":" + base::json_quote(td.language) + ",\"rules\":[";
  const Profile* p = rep.profile;
  for (std::size_t i = 0; i < td.rules.size(); ++i) {
    const RuleCheck& rc = td.rules[i];
    if (i) out += ",";
    out += "{\"title\":" + base::json_quote(rc.rule->title) +
           ",\"at\":" + base::json_quote(span_text(rc.rule->span, sources)) +
           ",\"holds\":" + (rc.holds ? "true" : "false") + ",\"met\":";
    json_strings(out, rc.passed);
    out += ",\"failed\":";
    json_strings(out, rc.failed);
    out += ",\"missing\":";
    json_strings(out, rc.holds ? std::vector<std::string>{} : rc.missing);
    out += ",\"missing_defining\":";
    json_strings(out, rc.holds ? std::vector<std::string>{} : rc.missing_defining);
    out += ",\"defining\":[";
    for (std::size_t j = 0; j < rc.defining.size(); ++j) {
      std::size_t d = rc.defining[j];
      const DefiningResult& dr = rep.evidence.defining[d];
      out += (j ? "," : "") + std::string("{\"name\":") + base::json_quote(p->defining[d].name) +
             ",\"label\":" + base::json_quote(p->defining[d].label) +
             ",\"holds\":" + (dr.holds ? "true" : "false") +
             ",\"places\":" + std::to_string(dr.places.size()) +
             ",\"strength\":" + std::to_string(dr.strength) + ",\"mentions\":";
      json_mentions(out, dr.mentions, sources);
      out += "}";
    }
    out += "]}";
  }
  out += "],\"counted\":[";
  for (std::size_t i = 0; p && i < td.counted.size(); ++i) {
    std::size_t k = td.counted[i];
    const Keyword& kw = p->keywords[k];
    const KeywordEvidence& ke = rep.evidence.keywords[k];
    out += (i ? "," : "") + std::string("{\"keyword\":") + base::json_quote(kw.text) +
           ",\"weight\":" + std::to_string(kw.weight) +
           ",\"kind\":" + base::json_quote(to_string(kind_of(rep, k))) +
           ",\"group\":" + base::json_quote(kw.group) + ",\"score\":" + std::to_string(ke.score) +
           ",\"mentions\":";
    json_mentions(out, ke.occurrences, sources);
    out += "}";
  }
  out += "]},\"bullets\":[";
  for (std::size_t i = 0; i < rep.bullets.size(); ++i) {
    const BulletNote& b = rep.bullets[i];
    out += (i ? "," : "") + std::string("{\"what\":") + base::json_quote(b.what) +
           ",\"where\":" + base::json_quote(b.where) +
           ",\"at\":" + base::json_quote(span_text(b.span, sources)) + ",\"keywords\":";
    json_strings(out, b.keywords);
    out += "}";
  }
  out += "],\"changes\":[";
  for (std::size_t i = 0; i < rep.changes.size(); ++i) {
    const Change& c = rep.changes[i];
    out += (i ? "," : "") + std::string("{\"what\":") + base::json_quote(c.what) +
           ",\"detail\":" + base::json_quote(c.detail) +
           ",\"reason\":" + base::json_quote(c.reason) +
           ",\"rule\":" + base::json_quote(span_text(c.rule, sources)) + "}";
  }
  out += "]}";
  return out;
}

std::string explain_role_evidence(const model::Document& doc, const Profile& role,
                                  const RuleSet& rules, const SourceManager& sources) {
  model::Document copy = doc;
  TailorOptions opt;
  opt.rules = &rules;
  Report rep = tailor(copy, role, rules.lexicon, opt);
  return "tailor: evidence for the headline's role " + q(role.title) + ":\n" +
         explain_text(rep, sources);
}

}  // namespace tailor::transform
