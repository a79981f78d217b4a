// tailor roles [NAME]: lists the role profiles, or shows one.
#include <algorithm>
#include <optional>
#include <ostream>

#include "cli/options.hpp"
#include "cli/roles.hpp"
#include "transform/basic.hpp"
#include "transform/engine.hpp"
#include "transform/rules.hpp"

namespace tailor::cli {

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// A --rules profile's alias or file stem that already names another profile never selects
/// it: --role NAME finds the first profile with that name. Say so instead of letting one
/// silently shadow the other (a profile with a built-in's title replaces it, on purpose).
void warn_name_clashes(const transform::RuleSet& rules, const std::vector<std::string>& rules_files,
                       diag::Diagnostics& diags) {
  for (const transform::Profile& p : rules.profiles) {
    if (!std::count(rules_files.begin(), rules_files.end(), p.path)) continue;
    std::vector<std::string> names = p.aliases;
    if (!p.stem.empty()) names.push_back(p.stem);
    for (const std::string& n : names) {
      const transform::Profile* chosen = transform::find_profile(rules, n);
      if (!chosen || chosen == &p) continue;
      if (lower_ascii(n) == lower_ascii(p.title)) continue;
      bool builtin = !std::count(rules_files.begin(), rules_files.end(), chosen->path);
      diag::Diagnostic& d = diags.warning(
          p.span, "'" + n + "', a name of role \"" + p.title + "\", already names the " +
                      (builtin ? "built-in " : "") + "role \"" + chosen->title + "\"; --role " + n +
                      " selects \"" + chosen->title + "\"");
      if (!p.span.known()) d.path = p.path;
      d.hints.push_back("give \"" + p.title +
                        "\" an alias of its own, or rename the file; "
                        "to replace the built-in, use its title: role \"" +
                        chosen->title + "\"");
    }
  }
}

}  // namespace

int load_roles(Context& ctx, const std::vector<std::string>& rules_files, transform::RuleSet& rules,
               const std::vector<std::string>& only) {
  diag::Diagnostics diags;
  // A build for named built-in roles parses only their files and the lexicon.
  std::optional<bool> selected;
  if (rules_files.empty() && !only.empty()) {
    selected = transform::load_builtin_rules_for(ctx.sources, rules, diags, only);
  }
  bool ok = selected ? *selected : transform::load_builtin_rules(ctx.sources, rules, diags);
  for (const std::string& f : rules_files) {
    ok = transform::load_rules_file(f, ctx.sources, rules, diags, true) && ok;
  }
  if (ok) warn_name_clashes(rules, rules_files, diags);
  ctx.report(diags);
  return ok ? 0 : input_failure_code(diags);
}

bool resolve_roles(Context& ctx, const transform::RuleSet& rules,
                   const std::vector<std::string>& names,
                   const std::vector<std::string>& rules_files,
                   std::vector<const transform::Profile*>& out) {
  if (names.empty()) {
    for (const transform::Profile& p : rules.profiles) {
      if (std::count(rules_files.begin(), rules_files.end(), p.path)) out.push_back(&p);
    }
    return true;
  }
  bool ok = true;
  for (const std::string& n : names) {
    if (const transform::Profile* p = transform::find_profile(rules, n)) {
      out.push_back(p);
      continue;
    }
    diag::Diagnostic d;
    d.message = "unknown role '" + n + "'";
    std::vector<std::string> near = transform::closest_profile_names(rules, n);
    if (!near.empty()) {
      std::string list;
      for (const std::string& s : near) list += (list.empty() ? "\"" : ", \"") + s + "\"";
      d.hints.push_back("did you mean " + list + "?");
    }
    std::string known;
    for (const transform::Profile& p : rules.profiles) {
      known += (known.empty() ? "" : ", ") + p.title;
    }
    d.hints.push_back("known roles: " + known + "; --rules FILE adds your own");
    diag::Diagnostics diags;
    diags.add(std::move(d));
    ctx.report(diags);
    ok = false;
  }
  return ok;
}

int check_explain(Context& ctx, BuildRequest& req) {
  req.explain = !req.explain_format.empty();
  if (req.explain && req.explain_format != "text" && req.explain_format != "json") {
    return usage_error(ctx, "--explain takes text or json, not '" + req.explain_format + "'");
  }
  return -1;
}

void add_role_options(po::options_description& desc, BuildRequest& req, std::string& roles) {
  desc.add_options()("role", po::value(&roles),
                     "tailor to roles, comma-separated (see 'tailor roles')")(
      "rules", po::value(&req.rules_file), "load role profiles from this .rules file")(
      "explain", po::value(&req.explain_format)->implicit_value("text")->value_name("FORMAT"),
      "print every tailoring change to stderr; --explain=json as one JSON document")(
      "max-skills", po::value(&req.max_skills), "keep only the N most relevant skills")(
      "max-bullets", po::value(&req.max_bullets), "keep the N most relevant bullets per entry")(
      "keep-order", po::bool_switch(&req.keep_order), "tailor without reordering");
}

int prepare_roles(Context& ctx, const BuildRequest& req, RoleTargets& targets) {
  if (req.max_skills < 0 || req.max_bullets < 0) {
    return usage_error(ctx, "--max-skills and --max-bullets take a positive number");
  }
  bool tailoring = !req.roles.empty() || !req.rules_file.empty();
  if (!tailoring && (req.max_skills || req.max_bullets || req.keep_order || req.explain)) {
    return usage_error(ctx,
                       "--explain, --max-skills, --max-bullets and --keep-order need --role or "
                       "--rules");
  }
  if (!tailoring) return -1;
  std::vector<std::string> files;
  if (!req.rules_file.empty()) files.push_back(req.rules_file);
  if (int rc = load_roles(ctx, files, targets.rules, req.roles)) return rc;
  if (!resolve_roles(ctx, targets.rules, req.roles, files, targets.profiles)) {
    return code(diag::ExitCode::InputError);
  }
  if (targets.profiles.empty()) return usage_error(ctx, req.rules_file + " defines no role");
  if (!req.output.empty() && targets.profiles.size() > 1) {
    return usage_error(ctx, "-o takes one role; use --out-dir for several");
  }
  for (const transform::Profile* p : targets.profiles) {
    targets.indexes.push_back(
        std::make_unique<const transform::KeywordIndex>(*p, targets.rules.lexicon));
  }
  return -1;
}

std::string apply_role(const BuildRequest& req, const RoleTargets& targets,
                       const transform::Profile* profile, model::Document& doc,
                       const std::vector<model::SectionKind>& fallback,
                       const model::SourceManager& sources) {
  if (!profile) {
    transform::select_variants(doc, {});
    transform::order_sections(doc, fallback);
    return {};
  }
  const transform::KeywordIndex* index = nullptr;
  for (std::size_t i = 0; i < targets.profiles.size() && i < targets.indexes.size(); ++i) {
    if (targets.profiles[i] == profile) index = targets.indexes[i].get();
  }
  transform::TailorOptions options{req.max_skills, req.max_bullets, req.keep_order, &targets.rules,
                                   index};
  transform::Report report = transform::tailor(doc, *profile, targets.rules.lexicon, options);
  if (profile->sections.empty() || req.keep_order) transform::order_sections(doc, fallback);
  if (!req.explain) return {};
  if (req.explain_format == "json") return transform::render_report_json(report, sources) + "\n";
  return transform::render_report(report, sources);
}

int cmd_roles(Context& ctx) {
  po::options_description desc("roles options");
  std::vector<std::string> rules_files;
  desc.add_options()("rules", po::value(&rules_files)->composing(),
                     "also load this .rules file (repeatable)");
  po::variables_map vm;
  if (int rc = parse_command_line(ctx, "tailor roles [OPTIONS] [NAME]", desc, vm, "name");
      rc >= 0) {
    return rc;
  }
  transform::RuleSet rules;
  if (int rc = load_roles(ctx, rules_files, rules)) return rc;
  std::vector<std::string> names;
  if (vm.count("name")) names = vm["name"].as<std::vector<std::string>>();
  if (names.empty()) {
    for (const transform::Profile& p : rules.profiles) {
      std::string t = p.title + " (" + p.stem + ")";
      print_text(ctx,
                 t + std::string(t.size() < 44 ? 44 - t.size() : 1, ' ') + p.description + "\n");
    }
    return 0;
  }
  std::vector<const transform::Profile*> found;
  if (!resolve_roles(ctx, rules, names, {}, found)) {
    return code(diag::ExitCode::InputError);
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i) ctx.out << "\n";
    print_text(ctx, transform::describe_profile(*found[i], ctx.sources));
  }
  return 0;
}

}  // namespace tailor::cli
