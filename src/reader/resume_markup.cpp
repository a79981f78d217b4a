// Reader for the .resume markup: runs the X3 grammar, then lowers the parse tree to the model,
// giving every node its span and wording every problem as a located diagnostic.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "base/links.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "base/utf8.hpp"
#include "grammar/resume/grammar.hpp"
#include "locale/catalog.hpp"
#include "locale/text.hpp"
#include "reader/reader.hpp"
#include "reader/resume_support.hpp"

namespace tailor::reader {

namespace {

namespace ast = grammar::resume::ast;
using model::SourceSpan;
using resume::Joined;
using resume::Locator;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// The start of a text for a hint: at most 60 bytes, cut at a character boundary.
std::string quote_start(const std::string& s) {
  if (s.size() <= 60) return s;
  std::size_t n = 60;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "…";
}

/// Trims blanks (space, tab) from both ends of a range.
ast::Range trim(ast::Range r) {
  const char* b = r.begin();
  const char* e = r.end();
  while (b < e && is_blank(*b)) ++b;
  while (e > b && is_blank(e[-1])) --e;
  return {b, e};
}

bool starts_with(ast::Range r, const char* prefix) {
  std::size_t n = std::strlen(prefix);
  return static_cast<std::size_t>(r.size()) >= n && std::memcmp(r.begin(), prefix, n) == 0;
}

const std::vector<std::string>& header_keys() {
  static const std::vector<std::string> kKeys = {"name",     "headline", "email", "phone",
                                                 "location", "address",  "photo", "website",
                                                 "link",     "lang",     "ref"};
  return kKeys;
}

/// Lowers the parse tree one item at a time (the grammar never builds a tree of the whole
/// file) and counts the pieces of text it makes against base::kMaxPieces, so the model, and
/// everything later stages build from it, stays bounded whatever the file holds.
class Lowering {
 public:
  Lowering(const Locator& loc, diag::Diagnostics& diags) : loc_(loc), diags_(diags) {}

  void end_header() {
    if (doc_.header.name.empty()) {
      diags_.warning(loc_.span_at(0), "the header has no 'name:' field")
          .hints.push_back("start the file with a line such as 'name: Aysel Hüseynova'");
    }
  }

  /// True once the pieces limit is passed: the caller stops reading.
  bool over_budget() const { return over_; }

  model::Document take() { return std::move(doc_); }

 private:
  const Locator& loc_;
  diag::Diagnostics& diags_;
  model::Document doc_;
  std::size_t pieces_ = 0;
  bool over_ = false;

  SourceSpan span(ast::Range r) const { return loc_.span(r.begin(), r.end()); }

  /// Counts n pieces of text; false (after one error, at `at`) past the limit.
  bool spend(std::size_t n, const SourceSpan& at) {
    if (over_) return false;
    pieces_ += n;
    if (pieces_ <= base::kMaxPieces) return true;
    over_ = true;
    diags_
        .error(at,
               "too many pieces of text (skill items, inline runs, tags and lines): the limit "
               "is " +
                   base::group_digits(base::kMaxPieces) + " in one resume")
        .hints.push_back(
            "split the file, or keep a master resume of what you may show (docs/limits.md)");
    return false;
  }

  std::size_t pieces_left() const {
    return pieces_ >= base::kMaxPieces ? 0 : base::kMaxPieces - pieces_;
  }

 public:
  // ---------------------------------------------------------------- header

  void header_item(const ast::HeaderItem& item) { header_item(doc_.header, item); }

 private:
  void header_item(model::Header& h, const ast::HeaderItem& item) {
    if (const auto* f = boost::get<ast::HeaderField>(&item)) {
      header_field(h, *f);
    } else if (const auto* l = boost::get<ast::Line>(&item)) {
      stray_line(h, *l);
    }
  }

  /// "# Aysel Hüseynova" at the top of a Markdown resume is the name. True when taken.
  bool markdown_name(model::Header& h, ast::Range t) {
    if (t.size() < 3 || *t.begin() != '#' || !is_blank(t.begin()[1])) return false;
    ast::Range title = trim({t.begin() + 1, t.end()});
    h.name = model::Field{resume::unescape(title), span(title)};
    return true;
  }

 public:
  /// Before the first section, a "# Title" line starts a section once the name is known or
  /// when the title is a standard one ("# Experience"); otherwise it is the name.
  bool hash_heading_starts_section(const char* it, const char* last) const {
    if (last - it < 3 || it[0] != '#' || !is_blank(it[1])) return false;
    if (!doc_.header.name.empty()) return true;
    const char* e = it;
    while (e < last && *e != '\n') ++e;
    std::string title = resume::unescape(trim({it + 1, e}));
    return locale::section_kind_for_title(title) != model::SectionKind::Custom;
  }

 private:
  void stray_line(model::Header& h, const ast::Line& l) {
    ast::Range t = trim(l.text);
    SourceSpan where = t.empty() ? loc_.span(l.text.begin(), l.text.begin() + 1) : span(t);
    if (l.tags.empty() && markdown_name(h, t)) return;
    if (starts_with(t, "====")) {
      heading_level_error(t);
    } else if (starts_with(t, "===")) {
      diags_.error(where, "an entry outside a section")
          .hints.push_back("put a section heading such as '== Experience' above it");
    } else if (!t.empty() && *t.begin() == '-' && (t.size() == 1 || is_blank(t.begin()[1]))) {
      diags_.error(where, "a bullet outside a section")
          .hints.push_back("put a section heading such as '== Experience' above it");
    } else {
      auto& d =
          diags_.error(where, "expected a header field such as 'name: …' or a section heading");
      const char* word_end = t.begin();
      while (word_end < t.end() && std::isalpha(static_cast<unsigned char>(*word_end))) ++word_end;
      std::string word = base::lower_ascii(std::string(t.begin(), word_end));
      const auto& keys = header_keys();
      if (std::find(keys.begin(), keys.end(), word) != keys.end()) {
        d.hints.push_back("add a colon after the field name: '" + word + ": …'");
      } else {
        d.hints.push_back(
            "header fields are 'key: value' lines; text belongs in a section, so put a heading "
            "such as '== Summary' above it");
      }
    }
  }

  void heading_level_error(ast::Range marker) {
    if (*marker.begin() == '#') {
      diags_
          .error(loc_.span(marker.begin(), marker.end()),
                 "too many '#': headings are '##' for sections and '###' for entries")
          .hints.push_back("write '== Experience' or '=== Role | Organisation | Location | Dates'");
      return;
    }
    diags_
        .error(loc_.span(marker.begin(), marker.begin() + 4),
               "too many '=': headings are '==' for sections and '===' for entries")
        .hints.push_back("write '== Experience' or '=== Role | Organisation | Location | Dates'");
  }

  void header_field(model::Header& h, const ast::HeaderField& f) {
    std::string key = base::lower_ascii(std::string(f.key.begin(), f.key.end()));
    const auto& keys = header_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      auto& d = diags_.error(
          span(f.key), "unknown header field '" + std::string(f.key.begin(), f.key.end()) + "'");
      std::string guess = base::closest(key, keys, std::max<std::size_t>(2, key.size() / 3));
      if (!guess.empty()) {
        d.hints.push_back("did you mean '" + guess + "'?");
      } else {
        d.hints.push_back(
            "header fields are name, headline, email, phone, location, address, photo, "
            "website, link and lang");
      }
      return;
    }
    ast::Range value = trim(f.value);
    if (value.empty()) {
      diags_.error(loc_.span(f.key.begin(), f.key.end()), "the '" + key + "' field is empty")
          .hints.push_back("give it a value or remove the line");
      return;
    }
    if (key == "link" || key == "website") {
      header_link(h, value, key == "website" ? "Website" : "");
      return;
    }
    if (key == "lang") {
      header_language(h, value);
      return;
    }
    model::Field* field = key == "name"       ? &h.name
                          : key == "headline" ? &h.headline
                          : key == "email"    ? &h.email
                          : key == "phone"    ? &h.phone
                          : key == "location" ? &h.location
                          : key == "address"  ? &h.address
                          : key == "ref"      ? &h.ref
                                              : &h.photo;
    if (!field->empty()) {
      diags_.error(span(f.key), "the '" + key + "' field is given twice")
          .hints.push_back("the first one is on line " + std::to_string(field->span.line));
      return;
    }
    field->value = resume::unescape(value);
    field->span = span(value);
  }

  /// "lang: de": a BCP 47 tag. A language without translations is kept (it still chooses
  /// case rules and dates) with a warning that headings stay as written.
  void header_language(model::Header& h, ast::Range value) {
    std::string raw(value.begin(), value.end());
    std::string tag = locale::canonical_tag(raw);
    if (tag.empty()) {
      diags_.error(span(value), "'" + raw + "' is not a BCP 47 language tag")
          .hints.push_back("write a language tag such as 'de', 'az', 'pt-BR' or 'zh-Hans'");
      return;
    }
    if (!h.language.empty()) {
      diags_.error(span(value), "the 'lang' field is given twice")
          .hints.push_back("the first one is on line " + std::to_string(h.language.span.line));
      return;
    }
    if (!locale::Catalog::instance().find(tag)) {
      std::string known;
      for (const std::string& t : locale::Catalog::instance().tags()) known += " " + t;
      diags_.warning(span(value), "no translations for '" + tag + "': headings stay as written")
          .hints.push_back("languages with translations:" + known);
    }
    h.language = model::Field{tag, span(value)};
  }

  /// "Label <url>", "<url>" or a bare URL.
  void header_link(model::Header& h, ast::Range value, const std::string& default_label) {
    model::Link link;
    link.span = span(value);
    ast::Range url_range = value;
    std::string label;
    if (value.back() == '>') {
      const char* open = nullptr;
      for (const char* p = value.end() - 1; p-- > value.begin();) {
        if (*p == '<') {
          open = p;
          break;
        }
      }
      if (open == nullptr) {
        diags_.error(loc_.span(value.end() - 1, value.end()), "'>' without a matching '<'")
            .hints.push_back("write links as 'GitHub <https://github.com/you>'");
        return;
      }
      url_range = trim({open + 1, value.end() - 1});
      label = resume::unescape(trim({value.begin(), open}));
    }
    std::string url(url_range.begin(), url_range.end());
    if (url.empty() || std::any_of(url.begin(), url.end(), is_blank)) {
      diags_.error(span(url_range.empty() ? value : url_range), "expected a link address")
          .hints.push_back("write links as 'GitHub <https://github.com/you>'");
      return;
    }
    if (label.empty()) label = default_label.empty() ? url : default_label;
    link.label = label;
    link.url = checked_url(url, span(url_range));
    h.links.push_back(std::move(link));
  }

  /// The URL to keep. An unsafe scheme warns; the address stays in the model, where every
  /// writer's link policy (base::normalise_link) keeps it plain text, never a link.
  std::string checked_url(const std::string& url, SourceSpan where) {
    if (base::check_link(url) == base::LinkCheck::UnsafeScheme) {
      diags_
          .warning(where, "link with unsafe scheme '" + base::link_scheme(url) +
                              ":' is kept as plain text")
          .hints.push_back("only https, http, mailto and tel links become clickable");
    }
    return url;
  }

  // ---------------------------------------------------------------- sections

  std::vector<std::string> tags(const ast::Tags& raw) {
    std::vector<std::string> out;
    if (!raw.empty() && !spend(raw.size(), span(raw.front()))) return out;
    for (const ast::Range& r : raw) {
      ast::Range t = trim(r);
      if (t.empty()) {
        diags_.error(loc_.span(r.begin(), r.begin() + 1), "empty tag")
            .hints.push_back("tags are written as {infrastructure, devops}");
        continue;
      }
      std::string tag = resume::unescape(t);
      if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
    }
    return out;
  }

  static bool is_list_kind(model::SectionKind k) {
    return k == model::SectionKind::Skills || k == model::SectionKind::Languages ||
           k == model::SectionKind::Interests;
  }

  /// A brace left in a heading's text is a tag list gone wrong ("== Experience {backend"):
  /// an error, not part of the title. True when the text is clean.
  bool no_stray_brace(ast::Range r) {
    for (const char* p = r.begin(); p < r.end(); ++p) {
      if (*p == '\\' && p + 1 < r.end()) {
        ++p;
        continue;
      }
      if (*p != '{' && *p != '}') continue;
      bool unclosed = *p == '{' && std::find(p, r.end(), '}') == r.end();
      auto& d = diags_.error(
          loc_.span(p, p + 1),
          unclosed ? std::string("unclosed tag list: '{' without '}'")
                   : std::string("unexpected '") + *p + "': tags go at the very end of the line");
      d.hints.push_back(unclosed
                            ? "close it as {backend, devops}, or write '\\{' for a literal brace"
                            : "write '\\" + std::string(1, *p) + "' for a literal brace");
      return false;
    }
    return true;
  }

 public:
  void begin_section(const ast::SectionHeading& h) {
    spend(1, span(h.marker));  // past the limit the caller stops after this section
    doc_.sections.emplace_back();
    model::Section& out = doc_.sections.back();
    ast::Range title = trim(h.title.text);
    no_stray_brace(title);
    out.title = resume::unescape(title);
    // "Experience", and "Berufserfahrung", "İş təcrübəsi", "Опыт работы" in other languages.
    out.kind = locale::section_kind_for_title(out.title);
    out.tags = tags(h.title.tags);
    out.span = loc_.span(h.marker.begin(), title.end());
    if (out.kind == model::SectionKind::Custom) suggest_section(out.title, span(title));

    list_section_ = is_list_kind(out.kind);
    entry_index_ = kNoEntry;
    paragraph_.clear();
    pending_.reset();
    blocks_ = &out.blocks;
  }

  void end_section() {
    flush_bullet();
    flush_paragraph();
    blocks_ = nullptr;
    entry_index_ = kNoEntry;
    model::Section& out = doc_.sections.back();
    if (!out.blocks.empty()) {
      SourceSpan last = std::visit([](const auto& b) { return b.span; }, out.blocks.back());
      out.span.end_line = last.end_line;
      out.span.end_col = last.end_col;
    }
  }

 private:
  void suggest_section(const std::string& title, SourceSpan where) {
    static const std::vector<std::string> kTitles = {
        "Summary",   "Experience", "Education",    "Skills",       "Projects",  "Certifications",
        "Languages", "Awards",     "Publications", "Volunteering", "Interests", "References"};
    std::string guess;
    std::size_t best = 3;
    for (const std::string& t : kTitles) {
      // The length gap bounds the distance from below: a huge title costs no O(n*m) table.
      if (title.size() >= t.size() + best) continue;
      std::size_t d = base::edit_distance_nocase(title, t);
      if (d > 0 && d < best) {
        best = d;
        guess = t;
      }
    }
    if (!guess.empty()) {
      diags_.warning(where, "'" + title + "' is not a standard section; it is kept as free-form")
          .hints.push_back("did you mean '" + guess + "'?");
    }
  }

 public:
  void body_item(const ast::BodyItem& item) {
    // Comments are dropped and keep a paragraph (or a bullet) going.
    if (boost::get<ast::Comment>(&item)) return;
    const auto* l = boost::get<ast::Line>(&item);
    if (l != nullptr && pending_ && lazy_continuation(*l)) return;
    flush_bullet();
    if (boost::get<ast::Blank>(&item)) {
      flush_paragraph();
    } else if (const auto* e = boost::get<ast::EntryHeading>(&item)) {
      flush_paragraph();
      entry(*e);
    } else if (const auto* b = boost::get<ast::Bullet>(&item)) {
      flush_paragraph();
      nested_bullet_note(*b);
      pending_ = *b;
    } else if (const auto* bad = boost::get<ast::BadHeading>(&item)) {
      flush_paragraph();
      heading_level_error(bad->marker);
    } else if (l != nullptr) {
      // In skills-like sections every "Label: items" line is a group, even right after prose.
      if (list_section_ && skill_group(*l)) return;
      if (!markdown_habit(*l)) paragraph_.push_back(*l);
    }
  }

 private:
  /// An unindented line right after a bullet (a Markdown "lazy" continuation) continues it:
  /// as its own paragraph it would become the entry's description, printed above the bullets.
  bool lazy_continuation(const ast::Line& l) {
    ast::Range t = trim(l.text);
    if (t.empty() && l.tags.empty()) return false;
    if (list_section_ && label_colon(t) != nullptr) return false;
    if (habit_kind(t) != Habit::None) return false;
    pending_->more.push_back(l);
    return true;
  }

  void flush_bullet() {
    if (!pending_) return;
    ast::Bullet b = std::move(*pending_);
    pending_.reset();
    if (list_section_ && current_entry() == nullptr) {
      skill_bullet(b);
    } else {
      bullet(b);
    }
  }

  /// "  - detail" under a bullet: a Markdown nested list. Tailor has one level of bullets.
  void nested_bullet_note(const ast::Bullet& b) {
    const char* p = b.marker.begin();
    if (p == loc_base_ || !is_blank(p[-1])) return;
    diags_.warning(span(b.marker), "an indented bullet is printed as a bullet of its own")
        .hints.push_back(
            "bullets have one level; to continue the bullet above, indent a line without a "
            "dash");
  }

  /// A paragraph's text without the bullet-like mark a habit left at its start.
  static std::string without_mark(const std::string& text) {
    ast::Range t{text.data(), text.data() + text.size()};
    Habit h = habit_kind(t);
    if (h == Habit::None || h == Habit::Rule) return text;
    std::size_t i = 1;
    if (h == Habit::Numbered) {
      while (i < text.size() && text[i - 1] != '.' && text[i - 1] != ')') ++i;
    } else {
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    while (i < text.size() && is_blank(text[i])) ++i;
    return text.substr(i);
  }

  enum class Habit { None, Rule, DashNoSpace, OtherMark, Numbered };

  /// Lines that mean something in Markdown or a word processor and nothing in .resume.
  static Habit habit_kind(ast::Range t) {
    if (t.empty()) return Habit::None;
    const char* b = t.begin();
    const char* e = t.end();
    char c = *b;
    if (c == '-' || c == '*' || c == '_') {
      std::size_t marks = 0;
      bool only = true;
      for (const char* p = b; p < e; ++p) {
        if (*p == c) {
          ++marks;
        } else if (!is_blank(*p)) {
          only = false;
          break;
        }
      }
      if (only && marks >= 3) return Habit::Rule;
    }
    if (c == '-' && t.size() > 1 && !is_blank(b[1]) && b[1] != '-') return Habit::DashNoSpace;
    if (c == '+' && t.size() > 1 && is_blank(b[1])) return Habit::OtherMark;
    // "– ", "— ", "· ", "▪ ", "◦ ", "● ", "‣ " pasted from word processors.
    static const char* const kMarks[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7",
                                         "\xE2\x96\xAA", "\xE2\x97\xA6", "\xE2\x97\x8F",
                                         "\xE2\x80\xA3"};
    for (const char* m : kMarks) {
      std::size_t n = std::strlen(m);
      if (static_cast<std::size_t>(t.size()) > n && std::memcmp(b, m, n) == 0 && is_blank(b[n])) {
        return Habit::OtherMark;
      }
    }
    const char* p = b;
    while (p < e && p - b < 3 && *p >= '0' && *p <= '9') ++p;
    if (p > b && p + 1 < e && (*p == '.' || *p == ')') && is_blank(p[1])) return Habit::Numbered;
    return Habit::None;
  }

  /// Reports a Markdown habit at its line with the Tailor spelling. True when the line is
  /// dropped (a "---" rule); otherwise the line stays text where it was written.
  bool markdown_habit(const ast::Line& l) {
    ast::Range t = trim(l.text);
    Habit h = habit_kind(t);
    if (h == Habit::None) return false;
    const char* b = t.begin();
    const char* mark_end = b + 1;
    while (mark_end < t.end() && (static_cast<unsigned char>(*mark_end) & 0xC0) == 0x80) ++mark_end;
    std::string rest = std::string(mark_end, t.end());
    std::size_t first = rest.find_first_not_of(" \t");
    rest = first == std::string::npos ? std::string() : rest.substr(first);
    rest = quote_start(rest);
    switch (h) {
      case Habit::Rule:
        diags_.warning(span(t), "a Markdown rule ('---') is not printed")
            .hints.push_back("delete the line; sections are separated by their '==' headings");
        flush_paragraph();
        return true;
      case Habit::DashNoSpace:
        diags_.warning(loc_.span(b, b + 1), "'-' without a space is text, not a bullet")
            .hints.push_back("write '- " + rest + "' for a bullet, or '\\-" + rest +
                             "' to keep the dash");
        return false;
      case Habit::OtherMark:
        diags_
            .warning(loc_.span(b, mark_end),
                     "'" + std::string(b, mark_end) + "' is not a bullet marker; the line is text")
            .hints.push_back("write '- " + rest + "' for a bullet");
        return false;
      case Habit::Numbered: {
        const char* p = b;
        while (*p >= '0' && *p <= '9') ++p;
        std::string after(p + 1, t.end());
        std::size_t f = after.find_first_not_of(" \t");
        after = f == std::string::npos ? std::string() : after.substr(f);
        after = quote_start(after);
        diags_.warning(loc_.span(b, p + 1), "a numbered line is text, not a bullet")
            .hints.push_back("write '- " + after + "'; bullets are not numbered");
        return false;
      }
      case Habit::None:
        break;
    }
    return false;
  }

 private:
  // ---------------------------------------------------------------- blocks

  /// The runs of some lines; nullopt past the pieces limit (the lines and runs count).
  std::optional<model::Inlines> inlines(const std::vector<ast::Range>& lines) {
    if (!spend(lines.size(), span(lines.back()))) return std::nullopt;
    Joined j;
    for (const ast::Range& r : lines) j.add(r.begin(), r.end());
    // The scanner stops one run past what is left, so a line of "*a* *b* ..." costs no more.
    model::Inlines runs = resume::parse_inlines(j, loc_, diags_, pieces_left() + 1);
    if (!spend(runs.size(), runs.empty() ? span(lines.back()) : runs.back().span)) {
      return std::nullopt;
    }
    return runs;
  }

  void flush_paragraph() {
    if (paragraph_.empty()) return;
    std::vector<ast::Range> lines;
    model::Paragraph p;
    ast::Tags raw_tags;
    for (const ast::Line& l : paragraph_) {
      ast::Range t = trim(l.text);
      if (!t.empty()) lines.push_back(t);
      raw_tags.insert(raw_tags.end(), l.tags.begin(), l.tags.end());
    }
    p.tags = tags(raw_tags);
    if (lines.empty()) {
      diags_.error(span(paragraph_.front().text), "tags without text")
          .hints.push_back("tags go at the end of a line of text, a bullet or a heading");
      paragraph_.clear();
      return;
    }
    std::optional<model::Inlines> text = inlines(lines);
    paragraph_.clear();
    if (!text || !spend(1, span(lines.front()))) return;
    p.text = std::move(*text);
    p.span = loc_.span(lines.front().begin(), lines.back().end());
    if (model::Entry* e = current_entry(); e != nullptr && !e->bullets.empty()) {
      diags_
          .warning(p.span,
                   "this paragraph follows the entry's bullets but prints above them, as its "
                   "description")
          .hints.push_back("move it above the first bullet, or make it a bullet: '- " +
                           quote_start(without_mark(model::plain_text(p.text))) + "'");
    }
    if (model::Entry* e = current_entry()) {
      e->description.push_back(std::move(p));
      extend(e->span, e->description.back().span);
    } else {
      blocks_->push_back(std::move(p));
    }
  }

  static void extend(SourceSpan& s, const SourceSpan& by) {
    s.end_line = by.end_line;
    s.end_col = by.end_col;
  }

  void bullet(const ast::Bullet& b) {
    model::Bullet out;
    std::vector<ast::Range> lines;
    ast::Tags raw_tags = b.first.tags;
    ast::Range first = trim(b.first.text);
    if (!first.empty()) lines.push_back(first);
    for (const ast::Line& l : b.more) {
      ast::Range t = trim(l.text);
      if (!t.empty()) lines.push_back(t);
      raw_tags.insert(raw_tags.end(), l.tags.begin(), l.tags.end());
    }
    out.tags = tags(raw_tags);
    if (lines.empty()) {
      diags_.error(span(b.marker), "empty bullet")
          .hints.push_back("write the text after the dash: '- Moved 38 services to Kubernetes'");
      return;
    }
    std::optional<model::Inlines> text = inlines(lines);
    if (!text || !spend(1, span(b.marker))) return;
    out.text = std::move(*text);
    out.span = loc_.span(b.marker.begin(), lines.back().end());
    if (model::Entry* e = current_entry()) {
      e->bullets.push_back(std::move(out));
      extend(e->span, e->bullets.back().span);
    } else {
      blocks_->push_back(std::move(out));
    }
  }

  /// The colon that ends a group's label: the first one followed by a blank or the end. A
  /// Markdown bold label ("**Languages:** Go" or "**Languages**: Go") counts too. Null when
  /// the line has no label.
  static const char* label_colon(ast::Range t) {
    for (const char* p = t.begin(); p < t.end(); ++p) {
      if (*p == '\\') {
        ++p;
        continue;
      }
      if (*p != ':') continue;
      const char* q = p + 1;
      if (t.end() - q >= 2 && q[0] == '*' && q[1] == '*') q += 2;
      if (q == t.end() || is_blank(*q)) return p;
    }
    return nullptr;
  }

  /// The label before `colon`, without the Markdown bold around it: "**Label:**" or
  /// "**Label**:". A label that only starts or ends with asterisks keeps them.
  static ast::Range label_text(ast::Range t, const char* colon) {
    ast::Range label = trim({t.begin(), colon});
    const char* b = label.begin();
    const char* e = label.end();
    bool closed_after = colon + 2 < t.end() && colon[1] == '*' && colon[2] == '*';
    bool opens = e - b >= 2 && b[0] == '*' && b[1] == '*';
    bool closes = e - b >= 4 && e[-1] == '*' && e[-2] == '*';
    if (opens && (closes || closed_after)) {
      b += 2;
      if (closes) e -= 2;
    }
    return trim({b, e});
  }

  /// The text after a label's colon (and the "**" that closes a bold label).
  static const char* after_label(ast::Range t, const char* colon) {
    const char* p = colon + 1;
    if (t.end() - p >= 2 && p[0] == '*' && p[1] == '*') p += 2;
    return p;
  }

  /// Appends the items of one line to a group; false past the pieces limit.
  bool add_items(model::SkillGroup& g, ast::Range r) {
    for (ast::Range item : resume::split_items(r)) {
      ast::Range it = trim(item);
      if (it.empty()) {
        diags_.warning(loc_.span(item.begin(), item.begin() + 1), "empty item in a list")
            .hints.push_back("separate items with single commas: 'Go, Rust, C++'");
        continue;
      }
      if (!spend(1, span(it))) return false;
      g.items.push_back(model::Skill{resume::unescape(it), false, span(it)});
    }
    return true;
  }

  /// A line of a skills-like section without a label reads as a list when it looks like one:
  /// every comma-separated item is a few words and none ends a sentence. Prose stays prose.
  static bool looks_like_list(ast::Range t) {
    if (t.empty()) return false;
    for (ast::Range item : resume::split_items(t)) {
      ast::Range it = trim(item);
      if (it.empty()) continue;
      std::size_t words = 1;
      for (const char* p = it.begin(); p < it.end(); ++p) {
        if (is_blank(*p) && p + 1 < it.end() && !is_blank(p[1])) ++words;
      }
      char last = it.end()[-1];
      if (words > 4 || last == '.' || last == '!' || last == '?') return false;
    }
    return true;
  }

  /// "Label: a, b, c" in a skills-like section, and "Go, Rust, C++" without a label when it
  /// looks like a list. False (after a warning for prose) when the line stays a paragraph.
  bool skill_group(const ast::Line& l) {
    ast::Range t = trim(l.text);
    const char* colon = label_colon(t);
    if (colon == nullptr) {
      if (t.empty() || current_entry() != nullptr) return false;
      if (habit_kind(t) != Habit::None) return false;
      if (!looks_like_list(t)) {
        // A sentence is prose on purpose; anything else may be a list gone wrong.
        char end = t.end()[-1];
        if (end == '.' || end == '!' || end == '?') return false;
        diags_
            .warning(span(t), "a line without a 'Label:' in a " + doc_.sections.back().title +
                                  " section is printed as a paragraph, not as a list")
            .hints.push_back("write 'Label: a, b, c', or ': a, b, c' for a list without a label");
        return false;
      }
    }
    flush_paragraph();
    if (!spend(1, span(t))) return true;
    model::SkillGroup g;
    // ": a, b" (an empty label) is still a group: the writer needs a way to say so.
    if (colon != nullptr) g.label = resume::unescape(label_text(t, colon));
    g.tags = tags(l.tags);
    g.span = span(t);
    if (!add_items(g, colon != nullptr ? ast::Range{after_label(t, colon), t.end()} : t)) {
      return true;
    }
    entry_index_ = kNoEntry;
    blocks_->push_back(std::move(g));
    return true;
  }

  /// "- Languages: Go, Rust" or "- Go, Rust" in a skills-like section: a group, as the writer
  /// of a Markdown resume meant. Continuation lines add items.
  void skill_bullet(const ast::Bullet& b) {
    ast::Range first = trim(b.first.text);
    const char* colon = label_colon(first);
    model::SkillGroup g;
    if (colon != nullptr) g.label = resume::unescape(label_text(first, colon));
    ast::Tags raw_tags = b.first.tags;
    for (const ast::Line& l : b.more) raw_tags.insert(raw_tags.end(), l.tags.begin(), l.tags.end());
    g.tags = tags(raw_tags);
    const char* end = first.end();
    if (!b.more.empty()) end = trim(b.more.back().text).end();
    g.span = loc_.span(b.marker.begin(), std::max(end, b.marker.end()));
    if (!spend(1, g.span)) return;
    if (!add_items(g,
                   colon != nullptr ? ast::Range{after_label(first, colon), first.end()} : first)) {
      return;
    }
    for (const ast::Line& l : b.more) {
      if (!add_items(g, trim(l.text))) return;
    }
    if (g.items.empty()) {
      diags_.error(span(b.marker), "empty bullet")
          .hints.push_back("write the skills after the dash: '- Languages: Go, Rust'");
      return;
    }
    entry_index_ = kNoEntry;
    blocks_->push_back(std::move(g));
  }

  // ---------------------------------------------------------------- entries

  void entry(const ast::EntryHeading& e) {
    if (!spend(1, span(e.marker))) return;
    model::Entry out;
    const char* end = e.marker.end();
    std::vector<ast::Range> fields;
    for (const ast::Range& f : e.fields) {
      if (!no_stray_brace(trim(f))) break;
    }
    for (const ast::Range& f : e.fields) {
      fields.push_back(trim(f));
      if (!trim(f).empty()) end = trim(f).end();
    }
    if (fields.size() > 4) {
      const ast::Range& extra = e.fields[4];
      diags_
          .error(loc_.span(extra.begin() - 1, extra.begin()),
                 "an entry has at most four fields (Role | Organisation | Location | Dates), "
                 "found " +
                     std::to_string(fields.size()))
          .hints.push_back("write '\\|' for a literal '|' inside a field");
    }
    if (fields.size() > 0) out.role = resume::unescape(fields[0]);
    if (fields.size() > 1) out.organisation = resume::unescape(fields[1]);
    if (fields.size() > 2) out.location = resume::unescape(fields[2]);
    if (fields.size() > 3) dates(fields[3], out.dates);
    if (fields.size() == 3 && !fields[2].empty()) {
      ast::DateRange d;
      if (grammar::resume::parse_date_range(fields[2].begin(), fields[2].end(), d)) {
        diags_.warning(span(fields[2]), "this looks like dates in the location field")
            .hints.push_back(
                "dates are the fourth field; leave the location empty: 'Role | Organisation | | "
                "2021'");
      }
    }
    if (out.role.empty() && out.organisation.empty()) {
      diags_.warning(span(e.marker), "an entry without a role or an organisation")
          .hints.push_back("write '=== Role | Organisation | Location | Dates'");
    }
    if (e.url) {
      ast::Range u = *e.url;
      out.url = checked_url(std::string(u.begin(), u.end()), span(u));
      end = u.end() + 1;
    }
    out.tags = tags(e.tags);
    if (!e.tags.empty()) end = e.tags.back().end() + 1;
    out.span = loc_.span(e.marker.begin(), end);
    blocks_->push_back(std::move(out));
    entry_index_ = blocks_->size() - 1;
  }

  void dates(ast::Range r, model::DateRange& out) {
    if (r.empty()) return;
    ast::DateRange d;
    if (!grammar::resume::parse_date_range(r.begin(), r.end(), d)) {
      auto& diag = diags_.error(span(r), "expected a date like 2021-04 or 2021");
      if (starts_with(r, "present") || starts_with(r, "Present")) {
        diag.hints.push_back("'present' can only end a range: '2021-04 – present'");
      } else {
        diag.hints.push_back(
            "dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges are '2019-03 – 2021-07', "
            "'2019 .. 2021' or '2021-04 – present'");
      }
      return;
    }
    if (!date(d.start, out.start)) return;
    if (!d.end) return;
    ast::Range e = *d.end;
    if (*e.begin() < '0' || *e.begin() > '9') {
      ast::Range word = trim(e);
      std::string w(word.begin(), word.end());
      // English needs no catalog: most resumes never load the other languages' files.
      if (base::lower_ascii(w) != "present" && !locale::Catalog::instance().is_present_word(w)) {
        diags_.error(span(word), "expected a date or a word for 'present'")
            .hints.push_back(
                "end the range with a date or 'present' in a language of templates/locales/: "
                "'2021-04 – present', '2021-04 – heute', '2021-04 – hazırda'");
        return;
      }
      out.end.present = true;
      out.end.span = span(word);
      return;
    }
    if (!date(e, out.end)) return;
    auto key = [](const model::Date& x, bool both_months, bool both_days) {
      return std::array<int, 3>{x.year, both_months ? x.month : 0, both_days ? x.day : 0};
    };
    bool months = out.start.month && out.end.month;
    bool days = months && out.start.day && out.end.day;
    if (key(out.end, months, days) < key(out.start, months, days)) {
      diags_.error(span(r), "the range ends before it starts")
          .hints.push_back("write the earlier date first: 'start – end'");
    }
  }

  bool date(ast::Range r, model::Date& out) {
    auto num = [&](std::size_t at, std::size_t n) {
      int v = 0;
      for (std::size_t i = 0; i < n; ++i) v = v * 10 + (r.begin()[at + i] - '0');
      return v;
    };
    out.year = num(0, 4);
    out.span = span(r);
    if (out.year == 0) {
      // The model's year 0 means "no date": year 0000 would silently vanish from every output.
      diags_.error(loc_.span(r.begin(), r.begin() + 4), "year 0000 is out of range (0001..9999)")
          .hints.push_back("write the year in four digits, for example 2021");
      return false;
    }
    if (r.size() >= 7) out.month = num(5, 2);
    if (r.size() >= 10) out.day = num(8, 2);
    if (r.size() >= 7 && (out.month < 1 || out.month > 12)) {
      diags_
          .error(loc_.span(r.begin() + 5, r.begin() + 7),
                 "month " + std::to_string(out.month) + " is out of range (01..12)")
          .hints.push_back("dates are YYYY-MM, for example 2021-04");
      return false;
    }
    if (r.size() >= 10) {
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = (out.year % 4 == 0 && out.year % 100 != 0) || out.year % 400 == 0;
      int max = out.month == 2 && !leap ? 28 : kDays[out.month - 1];
      if (out.day < 1 || out.day > max) {
        diags_
            .error(loc_.span(r.begin() + 8, r.begin() + 10),
                   "day " + std::to_string(out.day) + " is out of range for " +
                       std::string(r.begin(), r.begin() + 7))
            .hints.push_back("dates are YYYY-MM-DD, for example 2021-04-12");
        return false;
      }
    }
    return true;
  }

  /// The entry that prose and bullets attach to (an index: blocks_ may reallocate).
  model::Entry* current_entry() {
    return entry_index_ == kNoEntry ? nullptr : &std::get<model::Entry>((*blocks_)[entry_index_]);
  }

  static constexpr std::size_t kNoEntry = static_cast<std::size_t>(-1);
  bool list_section_ = false;
  std::size_t entry_index_ = kNoEntry;
  std::vector<model::Block>* blocks_ = nullptr;
  std::vector<ast::Line> paragraph_;    ///< The lines of the paragraph being read.
  std::optional<ast::Bullet> pending_;  ///< The bullet being read: later lines may continue it.
  const char* loc_base_ = nullptr;      ///< The start of the buffer (for looking one byte back).

 public:
  void set_buffer(const char* base) { loc_base_ = base; }
};

std::string expected_hint(const std::string& expected) {
  if (expected == "a space after '=='" || expected == "a section title") {
    return "section headings look like '== Experience' or '== Summary {devops}'";
  }
  if (expected == "a space after '==='") {
    return "entries look like '=== Role | Organisation | Location | Dates'";
  }
  if (expected.find("tag") != std::string::npos) {
    return "tags go at the end of a line as {infrastructure, devops}";
  }
  return {};
}

}  // namespace

std::optional<model::Document> parse_resume(std::uint32_t file_id, std::string_view text,
                                            diag::Diagnostics& diags) {
  // The grammar wants a final newline; offsets of the original text stay the same. The text
  // is copied only when the newline must be added.
  std::string with_newline;
  std::string_view buffer = text;
  if (buffer.empty() || buffer.back() != '\n') {
    with_newline.reserve(text.size() + 1);
    with_newline.append(text).push_back('\n');
    buffer = with_newline;
  }
  Locator loc(file_id, buffer);
  std::size_t errors_before = diags.error_count();

  // A leading BOM is already gone; another one is invisible in an editor, yet it would end
  // up inside a name or a heading ("==" after it is no heading): say what and where it is.
  static constexpr std::string_view kBom = "\xEF\xBB\xBF";
  for (std::size_t at = buffer.find(kBom); at != std::string_view::npos;
       at = buffer.find(kBom, at + kBom.size())) {
    const char* p = buffer.data() + at;
    diags.error(loc.span(p, p + kBom.size()), "byte order mark (U+FEFF) in the middle of the file")
        .hints.push_back(
            "it is invisible in most editors and usually left by joining files; delete it");
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  grammar::resume::SyntaxError err;
  Lowering lowering(loc, diags);
  lowering.set_buffer(buffer.data());
  const char* it = buffer.data();
  const char* last = it + buffer.size();
  auto syntax_error = [&]() -> std::optional<model::Document> {
    const char* at = err.where ? err.where : it;
    auto& d = diags.error(loc.span(at, at + 1), "expected " + err.expected);
    std::string hint = expected_hint(err.expected);
    if (!hint.empty()) d.hints.push_back(hint);
    return std::nullopt;
  };
  // One item at a time: each is lowered and dropped, so memory follows the model, not the file.
  while (it != last && !grammar::resume::at_section_start(it, last) &&
         !lowering.hash_heading_starts_section(it, last)) {
    ast::HeaderItem item;
    if (!grammar::resume::parse_header_item(it, last, item, err)) return syntax_error();
    lowering.header_item(item);
  }
  lowering.end_header();
  while (it != last && !lowering.over_budget()) {
    ast::SectionHeading heading;
    if (!grammar::resume::parse_section_heading(it, last, heading, err)) return syntax_error();
    lowering.begin_section(heading);
    while (it != last && !grammar::resume::at_body_section_start(it, last) &&
           !lowering.over_budget()) {
      ast::BodyItem item;
      if (!grammar::resume::parse_body_item(it, last, item, err)) return syntax_error();
      lowering.body_item(item);
    }
    lowering.end_section();
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return lowering.take();
}

}  // namespace tailor::reader
