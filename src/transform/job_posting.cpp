// Reading job postings: plain text with headings, or the JSON Resume job schema
// (see docs/matching.md, "The posting format").
#include <algorithm>
#include <array>
#include <filesystem>

#include "base/strings.hpp"
#include "base/utf8.hpp"
#include "reader/json_value.hpp"
#include "reader/reader.hpp"
#include "transform/job.hpp"
#include "transform/posting_headings.hpp"
#include "transform/posting_scope.hpp"
#include "transform/tokens.hpp"

namespace tailor::transform {

using model::SourceSpan;

const char* to_string(PostingPart part) {
  switch (part) {
    case PostingPart::Title:
      return "title";
    case PostingPart::Required:
      return "required";
    case PostingPart::Responsibility:
      return "responsibilities";
    case PostingPart::Optional:
      return "nice-to-have";
    case PostingPart::Context:
      return "context";
  }
  return "context";
}

namespace {

// ------------------------------------------------------------------------------------------------
// Words of headings
// ------------------------------------------------------------------------------------------------

// Lower case, typographic apostrophes folded to ', runs of spaces collapsed.
std::string fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // U+2019
      out += '\'';
      i += 2;
      continue;
    }
    char c = s[i];
    if (c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return lower(out);
}

bool contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

struct Phrase {
  const char* text;
  PostingPart part;
};

// Whole headings recognised even without a colon or markdown marks.
constexpr std::array kHeadings = {
    Phrase{"requirements", PostingPart::Required},
    Phrase{"required", PostingPart::Required},
    Phrase{"required skills", PostingPart::Required},
    Phrase{"required qualifications", PostingPart::Required},
    Phrase{"minimum qualifications", PostingPart::Required},
    Phrase{"basic qualifications", PostingPart::Required},
    Phrase{"qualifications", PostingPart::Required},
    Phrase{"must have", PostingPart::Required},
    Phrase{"must haves", PostingPart::Required},
    Phrase{"must-have", PostingPart::Required},
    Phrase{"must-haves", PostingPart::Required},
    Phrase{"what you'll need", PostingPart::Required},
    Phrase{"what you will need", PostingPart::Required},
    Phrase{"what you need", PostingPart::Required},
    Phrase{"what we're looking for", PostingPart::Required},
    Phrase{"what we are looking for", PostingPart::Required},
    Phrase{"who you are", PostingPart::Required},
    Phrase{"about you", PostingPart::Required},
    Phrase{"you have", PostingPart::Required},
    Phrase{"what you bring", PostingPart::Required},
    Phrase{"skills", PostingPart::Required},
    Phrase{"skills and experience", PostingPart::Required},
    Phrase{"your experience", PostingPart::Required},
    Phrase{"your profile", PostingPart::Required},
    Phrase{"nice to have", PostingPart::Optional},
    Phrase{"nice to haves", PostingPart::Optional},
    Phrase{"nice-to-have", PostingPart::Optional},
    Phrase{"nice-to-haves", PostingPart::Optional},
    Phrase{"bonus", PostingPart::Optional},
    Phrase{"bonus points", PostingPart::Optional},
    Phrase{"preferred", PostingPart::Optional},
    Phrase{"preferred qualifications", PostingPart::Optional},
    Phrase{"preferred skills", PostingPart::Optional},
    Phrase{"pluses", PostingPart::Optional},
    Phrase{"good to have", PostingPart::Optional},
    Phrase{"desirable", PostingPart::Optional},
    Phrase{"extra credit", PostingPart::Optional},
    Phrase{"responsibilities", PostingPart::Responsibility},
    Phrase{"key responsibilities", PostingPart::Responsibility},
    Phrase{"what you'll do", PostingPart::Responsibility},
    Phrase{"what you will do", PostingPart::Responsibility},
    Phrase{"the role", PostingPart::Responsibility},
    Phrase{"your role", PostingPart::Responsibility},
    Phrase{"about the role", PostingPart::Responsibility},
    Phrase{"in this role", PostingPart::Responsibility},
    Phrase{"day to day", PostingPart::Responsibility},
    Phrase{"duties", PostingPart::Responsibility},
    Phrase{"tech stack", PostingPart::Responsibility},
    Phrase{"our stack", PostingPart::Responsibility},
    Phrase{"about us", PostingPart::Context},
    Phrase{"about the company", PostingPart::Context},
    Phrase{"about the team", PostingPart::Context},
    Phrase{"who we are", PostingPart::Context},
    Phrase{"benefits", PostingPart::Context},
    Phrase{"perks", PostingPart::Context},
    Phrase{"what we offer", PostingPart::Context},
    Phrase{"compensation", PostingPart::Context},
    Phrase{"how to apply", PostingPart::Context},
};

// A heading that is marked as one (a trailing colon, '#', bold) but not in the table: classify
// it by its words, the optional words first ("Preferred qualifications").
PostingPart classify_words(const std::string& h) {
  for (const char* w : {"nice", "bonus", "prefer", "plus", "desirab", "extra"}) {
    if (contains(h, w)) return PostingPart::Optional;
  }
  for (const char* w : {"require", "must", "need", "qualif", "looking for", "bring", "you have",
                        "skill", "experience", "profile"}) {
    if (contains(h, w)) return PostingPart::Required;
  }
  for (const char* w : {"responsib", "you'll do", "you will", "role", "day", "duties", "impact",
                        "stack", "work on"}) {
    if (contains(h, w)) return PostingPart::Responsibility;
  }
  return PostingPart::Context;
}

std::optional<PostingPart> table_heading(const std::string& folded) {
  for (const Phrase& p : kHeadings) {
    if (folded == p.text) return p.part;
  }
  return std::nullopt;
}

// Removes markdown heading and emphasis marks; `marked` tells whether there were any.
std::string strip_marks(std::string_view line, bool& marked) {
  std::string s = base::trim(line);
  marked = false;
  std::size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes && hashes < s.size() && s[hashes] == ' ') {
    s = base::trim(std::string_view(s).substr(hashes));
    marked = true;
  }
  while (s.size() >= 4 && ((s.rfind("**", 0) == 0 && s.compare(s.size() - 2, 2, "**") == 0) ||
                           (s.rfind("__", 0) == 0 && s.compare(s.size() - 2, 2, "__") == 0))) {
    s = base::trim(std::string_view(s).substr(2, s.size() - 4));
    marked = true;
  }
  return s;
}

bool is_bullet(std::string_view t) {
  std::string s = base::trim(t);
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '*' || s[0] == '+') return s.size() > 1 && s[1] == ' ';
  return s.rfind("\xE2\x80\xA2", 0) == 0 || s.rfind("\xC2\xB7", 0) == 0;  // bullet, middle dot
}

/// The part a line starts when it is a heading; nullopt for ordinary lines.
std::optional<PostingPart> heading(std::string_view line) {
  if (is_bullet(line)) return std::nullopt;
  bool marked = false;
  std::string s = strip_marks(line, marked);
  bool colon = !s.empty() && s.back() == ':';
  while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == ' ')) s.pop_back();
  if (colon) {
    bool dummy = false;
    s = strip_marks(s, dummy);  // "**Requirements**:"
  }
  std::string f = fold(s);
  if (f.empty() || base::count_words(f) > 7 || f.size() > 60) return std::nullopt;
  if (auto p = table_heading(f)) return p;
  if (auto p = foreign_heading(s)) return p;
  if (marked || colon) return classify_words(f);
  return std::nullopt;
}

// A line saying that its item is optional demotes it ("Rust is a plus").
bool says_optional(const std::string& line) {
  std::string f = fold(line);
  for (const char* w : {"nice to have", "nice-to-have", "is a plus", "are a plus", "a big plus",
                        "bonus", "preferred", "ideally", "would be great", "not required"}) {
    if (contains(f, w)) return true;
  }
  return says_optional_foreign(line);
}

PostingPart demote(PostingPart part, const std::string& text) {
  if ((part == PostingPart::Required || part == PostingPart::Responsibility) &&
      says_optional(text)) {
    return PostingPart::Optional;
  }
  return part;
}

// "Key: value" at the start of a line: the folded key and the value's byte offset.
bool key_value(std::string_view line, std::string& key, std::size_t& value_at) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
  std::string k = fold(base::trim(line.substr(0, colon)));
  if (k.empty() || base::count_words(k) > 4 || is_bullet(line)) return false;
  std::size_t v = colon + 1;
  while (v < line.size() && line[v] == ' ') ++v;
  if (v >= line.size()) return false;
  if (line.compare(v, 2, "//") == 0) return false;  // "https://..."
  key = k;
  value_at = v;
  return true;
}

bool is_stack_key(const std::string& k) {
  for (const char* s : {"tech stack", "stack", "our stack", "tools", "technologies", "tech"}) {
    if (k == s) return true;
  }
  return false;
}

// "Go, Kafka and Istio." -> {"Go", "Kafka", "Istio"}; items longer than three words are skipped.
void split_items(std::string_view value, std::vector<std::string>& out) {
  std::string v(value);
  for (std::string sep : {" and ", "; "}) {
    for (std::size_t p = v.find(sep); p != std::string::npos; p = v.find(sep, p + 1)) {
      v.replace(p, sep.size(), ", ");
    }
  }
  for (const std::string& piece : base::split(v, ",")) {
    std::string item = base::trim(piece);
    while (!item.empty() && (item.back() == '.' || item.back() == ' ')) item.pop_back();
    if (!item.empty() && base::count_words(item) <= 3) out.push_back(item);
  }
}

SourceSpan line_span(std::uint32_t file_id, std::uint32_t line, std::string_view text) {
  SourceSpan s;
  s.file_id = file_id;
  s.line = s.end_line = line;
  s.col = 1;
  s.end_col = static_cast<std::uint32_t>(1 + base::count_code_points(text));
  return s;
}

// Shared by the text reader and the JSON description: lines with headings switching parts.
class TextScanner {
 public:
  TextScanner(Posting& p, PostingPart start) : p_(p), part_(start) {}

  // One line: a heading switches the part; header fields (title, company) are taken when
  // allow_header (plain text, not a JSON description); anything else is a PostingLine.
  void line(std::string_view raw, SourceSpan span, bool allow_header) {
    std::string text = base::trim(raw);
    if (text.empty()) return;
    if (auto h = heading(text)) {
      part_ = *h;
      return;
    }
    std::string key;
    std::size_t at = 0;
    PostingPart part = part_;
    if (key_value(text, key, at)) {
      std::string value = text.substr(at);
      bool title_key = key == "title" || key == "job title" || key == "position" || key == "role";
      if (title_key && allow_header) {
        if (!title_explicit_) {
          p_.title = value;
          p_.title_span = span;
          title_explicit_ = true;
        }
        return;
      }
      if (key == "company" || key == "employer" || key == "organisation" || key == "organization") {
        if (p_.company.empty()) p_.company = value;
        add(text, PostingPart::Context, span);
        return;
      }
      if (is_stack_key(key)) {
        split_items(value, p_.named_skills);
        part = PostingPart::Responsibility;
      } else if (auto t = table_heading(key)) {
        part = *t;  // "Nice to have: Pulumi" is a one-line section
      } else if (auto t2 = foreign_heading(key)) {
        part = *t2;  // "Будет плюсом: Kafka"
      }
    } else if (allow_header && p_.title.empty() && !seen_text_) {
      bool marked = false;
      p_.title = strip_marks(text, marked);
      p_.title_span = span;
      seen_text_ = true;
      return;
    }
    seen_text_ = true;
    add(text, demote(part, text), span);
  }

 private:
  void add(const std::string& text, PostingPart part, SourceSpan span) {
    p_.lines.push_back({text, part, span, false, is_bullet(text)});
  }
  Posting& p_;
  PostingPart part_;
  bool seen_text_ = false;
  bool title_explicit_ = false;
};

// ------------------------------------------------------------------------------------------------
// JSON Resume job schema
// ------------------------------------------------------------------------------------------------

using json::Kind;
using json::Value;

class JobMapper {
 public:
  JobMapper(Posting& p, diag::Diagnostics& diags) : p_(p), diags_(diags) {}

  void map(const Value& root) {
    if (!root.is(Kind::Object)) {
      type_error(root, "$", "an object (a JSON Resume job)");
      return;
    }
    static const std::vector<std::string> known = {
        "$schema",          "title",          "company", "type",   "date",
        "description",      "location",       "remote",  "salary", "experience",
        "responsibilities", "qualifications", "skills",  "tools",  "meta"};
    for (const json::Member& m : root.members) {
      if (std::find(known.begin(), known.end(), m.key) == known.end()) {
        diag::Diagnostic& d =
            diags_.warning(m.key_span, "$: unknown key \"" + m.key + "\" is ignored");
        std::vector<std::string> near = did_you_mean(m.key, known);
        if (!near.empty()) d.hints.push_back("did you mean \"" + near.front() + "\"?");
      }
    }
    for (const json::Member& m : root.members) {
      const std::string path = "$." + m.key;
      const Value& v = m.value;
      if (m.key == "title") {
        if (string(v, path)) {
          p_.title = base::trim(v.text);
          p_.title_span = text_span(v, v.text, true);
        }
      } else if (m.key == "company") {
        if (string(v, path)) {
          p_.company = v.text;
          add(v.text, PostingPart::Context, v);
        }
      } else if (m.key == "description") {
        if (string(v, path)) {
          TextScanner scan(p_, PostingPart::Context);
          std::size_t start = 0;
          while (start <= v.text.size()) {
            std::size_t nl = v.text.find('\n', start);
            std::string_view line = std::string_view(v.text).substr(
                start, nl == std::string::npos ? std::string::npos : nl - start);
            scan.line(line, text_span(v, line, nl == std::string::npos && start == 0), false);
            if (nl == std::string::npos) break;
            start = nl + 1;
          }
        }
      } else if (m.key == "responsibilities" || m.key == "qualifications") {
        PostingPart part =
            m.key == "qualifications" ? PostingPart::Required : PostingPart::Responsibility;
        strings(v, path, [&](const Value& s) { add(s.text, demote(part, s.text), s); });
      } else if (m.key == "experience") {
        if (string(v, path)) add(v.text, PostingPart::Required, v);
      } else if (m.key == "skills" || m.key == "tools") {
        skills(v, path);
      } else if (m.key == "location" || m.key == "meta") {
        if (!v.is(Kind::Object)) type_error(v, path, "an object");
      } else if (m.key == "salary") {
        if (!v.is(Kind::String) && !v.is(Kind::Number)) type_error(v, path, "a string");
      } else if (m.key == "type" || m.key == "date" || m.key == "remote" || m.key == "$schema") {
        string(v, path);
      }
    }
    if (p_.title.empty()) {
      diags_.warning(root.span, "$: the posting has no \"title\"")
          .hints.push_back("the title helps choose the suggested headline: \"title\": \"...\"");
    }
  }

 private:
  void type_error(const Value& v, const std::string& path, const std::string& expected) {
    diag::Diagnostic& d = reader::json_type_error(diags_, v, path, expected);
    if (v.is(Kind::String) && expected.rfind("an object", 0) == 0 &&
        path.find("skills") != std::string::npos) {
      d.hints.push_back("write a skill as {\"name\": \"" + v.text + "\", \"keywords\": []}");
    }
  }

  bool string(const Value& v, const std::string& path) {
    if (v.is(Kind::String)) return true;
    type_error(v, path, "a string");
    return false;
  }

  template <class F>
  void strings(const Value& v, const std::string& path, F each) {
    if (!v.is(Kind::Array)) {
      type_error(v, path, "an array of strings");
      return;
    }
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const Value& s = v.items[i];
      if (string(s, path + "[" + std::to_string(i) + "]")) each(s);
    }
  }

  void skills(const Value& v, const std::string& path) {
    if (!v.is(Kind::Array)) {
      type_error(v, path, "an array of skills");
      return;
    }
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      const Value& s = v.items[i];
      std::string at = path + "[" + std::to_string(i) + "]";
      if (!s.is(Kind::Object)) {
        type_error(s, at, "an object {name, level, keywords}");
        continue;
      }
      PostingPart part = PostingPart::Required;
      if (const Value* level = s.find("level")) {
        if (string(*level, at + ".level")) part = demote(PostingPart::Required, level->text);
        std::string f = fold(level->text);
        if (contains(f, "optional") || contains(f, "plus") || contains(f, "nice")) {
          part = PostingPart::Optional;
        }
      }
      if (const Value* name = s.find("name")) {
        if (string(*name, at + ".name") && !base::trim(name->text).empty()) {
          p_.named_skills.push_back(base::trim(name->text));
          add(name->text, part, *name);
        }
      }
      if (const Value* kws = s.find("keywords")) {
        strings(*kws, at + ".keywords", [&](const Value& k) {
          if (base::trim(k.text).empty()) return;
          p_.named_skills.push_back(base::trim(k.text));
          add(k.text, part, k);
        });
      }
      for (const json::Member& m : s.members) {
        if (m.key != "name" && m.key != "level" && m.key != "keywords") {
          diags_.warning(m.key_span, at + ": unknown key \"" + m.key + "\" is ignored");
        }
      }
    }
  }

  // The span of a string's text: exact columns when it is one line without escapes.
  static SourceSpan text_span(const Value& v, std::string_view piece, bool whole) {
    SourceSpan s = v.span;
    bool simple = s.known() && s.line == s.end_line &&
                  s.end_col - s.col == base::count_code_points(v.text) + 2;
    if (simple && whole) {
      s.col += 1;
      s.end_col -= 1;
    }
    (void)piece;
    return s;
  }

  void add(const std::string& text, PostingPart part, const Value& v) {
    p_.lines.push_back({base::trim(text), part, text_span(v, text, true)});
  }

  Posting& p_;
  diag::Diagnostics& diags_;
};

}  // namespace

// ------------------------------------------------------------------------------------------------
// Entry points
// ------------------------------------------------------------------------------------------------

namespace {

void mark_elsewhere(Posting& p) {
  for (PostingLine& l : p.lines) l.elsewhere = assigned_elsewhere(l.text);
}

}  // namespace

std::optional<Posting> parse_posting_text(std::uint32_t file_id, std::string_view text,
                                          diag::Diagnostics& diags) {
  Posting p;
  TextScanner scan(p, PostingPart::Context);
  std::uint32_t n = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++n;
    scan.line(line, line_span(file_id, n, line), true);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (p.title.empty() && p.lines.empty()) {
    SourceSpan s;
    s.file_id = file_id;
    s.line = s.end_line = 1;
    s.col = s.end_col = 1;
    diags.error(s, "the job posting is empty")
        .hints.push_back("paste the posting's text, or give a JSON job (docs/matching.md)");
    return std::nullopt;
  }
  mark_elsewhere(p);
  return p;
}

std::optional<Posting> parse_posting_json(std::uint32_t file_id, std::string_view text,
                                          diag::Diagnostics& diags) {
  std::optional<json::Value> root = reader::parse_json(file_id, text, diags);
  if (!root) return std::nullopt;
  Posting p;
  std::size_t errors = diags.error_count();
  JobMapper(p, diags).map(*root);
  if (diags.error_count() > errors) return std::nullopt;
  mark_elsewhere(p);
  return p;
}

std::optional<Posting> read_posting(const std::string& path, model::SourceManager& sources,
                                    diag::Diagnostics& diags) {
  std::uint32_t id = reader::load_source(path, sources, diags);
  if (!id) return std::nullopt;
  const std::string& text = sources.text(id);
  // The extension decides: .json is JSON, .txt/.text/.md is text even when it starts with
  // '{'. A posting with another extension (or none) is sniffed. Either way a '{' start is
  // worth a word: the user may have meant the other format.
  std::string ext = lower(std::filesystem::path(path).extension().string());
  std::size_t first = text.find_first_not_of(" \t\r\n");
  bool is_json = ext == ".json";
  if (!is_json && first != std::string::npos && text[first] == '{') {
    bool text_ext = ext == ".txt" || ext == ".text" || ext == ".md";
    is_json = !text_ext;
    auto before = std::string_view(text).substr(0, first);
    auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    std::size_t line_start = before.rfind('\n');
    auto col = static_cast<std::uint32_t>(
        line_start == std::string_view::npos ? first + 1 : first - line_start);
    model::SourceSpan at{id, line, col, line, col + 1};
    if (text_ext) {
      diags
          .warning(at,
                   "this posting starts with '{' but is read as plain text, as its name "
                   "says (" +
                       ext + ")")
          .hints.push_back("name it .json to read it as a JSON job posting");
    } else {
      diags.warning(at, "reading this posting as JSON (job schema) because it starts with '{'")
          .hints.push_back("name it .json to say so, or .txt to read it as plain text");
    }
  }
  std::optional<Posting> p =
      is_json ? parse_posting_json(id, text, diags) : parse_posting_text(id, text, diags);
  if (p) p->path = path;
  return p;
}

}  // namespace tailor::transform
