#include "cli/batch_plan.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "base/sha256.hpp"
#include "base/slug.hpp"

namespace tailor::cli::batch {

namespace fs = std::filesystem;

namespace {

/// {stem}: the file name without its extension; "stdin" for standard input ("-").
std::string input_stem(const std::string& path) {
  return path == "-" ? "stdin" : fs::path(path).stem().string();
}

/// Walks a template, calling lit(text) for literal text and ph(name) for placeholders.
/// Returns an error message, or empty.
template <class Lit, class Ph>
std::string walk(std::string_view t, Lit lit, Ph ph) {
  std::size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      lit("{");
      i += 2;
    } else if (c == '}' && i + 1 < t.size() && t[i + 1] == '}') {
      lit("}");
      i += 2;
    } else if (c == '{') {
      std::size_t close = t.find('}', i);
      if (close == std::string_view::npos) {
        return "unclosed '{' at character " + std::to_string(i + 1) + " of --name";
      }
      std::string_view name = t.substr(i + 1, close - i - 1);
      if (std::string e = ph(name); !e.empty()) return e;
      i = close + 1;
    } else if (c == '}') {
      return "unmatched '}' at character " + std::to_string(i + 1) +
             " of --name (write '}}' for a literal brace)";
    } else {
      lit(std::string_view(&t[i], 1));
      ++i;
    }
  }
  return {};
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

/// Absolute, lexically normal form of a path, for comparisons before the file exists.
std::string lexical_key(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(p), ec);
  if (ec) abs = fs::path(p);
  std::string s = abs.lexically_normal().generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::string placeholder_list() {
  std::string s;
  for (std::string_view p : placeholders()) s += (s.empty() ? "{" : ", {") + std::string(p) + "}";
  return s;
}

}  // namespace

const std::vector<std::string_view>& placeholders() {
  static const std::vector<std::string_view> kNames = {"stem",   "role",  "ext",
                                                       "format", "style", "ref"};
  return kNames;
}

std::string check_template(std::string_view tmpl) {
  if (tmpl.empty()) return "--name must not be empty";
  for (char c : tmpl) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return "--name must not contain control characters";
  }
  int used = 0;
  std::string err = walk(
      tmpl, [](std::string_view) {},
      [&](std::string_view name) -> std::string {
        for (std::string_view p : placeholders()) {
          if (name == p) {
            ++used;
            return {};
          }
        }
        return "unknown placeholder {" + std::string(name) +
               "} in --name; known: " + placeholder_list();
      });
  if (!err.empty()) return err;
  if (used == 0) {
    return "--name needs at least one placeholder (" + placeholder_list() +
           "), or every output would get the same name";
  }
  return {};
}

bool template_uses(std::string_view tmpl, std::string_view name) {
  bool found = false;
  walk(
      tmpl, [](std::string_view) {},
      [&](std::string_view n) -> std::string {
        found = found || n == name;
        return {};
      });
  return found;
}

std::string expand_template(std::string_view tmpl, const NameFields& f) {
  std::string out;
  walk(
      tmpl, [&](std::string_view s) { out += s; },
      [&](std::string_view n) -> std::string {
        if (n == "stem") out += f.stem;
        if (n == "role") out += f.role;
        if (n == "ext") out += f.ext;
        if (n == "format") out += f.format;
        if (n == "style") out += f.style;
        if (n == "ref") out += f.ref;
        return {};
      });
  return out;
}

std::optional<std::string> contained_relative(std::string_view name, std::string& error) {
  if (name.empty()) {
    error = "the output name is empty";
    return std::nullopt;
  }
  if (name.find('\0') != std::string_view::npos) {
    error = "the output name contains a NUL character";
    return std::nullopt;
  }
  fs::path p{std::string(name)};
  if (p.is_absolute() || name.front() == '/') {
    error = "the output name '" + std::string(name) + "' is an absolute path";
    return std::nullopt;
  }
  fs::path norm = p.lexically_normal();
  std::string s = norm.generic_string();
  if (s.empty() || s == "." || s.back() == '/') {
    error = "the output name '" + std::string(name) + "' names a folder, not a file";
    return std::nullopt;
  }
  if (s == ".." || s.starts_with("../")) {
    error = "the output name '" + std::string(name) + "' points outside --out-dir";
    return std::nullopt;
  }
  return s;
}

std::string default_template(bool with_roles, bool anonymize) {
  std::string stem = anonymize ? "{ref}" : "{stem}";
  return with_roles ? stem + "-{role}.{ext}" : stem + ".{ext}";
}

std::optional<Plan> make_plan(const PlanSpec& spec, std::string& error) {
  Plan plan;
  std::size_t n_roles = spec.roles.empty() ? 1 : spec.roles.size();
  bool user_template = !spec.name_template.empty();
  std::string tmpl =
      user_template ? spec.name_template : default_template(!spec.roles.empty(), spec.anonymize);
  if (!spec.out_dir.empty()) {
    if (std::string e = check_template(tmpl); !e.empty()) {
      error = e;
      return std::nullopt;
    }
    if (spec.roles.empty() && template_uses(tmpl, "role")) {
      error = "--name uses {role} but there is no role (--role, --rules or --job)";
      return std::nullopt;
    }
    if (!spec.anonymize && template_uses(tmpl, "ref")) {
      error = "--name uses {ref}, which only --anonymize defines";
      return std::nullopt;
    }
  } else if (user_template) {
    error = "--name needs --out-dir";
    return std::nullopt;
  }

  std::string style_slug = base::slugify(fs::path(spec.style).stem().string());
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    NameFields f;
    f.stem = base::slugify(input_stem(spec.inputs[i].path));
    f.ref = base::slugify(spec.inputs[i].ref);
    f.style = style_slug;
    for (std::size_t r = 0; r < n_roles; ++r) {
      f.role = spec.roles.empty() ? "" : base::slugify(spec.roles[r]);
      for (std::size_t k = 0; k < spec.formats.size(); ++k) {
        f.ext = spec.formats[k].ext;
        f.format = spec.formats[k].name;
        PlannedOutput o{i, r, k, {}, {}};
        if (!spec.out_dir.empty()) {
          std::string expanded = expand_template(tmpl, f);
          auto rel = contained_relative(expanded, error);
          if (!rel) return std::nullopt;
          o.name = *rel;
          o.path = (fs::path(spec.out_dir) / *rel).string();
        } else {
          o.path = spec.output;
        }
        plan.outputs.push_back(std::move(o));
      }
    }
  }

  if (spec.out_dir.empty()) {
    if (!spec.output.empty() && plan.outputs.size() > 1) {
      error = "-o writes one file, but this build makes " + std::to_string(plan.outputs.size()) +
              " outputs; use --out-dir";
      return std::nullopt;
    }
  } else {
    // Collisions: default names get their input path's hash; user names are refused.
    std::map<std::string, std::size_t> seen;  // lower-cased name -> output index
    auto describe = [&](const PlannedOutput& o) {
      std::string s = spec.inputs[o.input].path;
      if (!spec.roles.empty()) s += ", role '" + spec.roles[o.role] + "'";
      return s + ", format " + spec.formats[o.format].name;
    };
    for (int round = 0; round < 2; ++round) {
      seen.clear();
      std::vector<std::size_t> clashing;
      for (std::size_t j = 0; j < plan.outputs.size(); ++j) {
        std::string key = lower_ascii(plan.outputs[j].name);
        auto [it, fresh] = seen.emplace(key, j);
        if (fresh) continue;
        if (user_template || round == 1) {
          error = "two outputs would both be written to '" + plan.outputs[j].path +
                  "': " + describe(plan.outputs[it->second]) + " and " + describe(plan.outputs[j]);
          if (user_template) error += "; add {stem}, {role} or {format} to --name";
          return std::nullopt;
        }
        clashing.push_back(it->second);
        clashing.push_back(j);
      }
      if (clashing.empty()) break;
      std::vector<bool> rename(spec.inputs.size(), false);
      for (std::size_t j : clashing) rename[plan.outputs[j].input] = true;
      for (PlannedOutput& o : plan.outputs) {
        if (!rename[o.input]) continue;
        NameFields f;
        std::string stem = base::slugify(input_stem(spec.inputs[o.input].path));
        std::string ref = base::slugify(spec.inputs[o.input].ref);
        std::string tag = base::sha256_hex(lexical_key(spec.inputs[o.input].path)).substr(0, 6);
        f.stem = stem + "-" + tag;
        f.ref = ref + "-" + tag;
        f.style = style_slug;
        f.role = spec.roles.empty() ? "" : base::slugify(spec.roles[o.role]);
        f.ext = spec.formats[o.format].ext;
        f.format = spec.formats[o.format].name;
        std::string expanded = expand_template(tmpl, f);
        auto rel = contained_relative(expanded, error);
        if (!rel) return std::nullopt;
        o.name = *rel;
        o.path = (fs::path(spec.out_dir) / *rel).string();
      }
    }
  }

  // No output may overwrite an input, a style, a rules file or the manifest: compared
  // lexically (the output may not exist yet) and by device and inode (links, "./" tricks).
  std::map<std::string, std::string> guarded;
  std::map<std::pair<dev_t, ino_t>, std::string> guarded_ids;
  for (const std::string& p : spec.protected_paths) {
    guarded.emplace(lexical_key(p), p);
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0) guarded_ids.emplace(std::pair{st.st_dev, st.st_ino}, p);
  }
  for (const PlannedOutput& o : plan.outputs) {
    if (o.path.empty()) continue;
    if (!o.name.empty() && fs::path(o.name).filename() == kManifestName) {
      error = "the output name '" + o.name + "' is reserved for the --if-changed manifest";
      return std::nullopt;
    }
    const std::string* hit = nullptr;
    if (auto it = guarded.find(lexical_key(o.path)); it != guarded.end()) hit = &it->second;
    struct stat st {};
    if (!hit && ::stat(o.path.c_str(), &st) == 0) {
      if (auto it = guarded_ids.find({st.st_dev, st.st_ino}); it != guarded_ids.end()) {
        hit = &it->second;
      }
    }
    if (hit) {
      error = "refusing to overwrite the input file '" + *hit + "' with an output";
      return std::nullopt;
    }
  }
  return plan;
}

}  // namespace tailor::cli::batch
