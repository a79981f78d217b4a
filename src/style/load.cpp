// The .style reader: "key: value" lines, '%' comments, located errors with "did you mean".
#include "style/load.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "base/files.hpp"
#include "base/regular_files.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "data/files.hpp"
#include "diag/limits.hpp"

namespace tailor::style {

namespace {

namespace fs = std::filesystem;

using model::SourceSpan;

/// The closest candidate within a third of the word's length plus one, or empty.
std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
  return base::closest(word, candidates, word.size() / 3 + 1);
}

/// One "key: value" line, with the spans of its parts.
struct Item {
  std::string key, value;
  SourceSpan key_span, value_span;
};

class Parser {
 public:
  Parser(std::uint32_t file_id, diag::Diagnostics& diags) : file_id_(file_id), diags_(diags) {}

  SourceSpan span(std::uint32_t line, std::uint32_t col, std::uint32_t len) const {
    return SourceSpan{file_id_, line, col, line, col + std::max<std::uint32_t>(len, 1)};
  }
  void error(const SourceSpan& s, std::string msg, std::string hint = {}) {
    diag::Diagnostic& d = diags_.error(s, std::move(msg));
    if (!hint.empty()) d.hints.push_back(std::move(hint));
    ok_ = false;
  }
  bool ok() const { return ok_; }

  /// Splits the text into items; reports lines that are not "key: value".
  std::vector<Item> split(const std::string& text) {
    std::vector<Item> items;
    std::uint32_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      ++line_no;
      pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
      // Strip the comment: '%' to the end of the line, unless written as "\%".
      std::string clean;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '%') {
          clean += '%';
          ++i;
          continue;
        }
        if (line[i] == '%') break;
        clean += line[i];
      }
      std::size_t first = clean.find_first_not_of(" \t");
      if (first == std::string::npos) continue;
      auto col_of = [&](std::size_t byte) {
        return static_cast<std::uint32_t>(base::count_code_points(clean.substr(0, byte)) + 1);
      };
      std::size_t colon = clean.find(':');
      if (colon == std::string::npos) {
        std::size_t end = clean.find_last_not_of(" \t") + 1;
        error(span(line_no, col_of(first),
                   static_cast<std::uint32_t>(
                       base::count_code_points(clean.substr(first, end - first)))),
              "expected 'key: value'", "comments start with '%'; a literal percent is written \\%");
        continue;
      }
      std::size_t key_end = clean.find_last_not_of(" \t", colon == 0 ? 0 : colon - 1);
      Item it;
      it.key = colon > first ? clean.substr(first, key_end + 1 - first) : std::string();
      it.key_span =
          span(line_no, col_of(first), static_cast<std::uint32_t>(base::count_code_points(it.key)));
      std::size_t vstart = clean.find_first_not_of(" \t", colon + 1);
      if (vstart == std::string::npos) {
        it.value_span = span(line_no, col_of(clean.size()) + 1, 1);
      } else {
        std::size_t vend = clean.find_last_not_of(" \t") + 1;
        it.value = clean.substr(vstart, vend - vstart);
        it.value_span = span(line_no, col_of(vstart),
                             static_cast<std::uint32_t>(base::count_code_points(it.value)));
      }
      if (it.key.empty()) {
        error(span(line_no, col_of(colon), 1), "missing key before ':'");
        continue;
      }
      items.push_back(std::move(it));
    }
    return items;
  }

 private:
  std::uint32_t file_id_;
  diag::Diagnostics& diags_;
  bool ok_ = true;
};

/// "12", "12.5pt", "10mm", "0.75in", "1cm" in points. nullopt when malformed.
std::optional<double> parse_length(const std::string& v, bool allow_units) {
  if (v.empty()) return std::nullopt;
  char* end = nullptr;
  double n = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(n)) return std::nullopt;
  // strtod accepts "inf", hex and exponents; keep to plain decimals.
  for (const char* p = v.c_str(); p != end; ++p) {
    if (!(std::isdigit(static_cast<unsigned char>(*p)) || *p == '.' || *p == '-' || *p == '+')) {
      return std::nullopt;
    }
  }
  std::string unit(end);
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  if (unit.empty()) return n;
  if (!allow_units) return std::nullopt;
  if (unit == "pt") return n;
  if (unit == "mm") return n * 72.0 / 25.4;
  if (unit == "cm") return n * 72.0 / 2.54;
  if (unit == "in") return n * 72.0;
  return std::nullopt;
}

std::optional<Color> parse_color(const std::string& v) {
  if (v.size() != 7 && v.size() != 4) return std::nullopt;
  if (v[0] != '#') return std::nullopt;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(v[i]))) return std::nullopt;
  }
  auto hex = [&](std::size_t i, std::size_t n) {
    return static_cast<std::uint8_t>(std::strtoul(v.substr(i, n).c_str(), nullptr, 16));
  };
  if (v.size() == 4) {
    return Color{static_cast<std::uint8_t>(hex(1, 1) * 17),
                 static_cast<std::uint8_t>(hex(2, 1) * 17),
                 static_cast<std::uint8_t>(hex(3, 1) * 17)};
  }
  return Color{hex(1, 2), hex(3, 2), hex(5, 2)};
}

std::vector<std::string> section_kind_names() {
  std::vector<std::string> out;
  for (int k = 0; k <= static_cast<int>(model::SectionKind::References); ++k) {
    out.push_back(model::to_string(static_cast<model::SectionKind>(k)));
  }
  return out;
}

/// The table of keys: each sets one field and reports its own errors.
using Setter = std::function<void(Style&, const Item&, Parser&)>;

Setter text_field(std::string Style::*field) {
  return [field](Style& s, const Item& it, Parser&) { s.*field = it.value; };
}

Setter length_field(double Style::*field, double lo, double hi, bool units = true) {
  return [=](Style& s, const Item& it, Parser& p) {
    auto n = parse_length(it.value, units);
    if (!n) {
      p.error(it.value_span, "bad number '" + it.value + "' for " + it.key,
              units ? "write a number of points, or add a unit: 12, 12pt, 10mm, 0.5in"
                    : "write a plain number such as 1.25");
      return;
    }
    if (*n < lo || *n > hi) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s must be between %g and %g%s", it.key.c_str(), lo, hi,
                    units ? " pt" : "");
      p.error(it.value_span, buf);
      return;
    }
    s.*field = *n;
  };
}

Setter color_field(Color Style::*field) {
  return [field](Style& s, const Item& it, Parser& p) {
    auto c = parse_color(it.value);
    if (!c) {
      p.error(it.value_span, "bad colour '" + it.value + "'",
              "write a hex colour such as #1F4E79 or #333");
      return;
    }
    s.*field = *c;
  };
}

Setter bool_field(bool Style::*field) {
  return [field](Style& s, const Item& it, Parser& p) {
    if (it.value == "yes" || it.value == "true") {
      s.*field = true;
    } else if (it.value == "no" || it.value == "false") {
      s.*field = false;
    } else {
      p.error(it.value_span, "expected yes or no for " + it.key + ", not '" + it.value + "'");
    }
  };
}

template <typename E>
Setter enum_field(E Style::*field, std::vector<std::pair<std::string, E>> values) {
  return [field, values](Style& s, const Item& it, Parser& p) {
    std::vector<std::string> names;
    for (const auto& [name, v] : values) {
      if (it.value == name) {
        s.*field = v;
        return;
      }
      names.push_back(name);
    }
    std::string near = closest(it.value, names);
    p.error(it.value_span, "unknown " + it.key + " '" + it.value + "'",
            near.empty() ? "expected one of: " + base::join(names)
                         : "did you mean '" + near + "'? (one of: " + base::join(names) + ")");
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> kSetters = [] {
    std::map<std::string, Setter> m;
    m["name"] = text_field(&Style::name);
    m["description"] = text_field(&Style::description);
    m["paper"] = enum_field<Paper>(&Style::paper, {{"a4", Paper::A4}, {"letter", Paper::Letter}});
    m["margin_top"] = length_field(&Style::margin_top, 0, 200);
    m["margin_right"] = length_field(&Style::margin_right, 0, 200);
    m["margin_bottom"] = length_field(&Style::margin_bottom, 0, 200);
    m["margin_left"] = length_field(&Style::margin_left, 0, 200);
    m["min_margin"] = length_field(&Style::min_margin, 0, 200);
    m["margin"] = [](Style& s, const Item& it, Parser& p) {
      // One value for all sides, two for vertical and horizontal, four for top right bottom left.
      std::vector<double> vals;
      std::size_t i = 0;
      while (i < it.value.size()) {
        std::size_t j = it.value.find(' ', i);
        std::string part = it.value.substr(i, j == std::string::npos ? std::string::npos : j - i);
        i = j == std::string::npos ? it.value.size() : j + 1;
        if (part.empty()) continue;
        auto n = parse_length(part, true);
        if (!n || *n < 0 || *n > 200) {
          p.error(it.value_span, "bad margin '" + part + "'",
                  "write 1, 2 or 4 lengths (top right bottom left), e.g. 54 or 20mm 18mm");
          return;
        }
        vals.push_back(*n);
      }
      if (vals.size() == 1) vals = {vals[0], vals[0], vals[0], vals[0]};
      if (vals.size() == 2) vals = {vals[0], vals[1], vals[0], vals[1]};
      if (vals.size() != 4) {
        p.error(it.value_span,
                "margin takes 1, 2 or 4 lengths, not " + std::to_string(vals.size()));
        return;
      }
      s.margin_top = vals[0];
      s.margin_right = vals[1];
      s.margin_bottom = vals[2];
      s.margin_left = vals[3];
    };
    m["body_font"] = text_field(&Style::body_font);
    m["heading_font"] = text_field(&Style::heading_font);
    m["name_size"] = length_field(&Style::name_size, 6, 72);
    m["headline_size"] = length_field(&Style::headline_size, 6, 72);
    m["heading_size"] = length_field(&Style::heading_size, 6, 72);
    m["body_size"] = length_field(&Style::body_size, 6, 72);
    m["small_size"] = length_field(&Style::small_size, 5, 72);
    m["text_color"] = color_field(&Style::text);
    m["accent_color"] = color_field(&Style::accent);
    m["muted_color"] = color_field(&Style::muted);
    m["line_height"] = length_field(&Style::line_height, 0.8, 3, false);
    m["paragraph_spacing"] = length_field(&Style::paragraph_spacing, 0, 72);
    m["section_spacing_before"] = length_field(&Style::section_spacing_before, 0, 144);
    m["section_spacing_after"] = length_field(&Style::section_spacing_after, 0, 144);
    m["entry_spacing"] = length_field(&Style::entry_spacing, 0, 144);
    m["bullet_indent"] = length_field(&Style::bullet_indent, 0, 144);
    m["bullet"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value.empty() || base::count_code_points(it.value) > 2) {
        p.error(it.value_span, "bullet must be one or two characters, e.g. \u2022 or \u2013");
        return;
      }
      s.bullet = it.value;
    };
    m["heading_style"] = enum_field<HeadingStyle>(
        &Style::heading_style,
        {{"rule", HeadingStyle::Rule}, {"plain", HeadingStyle::Plain}, {"bar", HeadingStyle::Bar}});
    m["heading_uppercase"] = bool_field(&Style::heading_uppercase);
    m["heading_titlecase"] = bool_field(&Style::heading_titlecase);
    m["contact_labels"] = bool_field(&Style::contact_labels);
    m["heading_small_caps"] = bool_field(&Style::heading_small_caps);
    m["smart_punctuation"] = bool_field(&Style::smart_punctuation);
    m["heading_letter_spacing"] = length_field(&Style::heading_letter_spacing, 0, 12);
    m["layout"] = enum_field<Layout>(&Style::layout, {{"single", Layout::Single},
                                                      {"sidebar", Layout::Sidebar},
                                                      {"date-column", Layout::DateColumn}});
    m["sidebar_width"] = length_field(&Style::sidebar_width, 72, 300);
    m["sidebar_side"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value == "left" || it.value == "right") {
        s.sidebar_right = it.value == "right";
        return;
      }
      p.error(it.value_span, "unknown sidebar_side '" + it.value + "'", "expected left or right");
    };
    m["date_column_width"] = length_field(&Style::date_column_width, 36, 200);
    m["photo_size"] = length_field(&Style::photo_size, 0, 200);
    m["photo_shape"] =
        enum_field<PhotoShape>(&Style::photo_shape, {{"square", PhotoShape::Square},
                                                     {"rounded", PhotoShape::Rounded},
                                                     {"circle", PhotoShape::Circle}});
    m["photo_side"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value == "left" || it.value == "right") {
        s.photo_left = it.value == "left";
        return;
      }
      p.error(it.value_span, "unknown photo_side '" + it.value + "'", "expected left or right");
    };
    m["date_format"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value != "mon yyyy" && it.value != "yyyy-mm") {
        p.error(it.value_span, "unknown date_format '" + it.value + "'",
                "expected 'mon yyyy' (Apr 2021) or 'yyyy-mm' (2021-04)");
        return;
      }
      s.date_format = it.value;
    };
    m["section_order"] = [](Style& s, const Item& it, Parser& p) {
      std::vector<std::string> known = section_kind_names();
      std::vector<model::SectionKind> order;
      std::size_t i = 0;
      while (i <= it.value.size()) {
        std::size_t comma = it.value.find(',', i);
        std::size_t end = comma == std::string::npos ? it.value.size() : comma;
        std::size_t a = it.value.find_first_not_of(' ', i);
        std::string name;
        std::uint32_t col = it.value_span.col;
        if (a != std::string::npos && a < end) {
          std::size_t b = it.value.find_last_not_of(' ', end - 1);
          name = it.value.substr(a, b + 1 - a);
          col += static_cast<std::uint32_t>(base::count_code_points(it.value.substr(0, a)));
        }
        i = end + 1;
        if (name.empty()) continue;
        if (name == "*") {  // every section the list does not name, in source order
          order.push_back(model::SectionKind::Custom);
          continue;
        }
        auto found = std::find(known.begin(), known.end(), name);
        if (found == known.end()) {
          SourceSpan sp{it.value_span.file_id, it.value_span.line, col, it.value_span.line,
                        col + static_cast<std::uint32_t>(base::count_code_points(name))};
          std::string near = closest(name, known);
          p.error(sp, "unknown section kind '" + name + "'",
                  near.empty()
                      ? "known kinds: " + base::join(known)
                      : "did you mean '" + near + "'? (known kinds: " + base::join(known) + ")");
          continue;
        }
        order.push_back(static_cast<model::SectionKind>(found - known.begin()));
      }
      s.section_order = std::move(order);
    };
    // The same list of kinds, checked the same way.
    m["sidebar_sections"] = [order = m["section_order"]](Style& s, const Item& it, Parser& p) {
      Style kinds;
      order(kinds, it, p);
      s.sidebar_sections = std::move(kinds.section_order);
    };
    m["header_align"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value == "left" || it.value == "center") {
        s.header_centered = it.value == "center";
        return;
      }
      p.error(it.value_span, "unknown header_align '" + it.value + "'", "expected left or center");
    };
    m["contact_links"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value == "address" || it.value == "label") {
        s.link_labels = it.value == "label";
        return;
      }
      p.error(it.value_span, "unknown contact_links '" + it.value + "'",
              "expected address (github.com/you) or label (GitHub)");
    };
    m["entry_layout"] = [](Style& s, const Item& it, Parser& p) {
      if (it.value == "stacked" || it.value == "inline") {
        s.entry_inline = it.value == "inline";
        return;
      }
      p.error(it.value_span, "unknown entry_layout '" + it.value + "'",
              "expected stacked (two lines) or inline (one line)");
    };
    m["logo"] = text_field(&Style::logo);
    m["header_text"] = text_field(&Style::header_text);
    m["footer_text"] = text_field(&Style::footer_text);
    return m;
  }();
  return kSetters;
}

}  // namespace

std::vector<std::string> builtin_style_names() {
  std::vector<std::string> out;
  for (const data::File& f : data::list("styles", ".style")) {
    out.push_back(fs::path(f.name).stem().string());
  }
  return out;
}

namespace {

/// Applies the items of one file to `s`, which holds the defaults or the base style.
/// `extends` is handled by the caller; here it is only checked for repeats.
bool apply_items(Parser& p, const std::vector<Item>& items, Style& s) {
  std::map<std::string, SourceSpan> seen;
  std::vector<std::string> keys;
  for (const auto& [k, _] : setters()) keys.push_back(k);
  keys.push_back("extends");
  for (const Item& it : items) {
    auto found = setters().find(it.key);
    if (found == setters().end() && it.key != "extends") {
      std::string near = closest(it.key, keys);
      p.error(it.key_span, "unknown style key '" + it.key + "'",
              near.empty() ? "see docs/styles.md for the keys" : "did you mean '" + near + "'?");
      continue;
    }
    if (auto prev = seen.find(it.key); prev != seen.end()) {
      p.error(it.key_span, "'" + it.key + "' is set twice",
              "the first is on line " + std::to_string(prev->second.line));
      continue;
    }
    seen[it.key] = it.key_span;
    if (it.key != "extends") found->second(s, it, p);
  }
  return p.ok();
}

const Item* extends_item(const std::vector<Item>& items) {
  for (const Item& it : items) {
    if (it.key == "extends") return &it;
  }
  return nullptr;
}

bool is_style_path(const std::string& name_or_path) {
  return name_or_path.find('/') != std::string::npos ||
         (name_or_path.size() > 6 &&
          name_or_path.compare(name_or_path.size() - 6, 6, ".style") == 0);
}

/// Loads style files, following `extends` with the chain of files being loaded, so that a
/// cycle is reported at the `extends` line that closes it.
class Loader {
 public:
  Loader(model::SourceManager& sources, diag::Diagnostics& diags)
      : sources_(sources), diags_(diags) {}

  /// `from` is the `extends` item naming this file (null for the style asked for), and
  /// `from_dir` the folder of the file that holds it.
  std::optional<Style> load(const std::string& name_or_path, const Item* from,
                            const fs::path& from_dir) {
    std::string path = name_or_path;
    if (!is_style_path(name_or_path)) {
      // Your own styles ($TAILOR_DATA_DIR, $XDG_DATA_HOME/tailor), then the built-in ones.
      std::optional<data::File> found = data::find("styles", name_or_path + ".style");
      if (!found) {
        unknown_name(name_or_path, from);
        return std::nullopt;
      }
      path = found->path;
    } else if (from && fs::path(path).is_relative()) {
      path = (from_dir / path).string();
    }
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(path, ec);
    std::string key = ec ? path : canon.string();
    if (std::find(chain_.begin(), chain_.end(), key) != chain_.end()) {
      std::string cycle;
      bool in = false;
      for (const std::string& c : chain_) {
        if (c == key) in = true;
        if (in) cycle += fs::path(c).filename().string() + " -> ";
      }
      cycle += fs::path(key).filename().string();
      diag::Diagnostic& d =
          diags_.error(from->value_span, "styles extend each other in a cycle: " + cycle);
      d.hints.push_back("a style may extend another only if that one does not lead back to it");
      return std::nullopt;
    }
    if (chain_.size() >= kMaxDepth) {
      diags_
          .error(from->value_span,
                 "'extends' goes more than " + std::to_string(kMaxDepth) + " styles deep")
          .hints.push_back("extend a built-in style directly");
      return std::nullopt;
    }
    std::string err;
    bool too_large = false;
    std::optional<std::string> raw;
    if (std::optional<std::string_view> builtin = data::builtin_text(path)) {
      raw = std::string(*builtin);
    } else {
      raw = base::read_regular_file(path, err, base::kMaxInputBytes, &too_large);
    }
    if (!raw) {
      if (from) {
        diag::Diagnostic& d =
            diags_.error(from->value_span, "cannot read the base style '" + path + "': " + err);
        d.hints.push_back("a relative path is taken from the folder of the style that extends it");
      } else {
        diag::report_read_failure(path, "cannot read style", err, too_large, sources_, diags_);
      }
      return std::nullopt;
    }
    std::uint32_t id = sources_.add(path, base::normalise_newlines(*raw));
    const std::string& text = sources_.text(id);
    if (auto bad = base::validate_utf8(text)) {
      diags_.error(SourceSpan{id, bad->line, bad->col, bad->line, bad->col + 1},
                   "invalid UTF-8 in style file");
      return std::nullopt;
    }
    if (!diag::check_line_lengths(id, text, diags_)) return std::nullopt;

    Parser p(id, diags_);
    std::vector<Item> items = p.split(text);
    Style s;
    if (const Item* ext = extends_item(items)) {
      if (ext->value.empty()) {
        p.error(ext->value_span, "'extends' needs a style name or a .style file",
                "built-in styles: " + base::join(builtin_style_names()));
        return std::nullopt;
      }
      chain_.push_back(key);
      std::optional<Style> base_style = load(ext->value, ext, fs::path(path).parent_path());
      chain_.pop_back();
      if (!base_style) return std::nullopt;
      s = std::move(*base_style);
      // The name is the file's own; everything else is inherited unless set here.
      s.name.clear();
    }
    if (!apply_items(p, items, s)) return std::nullopt;
    if (s.name.empty()) s.name = fs::path(path).stem().string();
    s.source_path = path;
    // A logo set in this file is relative to it (an inherited one was resolved by its file).
    bool own_logo =
        std::any_of(items.begin(), items.end(), [](const Item& it) { return it.key == "logo"; });
    if (own_logo && !s.logo.empty() && fs::path(s.logo).is_relative() && !data::is_builtin(path)) {
      s.logo = (fs::path(path).parent_path() / s.logo).string();
    }
    return s;
  }

 private:
  static constexpr std::size_t kMaxDepth = 16;

  void unknown_name(const std::string& name, const Item* from) {
    std::vector<std::string> names = builtin_style_names();
    std::string near = closest(name, names);
    std::string message = "unknown style '" + name + "'";
    diag::Diagnostic* d = nullptr;
    if (from) {
      d = &diags_.error(from->value_span, "unknown base style '" + name + "'");
    } else {
      // No file to point at: an unknown name is an input error (exit 1), like an unknown role.
      diag::Diagnostic nd;
      nd.message = message;
      d = &diags_.add(std::move(nd));
    }
    if (!near.empty()) d->hints.push_back("did you mean '" + near + "'?");
    d->hints.push_back("built-in styles: " + base::join(names) +
                       "; or give a path to a .style file");
  }

  model::SourceManager& sources_;
  diag::Diagnostics& diags_;
  std::vector<std::string> chain_;
};

}  // namespace

std::optional<Style> parse_style(std::uint32_t file_id, const std::string& text,
                                 diag::Diagnostics& diags) {
  Parser p(file_id, diags);
  Style s;
  std::vector<Item> items = p.split(text);
  if (const Item* ext = extends_item(items)) {
    p.error(ext->key_span, "'extends' needs a style file to resolve against",
            "load the style from a file (tailor build --style FILE)");
  }
  if (!apply_items(p, items, s)) return std::nullopt;
  return s;
}

std::optional<Style> load_style(const std::string& name_or_path, model::SourceManager& sources,
                                diag::Diagnostics& diags) {
  Loader loader(sources, diags);
  return loader.load(name_or_path, nullptr, fs::path());
}

}  // namespace tailor::style
