// Loading and checking .rules files: names a grammar cannot check, duplicate roles, folders.
#include "transform/rules.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/strings.hpp"
#include "data/files.hpp"
#include "reader/reader.hpp"
#include "transform/profile_names.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

namespace {

bool connector(const std::string& w) {
  return w == "&" || w == "and" || w == "/" || w == "-" || w == "+" || w == "," || w == "|";
}

std::vector<std::string> group_names(const Profile& p) {
  std::vector<std::string> out;
  for (const EvidenceGroup& g : p.groups) out.push_back(g.name);
  return out;
}

void unknown_group(const Profile& p, const std::string& name, const model::SourceSpan& at,
                   diag::Diagnostics& diags, std::vector<std::string>* reported = nullptr) {
  if (reported) {
    if (std::count(reported->begin(), reported->end(), name)) return;
    reported->push_back(name);
  }
  diag::Diagnostic& d = diags.error(at, "unknown group '" + name + "'");
  std::vector<std::string> near = did_you_mean(name, group_names(p));
  if (!near.empty()) d.hints.push_back("did you mean '" + near.front() + "'?");
  d.hints.push_back("declare it first: group " + name + " \"Title Word\"");
}

}  // namespace

bool validate_profile(const Profile& p, diag::Diagnostics& diags) {
  std::size_t before = diags.error_count();
  if (p.title.empty()) diags.error(p.span, "the role's title is empty");
  for (std::size_t i = 0; i < p.groups.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (p.groups[j].name == p.groups[i].name) {
        diags.error(p.groups[i].span, "group '" + p.groups[i].name + "' is declared twice");
      }
    }
  }
  std::vector<std::string> reported;
  for (const Keyword& k : p.keywords) {
    if (!p.group(k.group)) unknown_group(p, k.group, k.span, diags, &reported);
    if (k.weight < 1 || k.weight > 9) {
      diags.error(k.span, "weight " + std::to_string(k.weight) + " is out of range")
          .hints.push_back("use core (3), supporting (1) or a number from 1 to 9");
    }
    if (tokenize(k.text).empty()) diags.error(k.span, "empty keyword");
  }
  for (const DefiningEvidence& d : p.defining) {
    for (const DefiningEvidence& e : p.defining) {
      if (&e == &d) break;
      if (e.name == d.name)
        diags.error(d.span, "defining evidence '" + d.name + "' is declared twice");
    }
    if (d.places < 1 || d.places > 9) {
      diags.error(d.span, "places " + std::to_string(d.places) + " is out of range")
          .hints.push_back("use a number of independent places from 1 to 9 (default 2)");
    }
  }
  for (const TitleRule& r : p.titles) {
    for (std::size_t i = 0; i < r.requires_.size(); ++i) {
      if (p.defining_evidence(r.requires_[i])) continue;
      std::vector<std::string> names;
      for (const DefiningEvidence& d : p.defining) names.push_back(d.name);
      diag::Diagnostic& d =
          diags.error(r.requires_spans[i], "unknown defining evidence '" + r.requires_[i] + "'");
      std::vector<std::string> near = did_you_mean(r.requires_[i], names);
      if (!near.empty()) d.hints.push_back("did you mean '" + near.front() + "'?");
      d.hints.push_back("declare it first: defining " + r.requires_[i] +
                        " \"what it is\": \"term\", ...");
    }
  }
  std::vector<std::string> title_words;
  for (const std::string& w : base::split_words(p.title)) title_words.push_back(lower(w));
  for (const TitleRule& r : p.titles) {
    bool groups_ok = true;
    for (const auto& chain : r.any_of) {
      for (const Condition& c : chain) {
        if (!p.group(c.group)) {
          unknown_group(p, c.group, c.span, diags);
          groups_ok = false;
        }
        if (!c.other_group.empty() && !p.group(c.other_group)) {
          unknown_group(p, c.other_group, c.other_span, diags);
          groups_ok = false;
        }
      }
    }
    if (!groups_ok) continue;
    // Truthful titles: each word is a word of the role's title, or the title word of a group
    // that every branch of the condition requires to have evidence.
    for (const std::string& w : base::split_words(r.title)) {
      std::string lw = lower(w);
      if (connector(lw) || std::count(title_words.begin(), title_words.end(), lw)) continue;
      bool licensed = !r.any_of.empty();
      for (const auto& chain : r.any_of) {
        bool here = false;
        for (const Condition& c : chain) {
          const EvidenceGroup* g = p.group(c.group);
          bool requires_evidence = c.other_group.empty()
                                       ? ((c.op == CompareOp::GreaterEqual && c.number >= 1) ||
                                          (c.op == CompareOp::Greater && c.number >= 0))
                                       : false;
          if (!g || !requires_evidence) continue;
          for (const std::string& lab : base::split_words(g->label))
            here = here || lower(lab) == lw;
        }
        licensed = licensed && here;
      }
      if (!licensed) {
        diag::Diagnostic& d =
            diags.error(r.span, "title word '" + w + "' is not licensed by the evidence");
        d.hints.push_back("a title may use the words of \"" + p.title +
                          "\" and the title word of a group its condition requires, e.g. "
                          "group backend \"Backend\" with backend >= 6");
      }
    }
  }
  return diags.error_count() == before;
}

bool load_rules_file(const std::string& path, model::SourceManager& sources, RuleSet& rules,
                     diag::Diagnostics& diags, bool replace) {
  std::uint32_t id = 0;
  if (std::optional<std::string_view> builtin = data::builtin_text(path)) {
    id = sources.add(path, std::string(*builtin));
  } else {
    id = reader::load_source(path, sources, diags);
  }
  if (id == 0) return false;
  RuleFile file;
  bool ok = parse_rules_text(id, sources.text(id), file, diags);
  if (!ok) return false;
  auto& lex = rules.lexicon;
  lex.synonyms.insert(lex.synonyms.end(), file.lexicon.synonyms.begin(),
                      file.lexicon.synonyms.end());
  lex.cased.insert(lex.cased.end(), file.lexicon.cased.begin(), file.lexicon.cased.end());
  lex.tools.insert(lex.tools.end(), file.lexicon.tools.begin(), file.lexicon.tools.end());
  lex.guards.insert(lex.guards.end(), file.lexicon.guards.begin(), file.lexicon.guards.end());
  for (const SeniorityWords& s : file.lexicon.seniority_by_language) {
    lex.seniority_by_language.push_back(s);
  }
  if (!file.lexicon.seniority.empty()) {
    lex.seniority.insert(lex.seniority.end(), file.lexicon.seniority.begin(),
                         file.lexicon.seniority.end());
    if (!lex.seniority_span.known()) lex.seniority_span = file.lexicon.seniority_span;
  }
  Profile& p = file.profile;
  if (!file.has_role) {
    model::SourceSpan at = !p.keywords.empty()   ? p.keywords.front().span
                           : !p.titles.empty()   ? p.titles.front().span
                           : !p.groups.empty()   ? p.groups.front().span
                           : !p.defining.empty() ? p.defining.front().span
                                                 : model::SourceSpan{};
    if (at.known() || !p.aliases.empty() || !p.description.empty() || !p.sections.empty() ||
        !p.summary_tags.empty() || p.fallback) {
      if (!at.known()) at = model::SourceSpan{id, 1, 1, 1, 1};
      diags.error(at, "this file states a profile but has no 'role' directive")
          .hints.push_back("start the profile with: role \"Your Title\"");
      return false;
    }
    return true;
  }
  if (!validate_profile(p, diags)) return false;
  p.path = path;
  p.stem = std::filesystem::path(path).stem().string();
  for (Profile& other : rules.profiles) {
    if (lower(other.title) != lower(p.title)) continue;
    if (replace && other.path != path) {
      other = std::move(p);
      return true;
    }
    diags
        .error(p.span, "role \"" + p.title + "\" is already defined by " +
                           std::filesystem::path(other.path).filename().string())
        .hints.push_back("each profile needs its own title");
    return false;
  }
  rules.profiles.push_back(std::move(p));
  return true;
}

namespace {

// The lexicon first (profiles use its synonyms), then the built-ins, then the user's
// profiles, which replace a built-in of the same title.
int load_rank(const data::File& f) {
  return f.name == "lexicon.rules" ? 0 : data::is_builtin(f.path) ? 1 : 2;
}

std::vector<data::File> rules_files_in_load_order() {
  std::vector<data::File> files = data::list("roles", ".rules");
  std::stable_sort(files.begin(), files.end(), [](const data::File& a, const data::File& b) {
    return load_rank(a) < load_rank(b);
  });
  return files;
}

}  // namespace

bool load_builtin_rules(model::SourceManager& sources, RuleSet& rules, diag::Diagnostics& diags) {
  bool ok = true;
  for (const data::File& f : rules_files_in_load_order()) {
    ok = load_rules_file(f.path, sources, rules, diags, load_rank(f) == 2) && ok;
  }
  return ok;
}

std::optional<bool> load_builtin_rules_for(model::SourceManager& sources, RuleSet& rules,
                                           diag::Diagnostics& diags,
                                           const std::vector<std::string>& names) {
  if (names.empty()) return std::nullopt;
  std::vector<data::File> files = rules_files_in_load_order();
  std::vector<bool> wanted(files.size(), false);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (load_rank(files[i]) == 2) return std::nullopt;  // a user's profile: load them all
    if (load_rank(files[i]) == 0) wanted[i] = true;
  }
  std::vector<ProfileNames> scanned(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (load_rank(files[i]) == 0) continue;
    std::optional<std::string_view> text = data::builtin_text(files[i].path);
    std::optional<ProfileNames> n = text ? scan_profile_names(*text) : std::nullopt;
    // A profile the scan cannot read, or one that adds to the shared lexicon, is parsed
    // whoever asks: so is every other.
    if (!n || n->shares_lexicon) return std::nullopt;
    scanned[i] = std::move(*n);
  }
  // Each name selects what find_profile would: the first profile, in load order, whose
  // title, alias or file stem it is, ignoring case.
  for (const std::string& name : names) {
    std::string want = lower(name);
    bool found = false;
    for (std::size_t i = 0; i < files.size() && !found; ++i) {
      if (load_rank(files[i]) == 0) continue;
      std::vector<std::string> all = scanned[i].aliases;
      all.push_back(scanned[i].title);
      all.push_back(std::filesystem::path(files[i].path).stem().string());
      for (const std::string& n : all) found = found || lower(n) == want;
      if (!found) continue;
      // The generalist looks at every other profile's titles (titles.cpp).
      if (scanned[i].fallback) return std::nullopt;
      wanted[i] = true;
    }
    if (!found) return std::nullopt;  // an unknown name: its message lists every role
  }
  bool ok = true;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (wanted[i]) ok = load_rules_file(files[i].path, sources, rules, diags) && ok;
  }
  return ok;
}

}  // namespace tailor::transform
