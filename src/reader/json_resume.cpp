// JSON Resume v1 (https://jsonresume.org/schema) into the document model. The JSON grammar gives
// every value a position, so type errors carry file:line:col and the JSON path ($.work[2].x).
//
// Mapping (the writer in src/writer/json/ reverses it):
//   basics.name/label/email/phone/image -> header name/headline/email/phone/photo
//   basics.url                          -> link "Website"
//   basics.profiles[]                   -> links "Network (username)" -> url
//   basics.location                     -> address "street, postal code"; location "City, Region,
//   CC" basics.summary                      -> Summary section, one paragraph per line work[] /
//   volunteer[]                -> Experience / Volunteering entries: position -> role,
//                                          name/organization -> organisation; no endDate = present
//   education[]                         -> role "studyType, area", institution; "Score: x";
//                                          courses -> bullets
//   awards[] / certificates[] / publications[] -> entries (title/name, awarder/issuer/publisher)
//   skills[]                            -> groups "Name (Level)": keywords
//   languages[] / interests[]           -> groups "Language": fluency / "Name": keywords
//   projects[]                          -> entries; "Roles: ", "Type: ", "Keywords: " paragraphs
//   references[]                        -> References paragraphs "Name: reference"
// Sections keep the order of the file. Unknown keys and values of the wrong type (null
// included) are warnings with their JSON path, and such a value is read as absent.
#include <algorithm>
#include <initializer_list>

#include "base/links.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "locale/text.hpp"
#include "reader/json_value.hpp"
#include "reader/reader.hpp"

namespace tailor::reader {

namespace {

using json::Kind;
using json::Value;
using model::SourceSpan;

/// The span from a member's key to the end of its value (a section heading's span).
SourceSpan member_span(const json::Member& m) {
  SourceSpan s = m.key_span;
  s.end_line = m.value.span.end_line;
  s.end_col = m.value.span.end_col;
  return s;
}

/// Splits prose at line breaks into paragraphs; blank lines are dropped.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    std::size_t a = line.find_first_not_of(" \t");
    std::size_t b = line.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(line.substr(a, b - a + 1));
    start = nl + 1;
  }
  return out;
}

class Mapper {
 public:
  Mapper(diag::Diagnostics& diags) : diags_(diags) {}

  model::Document map(const Value& root) {
    model::Document doc;
    if (!root.is(Kind::Object)) {
      // Nothing of a resume can be read from it: the one type mismatch that is an error.
      json_type_error(diags_, root, "$", "an object (a JSON Resume document)");
      return doc;
    }
    check_keys(
        root, "$",
        {"$schema", "basics", "work", "volunteer", "education", "awards", "certificates",
         "publications", "skills", "languages", "interests", "references", "projects", "meta"});
    // Sections follow the order of the file, so a round trip keeps the author's order.
    for (const json::Member& m : root.members) {
      const std::string path = "$." + m.key;
      if (m.key == "basics") {
        basics(m.value, path, doc);
      } else if (m.key == "work") {
        section(doc, m, model::SectionKind::Experience, "Experience",
                [&](const Value& v, const std::string& p) { return work(v, p, true); });
      } else if (m.key == "volunteer") {
        section(doc, m, model::SectionKind::Volunteering, "Volunteering",
                [&](const Value& v, const std::string& p) { return work(v, p, false); });
      } else if (m.key == "education") {
        section(doc, m, model::SectionKind::Education, "Education",
                [&](const Value& v, const std::string& p) { return education(v, p); });
      } else if (m.key == "awards") {
        section(doc, m, model::SectionKind::Awards, "Awards",
                [&](const Value& v, const std::string& p) { return award(v, p); });
      } else if (m.key == "certificates") {
        section(doc, m, model::SectionKind::Certifications, "Certifications",
                [&](const Value& v, const std::string& p) { return certificate(v, p); });
      } else if (m.key == "publications") {
        section(doc, m, model::SectionKind::Publications, "Publications",
                [&](const Value& v, const std::string& p) { return publication(v, p); });
      } else if (m.key == "skills") {
        section(doc, m, model::SectionKind::Skills, "Skills",
                [&](const Value& v, const std::string& p) { return skill(v, p); });
      } else if (m.key == "languages") {
        section(doc, m, model::SectionKind::Languages, "Languages",
                [&](const Value& v, const std::string& p) { return language(v, p); });
      } else if (m.key == "interests") {
        section(doc, m, model::SectionKind::Interests, "Interests",
                [&](const Value& v, const std::string& p) { return interest(v, p); });
      } else if (m.key == "references") {
        section(doc, m, model::SectionKind::References, "References",
                [&](const Value& v, const std::string& p) { return reference(v, p); });
      } else if (m.key == "projects") {
        section(doc, m, model::SectionKind::Projects, "Projects",
                [&](const Value& v, const std::string& p) { return project(v, p); });
      } else if (m.key == "$schema" || m.key == "meta") {
        if (m.key == "$schema") expect(m.value, path, Kind::String, "a string (a URL)");
        if (m.key == "meta" && expect(m.value, path, Kind::Object, "an object")) {
          // Free-form by the schema; its three known fields are strings, and language is ours.
          for (const char* k : {"canonical", "version", "lastModified"}) text(m.value, k, path);
          meta(doc, m.value, path);
        }
      }
    }
    return doc;
  }

 private:
  /// meta.language: the document's language (a BCP 47 tag); meta.ref: the candidate
  /// reference. Other meta keys are JSON Resume's own (canonical, version, lastModified) and
  /// are not ours to check.
  void meta(model::Document& doc, const Value& v, const std::string& path) {
    for (const auto& m : v.members) {
      if (m.key == "ref") {
        if (expect(m.value, path + ".ref", Kind::String, "a string (a candidate reference)")) {
          doc.header.ref = model::Field{m.value.text, m.value.span};
        }
        continue;
      }
      if (m.key != "language") continue;
      std::string p = path + ".language";
      if (!expect(m.value, p, Kind::String, "a string (a BCP 47 tag such as \"de\")")) return;
      std::string tag = locale::canonical_tag(m.value.text);
      if (tag.empty()) {
        diags_.error(m.value.span, p + ": '" + m.value.text + "' is not a BCP 47 language tag")
            .hints.push_back("write a language tag such as \"de\", \"az\" or \"pt-BR\"");
        return;
      }
      doc.header.language = model::Field{tag, m.value.span};
    }
  }

  // ---- checks ------------------------------------------------------------------------------

  /// A value of the wrong type, null included, is warned about with its JSON path and then
  /// read as absent, so one bad field never loses the rest of the resume.
  void type_error(const Value& v, const std::string& path, const std::string& expected) {
    json_type_warning(diags_, v, path, expected);
  }

  /// True when v has the kind; otherwise warns (type_error). null never matches.
  bool expect(const Value& v, const std::string& path, Kind kind, const std::string& expected) {
    if (v.is(kind)) return true;
    type_error(v, path, expected);
    return false;
  }

  void check_keys(const Value& obj, const std::string& path,
                  std::initializer_list<const char*> known) {
    for (const json::Member& m : obj.members) {
      if (std::find_if(known.begin(), known.end(), [&](const char* k) { return m.key == k; }) !=
          known.end()) {
        continue;
      }
      // Names from JSON Resume v0 and common slips, then the nearest known key.
      static const std::pair<const char*, const char*> kAliases[] = {
          {"website", "url"},
          {"company", "name"},
          {"certifications", "certificates"},
          {"experience", "work"},
          {"volunteering", "volunteer"},
          {"title", "position"},
          {"degree", "studyType"},
          {"school", "institution"},
          {"gpa", "score"},
          {"end", "endDate"},
          {"start", "startDate"}};
      std::string guess;
      for (const auto& [from, to] : kAliases) {
        if (m.key == from) guess = to;
      }
      std::size_t best = 3;
      if (guess.empty()) {
        for (const char* k : known) {
          std::size_t limit = std::string_view(k).size() <= 4 ? 1 : 2;
          // The length gap bounds the distance from below: a huge key costs no O(n*m) table.
          if (m.key.size() > std::string_view(k).size() + limit) continue;
          std::size_t d = base::edit_distance_nocase(m.key, k);
          if (d <= limit && d < best) {
            best = d;
            guess = k;
          }
        }
      }
      std::string message = path + ": unknown key \"" + m.key + "\" is ignored";
      if (!guess.empty() && std::find_if(known.begin(), known.end(), [&](const char* k) {
                              return guess == k;
                            }) != known.end()) {
        message += "; did you mean \"" + guess + "\"?";
      }
      diag::Diagnostic& d = diags_.warning(m.key_span, message);
      std::string list;
      for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      d.hints.push_back("JSON Resume v1 keys here: " + list);
    }
  }

  /// The string member `key` of obj, or nullptr when absent, null, or not a string (error).
  const Value* string_field(const Value& obj, const char* key, const std::string& path) {
    const Value* v = obj.find(key);
    if (!v) return nullptr;
    if (!expect(*v, path + "." + key, Kind::String, "a string")) return nullptr;
    return v;
  }

  std::string text(const Value& obj, const char* key, const std::string& path) {
    const Value* v = string_field(obj, key, path);
    return v ? v->text : std::string();
  }

  model::Field field(const Value& obj, const char* key, const std::string& path) {
    const Value* v = string_field(obj, key, path);
    if (!v || v->text.empty()) return {};
    return {v->text, v->span};
  }

  /// An array of strings, each with its position. Blank strings hold nothing to show ("- "
  /// alone is not a bullet), so they are left out.
  std::vector<const Value*> strings(const Value& obj, const char* key, const std::string& path) {
    std::vector<const Value*> out;
    const Value* v = obj.find(key);
    if (!v) return out;
    std::string p = path + "." + key;
    if (!expect(*v, p, Kind::Array, "an array of strings")) return out;
    for (std::size_t i = 0; i < v->items.size(); ++i) {
      const Value& item = v->items[i];
      if (expect(item, p + "[" + std::to_string(i) + "]", Kind::String, "a string") &&
          item.text.find_first_not_of(" \t\n\r") != std::string::npos) {
        out.push_back(&item);
      }
    }
    return out;
  }

  void check_url(const Value& v, const std::string& path) {
    if (base::check_link(v.text) == base::LinkCheck::UnsafeScheme) {
      diags_
          .warning(v.span, path + ": link scheme \"" + base::link_scheme(v.text) +
                               ":\" is not allowed; the address is kept as plain text")
          .hints.push_back("links may use https, http, mailto or tel");
    }
  }

  std::string url(const Value& obj, const char* key, const std::string& path) {
    const Value* v = string_field(obj, key, path);
    if (!v) return {};
    check_url(*v, path + "." + key);
    return v->text;
  }

  /// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an empty string is no date.
  model::Date date(const Value& obj, const char* key, const std::string& path) {
    model::Date d;
    const Value* v = string_field(obj, key, path);
    if (!v || v->text.empty()) return d;
    const std::string& s = v->text;
    auto digits = [&](std::size_t at, std::size_t n) {
      if (at + n > s.size()) return -1;
      int x = 0;
      for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        x = x * 10 + (s[i] - '0');
      }
      return x;
    };
    bool ok = false;
    int year = digits(0, 4), month = 0, day = 0;
    if (s.size() == 4) {
      ok = year >= 0;
    } else if (s.size() == 7 && s[4] == '-') {
      month = digits(5, 2);
      ok = year >= 0 && month >= 1 && month <= 12;
    } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
      month = digits(5, 2);
      day = digits(8, 2);
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 &&
           day <= (month == 2 && !leap ? 28 : kDays[month - 1]);
    }
    if (!ok || year == 0) {
      diag::Diagnostic& e = diags_.error(v->span, path + "." + key + ": invalid date \"" + s +
                                                      "\": expected YYYY, YYYY-MM or YYYY-MM-DD");
      // Only a date of one of the three shapes has a month to blame ("2013-12-021" has not).
      bool shaped = (s.size() == 7 || (s.size() == 10 && s[7] == '-')) && s[4] == '-';
      if (shaped && (month < 1 || month > 12)) {
        e.hints.push_back("months run from 01 to 12");
      } else if (s.size() == 10 && month >= 1 && month <= 12) {
        e.hints.push_back("that month has no day " + s.substr(8));
      }
      e.hints.push_back("JSON Resume dates are ISO 8601, e.g. \"2021-04\" or \"2021-04-15\"");
      return d;
    }
    d.year = year;
    d.month = month;
    d.day = day;
    d.span = v->span;
    return d;
  }

  /// startDate/endDate; an open end on a job means it is ongoing.
  model::DateRange range(const Value& obj, const std::string& path, bool open_means_present) {
    model::DateRange r;
    r.start = date(obj, "startDate", path);
    r.end = date(obj, "endDate", path);
    // JSON Resume cannot say "a single date" for a job (no endDate means ongoing), so an end
    // equal to the start is the single date it stands for, not "2021 – 2021".
    if (!r.start.empty() && r.end.year == r.start.year && r.end.month == r.start.month &&
        r.end.day == r.start.day) {
      r.end = {};
      return r;
    }
    const Value* end = obj.find("endDate");
    bool no_end = !end || end->is(Kind::Null) || (end->is(Kind::String) && end->text.empty());
    if (open_means_present && no_end && !r.start.empty()) {
      r.end.present = true;
      r.end.span = r.start.span;
    }
    return r;
  }

  static model::Paragraph paragraph(const std::string& text, const SourceSpan& span) {
    model::Paragraph p;
    p.text.push_back(model::Run{text, false, false, false, {}, span});
    p.span = span;
    return p;
  }

  static model::Bullet bullet(const Value& v) {
    model::Bullet b;
    b.text.push_back(model::Run{v.text, false, false, false, {}, v.span});
    b.span = v.span;
    return b;
  }

  /// Prose into paragraphs, one per line.
  void prose(std::vector<model::Paragraph>& out, const Value& obj, const char* key,
             const std::string& path) {
    if (const Value* v = string_field(obj, key, path)) {
      for (const std::string& line : split_lines(v->text)) out.push_back(paragraph(line, v->span));
    }
  }

  // ---- sections ----------------------------------------------------------------------------

  template <typename F>
  void section(model::Document& doc, const json::Member& m, model::SectionKind kind,
               const char* title, F item) {
    const std::string path = "$." + m.key;
    if (!expect(m.value, path, Kind::Array, "an array of objects")) return;
    model::Section s;
    s.kind = kind;
    s.title = title;
    s.span = member_span(m);
    for (std::size_t i = 0; i < m.value.items.size(); ++i) {
      const Value& v = m.value.items[i];
      std::string p = path + "[" + std::to_string(i) + "]";
      if (!expect(v, p, Kind::Object, "an object")) continue;
      std::optional<model::Block> b = item(v, p);
      if (!b) continue;
      if (const auto* e = std::get_if<model::Entry>(&*b);
          e && e->role.empty() && e->organisation.empty() && e->location.empty() &&
          e->dates.start.empty() && e->dates.end.empty() && e->url.empty() &&
          e->description.empty() && e->bullets.empty()) {
        continue;  // nothing known in it; its unknown keys were already reported
      }
      s.blocks.push_back(std::move(*b));
    }
    if (!s.blocks.empty()) doc.sections.push_back(std::move(s));
  }

  void basics(const Value& b, const std::string& path, model::Document& doc) {
    if (!expect(b, path, Kind::Object, "an object")) return;
    check_keys(
        b, path,
        {"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"});
    model::Header& h = doc.header;
    h.name = field(b, "name", path);
    h.headline = field(b, "label", path);
    h.photo = field(b, "image", path);
    h.email = field(b, "email", path);
    h.phone = field(b, "phone", path);
    if (const Value* u = string_field(b, "url", path); u && !u->text.empty()) {
      check_url(*u, path + ".url");
      h.links.push_back(model::Link{"Website", u->text, u->span});
    }
    if (const Value* loc = b.find("location"); loc) {
      std::string lp = path + ".location";
      if (expect(*loc, lp, Kind::Object, "an object")) {
        check_keys(*loc, lp, {"address", "postalCode", "city", "countryCode", "region"});
        // The street and postal code identify a home, so both go to the address that
        // --anonymize removes; city, region and country make the readable location.
        model::Field street = field(*loc, "address", lp);
        model::Field postal = field(*loc, "postalCode", lp);
        h.address.value = base::join_nonempty({street.value, postal.value}, ", ");
        h.address.span = street.empty() ? postal.span : street.span;
        model::Field city = field(*loc, "city", lp);
        model::Field region = field(*loc, "region", lp);
        model::Field country = field(*loc, "countryCode", lp);
        h.location.value = base::join_nonempty({city.value, region.value, country.value}, ", ");
        h.location.span = !city.empty() ? city.span : !region.empty() ? region.span : country.span;
        if (h.location.empty()) h.location.span = {};
        if (h.address.empty()) h.address.span = {};
      }
    }
    if (const Value* ps = b.find("profiles"); ps) {
      std::string pp = path + ".profiles";
      if (expect(*ps, pp, Kind::Array, "an array of objects")) {
        for (std::size_t i = 0; i < ps->items.size(); ++i) {
          const Value& p = ps->items[i];
          std::string ip = pp + "[" + std::to_string(i) + "]";
          if (!expect(p, ip, Kind::Object, "an object")) continue;
          check_keys(p, ip, {"network", "username", "url"});
          std::string network = text(p, "network", ip);
          std::string user = text(p, "username", ip);
          std::string u = url(p, "url", ip);
          // "GitHub (aysel-h)": the user name stays visible even when the URL lacks it.
          std::string label = network.empty() ? user
                              : user.empty()  ? network
                                              : network + " (" + user + ")";
          if (label.empty() && u.empty()) continue;
          h.links.push_back(model::Link{label, u, p.span});
        }
      }
    }
    if (const Value* s = string_field(b, "summary", path); s && !s->text.empty()) {
      model::Section sec;
      sec.kind = model::SectionKind::Summary;
      sec.title = "Summary";
      sec.span = s->span;
      for (const std::string& line : split_lines(s->text)) {
        sec.blocks.push_back(paragraph(line, s->span));
      }
      doc.sections.push_back(std::move(sec));
    }
  }

  std::optional<model::Block> work(const Value& v, const std::string& p, bool is_work) {
    if (is_work) {
      check_keys(v, p,
                 {"name", "location", "description", "position", "url", "startDate", "endDate",
                  "summary", "highlights"});
    } else {
      check_keys(
          v, p,
          {"organization", "position", "url", "startDate", "endDate", "summary", "highlights"});
    }
    model::Entry e;
    e.span = v.span;
    e.role = text(v, "position", p);
    e.organisation = text(v, is_work ? "name" : "organization", p);
    if (is_work) e.location = text(v, "location", p);
    e.dates = range(v, p, true);
    e.url = url(v, "url", p);
    if (is_work) prose(e.description, v, "description", p);
    prose(e.description, v, "summary", p);
    for (const Value* h : strings(v, "highlights", p)) e.bullets.push_back(bullet(*h));
    return e;
  }

  std::optional<model::Block> education(const Value& v, const std::string& p) {
    check_keys(
        v, p,
        {"institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"});
    model::Entry e;
    e.span = v.span;
    e.role = base::join_nonempty({text(v, "studyType", p), text(v, "area", p)}, ", ");
    e.organisation = text(v, "institution", p);
    e.dates = range(v, p, false);
    e.url = url(v, "url", p);
    if (const Value* s = string_field(v, "score", p); s && !s->text.empty()) {
      e.description.push_back(paragraph("Score: " + s->text, s->span));
    }
    for (const Value* c : strings(v, "courses", p)) e.bullets.push_back(bullet(*c));
    return e;
  }

  std::optional<model::Block> award(const Value& v, const std::string& p) {
    check_keys(v, p, {"title", "date", "awarder", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = text(v, "title", p);
    e.organisation = text(v, "awarder", p);
    e.dates.start = date(v, "date", p);
    prose(e.description, v, "summary", p);
    return e;
  }

  std::optional<model::Block> certificate(const Value& v, const std::string& p) {
    check_keys(v, p, {"name", "date", "url", "issuer"});
    model::Entry e;
    e.span = v.span;
    e.role = text(v, "name", p);
    e.organisation = text(v, "issuer", p);
    e.dates.start = date(v, "date", p);
    e.url = url(v, "url", p);
    return e;
  }

  std::optional<model::Block> publication(const Value& v, const std::string& p) {
    check_keys(v, p, {"name", "publisher", "releaseDate", "url", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = text(v, "name", p);
    e.organisation = text(v, "publisher", p);
    e.dates.start = date(v, "releaseDate", p);
    e.url = url(v, "url", p);
    prose(e.description, v, "summary", p);
    return e;
  }

  /// "Label: a, b, c"; with no items the label itself becomes the only item, so the text
  /// writer never prints a dangling "Label:".
  static model::SkillGroup group(std::string label, const std::vector<const Value*>& items,
                                 const SourceSpan& label_span, const SourceSpan& span) {
    model::SkillGroup g;
    g.span = span;
    if (items.empty()) {
      if (!label.empty()) g.items.push_back(model::Skill{label, false, label_span});
      return g;
    }
    g.label = std::move(label);
    for (const Value* k : items) g.items.push_back(model::Skill{k->text, false, k->span});
    return g;
  }

  std::optional<model::Block> skill(const Value& v, const std::string& p) {
    check_keys(v, p, {"name", "level", "keywords"});
    model::Field name = field(v, "name", p);
    std::string level = text(v, "level", p);
    std::string label = name.value;
    if (!level.empty()) label = label.empty() ? level : label + " (" + level + ")";
    model::SkillGroup g = group(label, strings(v, "keywords", p), name.span, v.span);
    if (g.items.empty()) return std::nullopt;
    return g;
  }

  std::optional<model::Block> language(const Value& v, const std::string& p) {
    check_keys(v, p, {"language", "fluency"});
    model::Field lang = field(v, "language", p);
    const Value* fluency = string_field(v, "fluency", p);
    std::vector<const Value*> items;
    if (fluency && !fluency->text.empty()) items.push_back(fluency);
    if (lang.empty()) {
      if (items.empty()) return std::nullopt;
      return group("", items, {}, v.span);
    }
    return group(lang.value, items, lang.span, v.span);
  }

  std::optional<model::Block> interest(const Value& v, const std::string& p) {
    check_keys(v, p, {"name", "keywords"});
    model::Field name = field(v, "name", p);
    model::SkillGroup g = group(name.value, strings(v, "keywords", p), name.span, v.span);
    if (g.items.empty()) return std::nullopt;
    return g;
  }

  std::optional<model::Block> reference(const Value& v, const std::string& p) {
    check_keys(v, p, {"name", "reference"});
    std::string name = text(v, "name", p);
    std::string ref = text(v, "reference", p);
    std::string all = name.empty() ? ref : ref.empty() ? name : name + ": " + ref;
    if (all.empty()) return std::nullopt;
    // Line breaks inside a reference become spaces: one reference, one paragraph.
    std::replace(all.begin(), all.end(), '\n', ' ');
    return paragraph(all, v.span);
  }

  std::optional<model::Block> project(const Value& v, const std::string& p) {
    check_keys(v, p,
               {"name", "description", "highlights", "keywords", "startDate", "endDate", "url",
                "roles", "entity", "type"});
    model::Entry e;
    e.span = v.span;
    e.role = text(v, "name", p);
    e.organisation = text(v, "entity", p);
    e.dates = range(v, p, false);
    e.url = url(v, "url", p);
    prose(e.description, v, "description", p);
    auto labelled = [&](const char* label, const std::vector<const Value*>& items) {
      if (items.empty()) return;
      std::vector<std::string> names;
      for (const Value* i : items) names.push_back(i->text);
      e.description.push_back(paragraph(
          std::string(label) + ": " + base::join_nonempty(names, ", "), items.front()->span));
    };
    labelled("Roles", strings(v, "roles", p));
    if (const Value* t = string_field(v, "type", p); t && !t->text.empty()) {
      e.description.push_back(paragraph("Type: " + t->text, t->span));
    }
    labelled("Keywords", strings(v, "keywords", p));
    for (const Value* h : strings(v, "highlights", p)) e.bullets.push_back(bullet(*h));
    return e;
  }

  diag::Diagnostics& diags_;
};

}  // namespace

std::optional<model::Document> parse_json_resume(std::uint32_t file_id, std::string_view text,
                                                 diag::Diagnostics& diags) {
  std::optional<json::Value> root = parse_json(file_id, text, diags);
  if (!root) return std::nullopt;
  diag::Diagnostics local;
  Mapper mapper(local);
  model::Document doc = mapper.map(*root);
  bool failed = local.has_errors();  // type mismatches are warnings; see Mapper::type_error
  diags.append(local);
  if (failed) return std::nullopt;
  return doc;
}

}  // namespace tailor::reader
