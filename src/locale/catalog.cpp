#include "locale/catalog.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/utf8.hpp"
#include "data/files.hpp"
#include "locale/text.hpp"

namespace tailor::locale {

namespace fs = std::filesystem;
using model::SectionKind;
using model::SourceSpan;

namespace {

constexpr SectionKind kKinds[] = {
    SectionKind::Summary,      SectionKind::Experience, SectionKind::Education,
    SectionKind::Skills,       SectionKind::Projects,   SectionKind::Certifications,
    SectionKind::Languages,    SectionKind::Awards,     SectionKind::Publications,
    SectionKind::Volunteering, SectionKind::Interests,  SectionKind::References,
};
constexpr const char* kLabels[] = {"email", "phone", "location", "website"};

std::optional<SectionKind> kind_named(const std::string& name) {
  for (SectionKind k : kKinds) {
    if (name == model::to_string(k)) return k;
  }
  return std::nullopt;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

/// "a | b | c" -> {"a", "b", "c"}, trimmed, empty items dropped.
std::vector<std::string> alternatives(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t bar = value.find('|', start);
    if (bar == std::string::npos) bar = value.size();
    std::string item = trim(value.substr(start, bar - start));
    if (!item.empty()) out.push_back(item);
    start = bar + 1;
  }
  return out;
}

}  // namespace

std::optional<LocaleData> parse_locale(std::uint32_t file_id, const std::string& text,
                                       const std::string& tag, diag::Diagnostics& diags) {
  LocaleData d;
  d.tag = tag;
  std::size_t errors = diags.error_count();
  auto at = [&](std::uint32_t line, std::uint32_t col, std::uint32_t len) {
    return SourceSpan{file_id, line, col, line, col + std::max<std::uint32_t>(len, 1)};
  };
  std::map<std::string, std::uint32_t> seen;
  std::istringstream in(text);
  std::string line;
  std::uint32_t n = 0;
  auto add_input = [&](const std::string& word, SectionKind k) {
    d.input_titles.emplace(fold_key(word), k);
  };
  while (std::getline(in, line)) {
    ++n;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto indent = static_cast<std::uint32_t>(line.find_first_not_of(" \t"));
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      diags
          .error(at(n, indent + 1, static_cast<std::uint32_t>(base::count_code_points(t))),
                 "expected 'key: value'")
          .hints.push_back("each line is a key, a colon and the text: 'present: heute'");
      continue;
    }
    std::string key = trim(line.substr(0, colon));
    std::string value = trim(line.substr(colon + 1));
    auto key_col = indent + 1;
    auto key_len = static_cast<std::uint32_t>(base::count_code_points(key));
    std::size_t vstart = line.find_first_not_of(" \t", colon + 1);
    auto value_col =
        static_cast<std::uint32_t>(base::count_code_points(line.substr(
                                       0, vstart == std::string::npos ? line.size() : vstart)) +
                                   1);
    if (value.empty()) {
      diags.error(at(n, value_col, 1), "'" + key + "' has no text")
          .hints.push_back("write the word in this language after the colon");
      continue;
    }
    if (auto prev = seen.find(key); prev != seen.end()) {
      diags.error(at(n, key_col, key_len), "'" + key + "' is set twice")
          .hints.push_back("the first is on line " + std::to_string(prev->second));
      continue;
    }
    seen[key] = n;
    std::string dot_rest = key.find('.') == std::string::npos ? "" : key.substr(key.find('.') + 1);
    if (key == "name") {
      d.name = value;
    } else if (key == "direction") {
      if (value != "ltr" && value != "rtl") {
        diags
            .error(at(n, value_col, static_cast<std::uint32_t>(value.size())),
                   "unknown direction '" + value + "'")
            .hints.push_back("expected ltr or rtl");
      }
      d.rtl = value == "rtl";
    } else if (key == "present") {
      d.present = value;
      d.input_present.push_back(fold_key(value));
    } else if (key == "page") {
      if (value.find("{page}") == std::string::npos || value.find("{pages}") == std::string::npos) {
        diags
            .error(at(n, value_col, static_cast<std::uint32_t>(base::count_code_points(value))),
                   "the page line needs both {page} and {pages}")
            .hints.push_back("for example 'page: Seite {page} von {pages}'");
      }
      d.page = value;
    } else if (key.rfind("heading.", 0) == 0 && kind_named(dot_rest)) {
      d.headings[*kind_named(dot_rest)] = value;
      add_input(value, *kind_named(dot_rest));
    } else if (key.rfind("label.", 0) == 0 &&
               std::find(std::begin(kLabels), std::end(kLabels), dot_rest) != std::end(kLabels)) {
      d.labels[dot_rest] = value;
    } else if (key == "font.east-asia") {
      d.font_east_asia = value;
    } else if (key == "font.complex") {
      d.font_complex = value;
    } else if (key == "quote_space") {
      if (value != "narrow" && value != "none") {
        diags
            .error(at(n, value_col, static_cast<std::uint32_t>(base::count_code_points(value))),
                   "unknown quote_space '" + value + "'")
            .hints.push_back("expected narrow (U+202F inside quotation marks) or none");
      }
      d.quote_space = value == "narrow" ? "\u202F" : "";
    } else if (key == "also.present") {
      for (const std::string& w : alternatives(value)) d.input_present.push_back(fold_key(w));
    } else if (key.rfind("also.", 0) == 0 && kind_named(dot_rest)) {
      for (const std::string& w : alternatives(value)) add_input(w, *kind_named(dot_rest));
    } else {
      diags.error(at(n, key_col, key_len), "unknown locale key '" + key + "'")
          .hints.push_back(
              "keys are name, direction, present, page, heading.KIND, label.email|phone|location|"
              "website, font.east-asia, font.complex, quote_space, also.KIND and also.present "
              "(docs/locales.md)");
    }
  }
  // Every output word must exist: a missing one would silently print English.
  auto missing = [&](const std::string& key) {
    diags.error(at(1, 1, 1), "this language has no '" + key + "'")
        .hints.push_back("add a line '" + key + ": …' (docs/locales.md lists every key)");
  };
  if (d.name.empty() && !seen.count("name")) missing("name");
  if (!seen.count("present")) missing("present");
  if (!seen.count("page")) missing("page");
  for (SectionKind k : kKinds) {
    if (!d.headings.count(k)) missing(std::string("heading.") + model::to_string(k));
  }
  for (const char* l : kLabels) {
    if (!d.labels.count(l)) missing(std::string("label.") + l);
  }
  if (diags.error_count() != errors) return std::nullopt;
  return d;
}

Catalog::Catalog() {
  for (const data::File& file : data::list("locales", ".locale")) {
    std::string text;
    if (std::optional<std::string_view> builtin = data::builtin_text(file.path)) {
      text = std::string(*builtin);
    } else {
      std::ifstream f(file.path, std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      text = ss.str();
    }
    std::uint32_t id = sources_.add(file.path, text);
    std::string stem = fs::path(file.name).stem().string();
    std::string tag = canonical_tag(stem);
    if (tag.empty()) {
      diags_.error(SourceSpan{id, 1, 1, 1, 2}, "'" + stem + "' is not a BCP 47 language tag")
          .hints.push_back("name the file after its language: de.locale, pt-BR.locale");
      continue;
    }
    if (auto d = parse_locale(id, sources_.text(id), tag, diags_)) langs_.emplace(tag, *d);
  }
}

namespace {
std::atomic<bool> g_loaded{false};
}  // namespace

const Catalog& Catalog::instance() {
  static const Catalog catalog;
  g_loaded = true;
  return catalog;
}

bool Catalog::loaded() { return g_loaded; }

const LocaleData* Catalog::find(const std::string& tag) const {
  std::string canon = canonical_tag(tag);
  if (canon.empty()) return nullptr;
  if (auto it = langs_.find(canon); it != langs_.end()) return &it->second;
  if (auto it = langs_.find(language_of(canon)); it != langs_.end()) return &it->second;
  return nullptr;
}

std::optional<SectionKind> Catalog::section_kind(const std::string& title) const {
  std::string key = fold_key(title);
  for (const auto& [tag, d] : langs_) {
    if (auto it = d.input_titles.find(key); it != d.input_titles.end()) return it->second;
  }
  return std::nullopt;
}

bool Catalog::is_present_word(const std::string& word) const {
  std::string key = fold_key(word);
  for (const auto& [tag, d] : langs_) {
    if (std::find(d.input_present.begin(), d.input_present.end(), key) != d.input_present.end()) {
      return true;
    }
  }
  return false;
}

SectionKind section_kind_for_title(const std::string& title) {
  SectionKind k = model::section_kind_from_title(title);
  if (k != SectionKind::Custom) return k;
  return Catalog::instance().section_kind(title).value_or(SectionKind::Custom);
}

std::vector<std::string> Catalog::tags() const {
  std::vector<std::string> out;
  for (const auto& [tag, d] : langs_) out.push_back(tag);
  return out;
}

}  // namespace tailor::locale
