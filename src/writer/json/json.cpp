// Model -> JSON Resume v1. Mirrors the reader's mapping so that JSON -> model -> JSON -> model
// is stable: "Website" link -> basics.url, "Network (user)" -> profiles, "Score: x" -> score,
// "Roles:/Type:/Keywords:" paragraphs -> project fields, "Skill (Level)" -> level.
#include "writer/json/json.hpp"

#include "base/links.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <utility>

#include "base/json_text.hpp"
#include "base/strings.hpp"
namespace tailor::writer {

namespace {

using namespace tailor::model;

struct Member;

/// A tiny ordered JSON tree: objects keep insertion order, empty members are never added.
struct J {
  enum class T { String, Array, Object } type = T::Object;
  std::string str;
  std::vector<J> arr;
  // Not vector<pair<string, J>>: pair needs a complete J (libstdc++ under clang rejects it).
  std::vector<Member> obj;

  static J string(std::string s);
  static J array();
  bool empty() const;
  /// Adds key: value unless the value is empty.
  J& put(const char* key, J value);
  J& put(const char* key, const std::string& s);
};

struct Member {
  std::string key;
  J value;
};

J J::string(std::string s) {
  J j;
  j.type = T::String;
  j.str = std::move(s);
  return j;
}

J J::array() {
  J j;
  j.type = T::Array;
  return j;
}

bool J::empty() const {
  return type == T::String ? str.empty() : type == T::Array ? arr.empty() : obj.empty();
}

J& J::put(const char* key, J value) {
  if (!value.empty()) obj.push_back({key, std::move(value)});
  return *this;
}

J& J::put(const char* key, const std::string& s) { return put(key, string(s)); }

void serialise(std::string& out, const J& j, int depth) {
  std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' ');
  std::string close(static_cast<std::size_t>(depth) * 2, ' ');
  switch (j.type) {
    case J::T::String:
      base::append_json_string(out, j.str);
      return;
    case J::T::Array:
      if (j.arr.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < j.arr.size(); ++i) {
        out += pad;
        serialise(out, j.arr[i], depth + 1);
        out += i + 1 < j.arr.size() ? ",\n" : "\n";
      }
      out += close + "]";
      return;
    case J::T::Object:
      if (j.obj.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (std::size_t i = 0; i < j.obj.size(); ++i) {
        out += pad;
        base::append_json_string(out, j.obj[i].key);
        out += ": ";
        serialise(out, j.obj[i].value, depth + 1);
        out += i + 1 < j.obj.size() ? ",\n" : "\n";
      }
      out += close + "}";
      return;
  }
}

std::string iso(const Date& d) {
  if (d.year == 0) return {};
  char buf[16];
  if (d.month && d.day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

/// The address a url field may hold: a safe link as written, a scheme-less web address made
/// https, anything else (javascript:, file:, data:, obfuscated schemes) empty. The reader keeps
/// unsafe addresses as plain text; a JSON consumer would still take a url field for a link.
std::string link_out(const std::string& url) {
  return base::check_link(url) == base::LinkCheck::Safe ? url : base::normalise_link(url);
}

/// Inline runs as plain text; a link keeps its address in parentheses when the label differs.
/// A label may be several runs ("[**Go** tools](…)"): the address follows the whole label,
/// once. An unsafe address is kept as text in brackets, never in the "(address)" position.
std::string text_of(const Inlines& runs) {
  std::string out;
  std::string label;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    out += r.text;
    if (r.url.empty()) continue;
    label += r.text;
    if (i + 1 < runs.size() && runs[i + 1].url == r.url) continue;
    std::string url = link_out(r.url);
    if (url.empty()) {
      out += " [" + r.url + "]";  // not a link: text in brackets, as the text output shows it
    } else if (url != label) {
      out += " (" + url + ")";
    }
    label.clear();
  }
  return out;
}

/// "Name (Extra)" -> {"Name", "Extra"}; anything else -> {s, ""}.
std::pair<std::string, std::string> split_paren(const std::string& s) {
  if (s.size() < 4 || s.back() != ')') return {s, ""};
  std::size_t open = s.rfind(" (");
  if (open == std::string::npos || open == 0) return {s, ""};
  return {s.substr(0, open), s.substr(open + 2, s.size() - open - 3)};
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

class Writer {
 public:
  explicit Writer(diag::Diagnostics& diags) : diags_(diags) {}

  J document(const Document& doc) {
    J root;
    root.put("$schema",
             "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json");
    // Variants (several sections of one kind, some tagged) are alternatives, and JSON Resume
    // holds one: keep the untagged section of the kind, else the first, as select_variants does
    // without a role. Several untagged sections of a kind are merged.
    std::vector<const Section*> kept;
    for (const Section& s : doc.sections) {
      bool variants = false;
      const Section* chosen = nullptr;
      for (const Section& o : doc.sections) {
        if (o.kind != s.kind || s.kind == SectionKind::Custom) continue;
        if (!o.tags.empty()) variants = true;
        if (!chosen || (!chosen->tags.empty() && o.tags.empty())) chosen = &o;
      }
      if (!variants || chosen == &s) {
        kept.push_back(&s);
        continue;
      }
      std::string tags;
      for (const std::string& t : s.tags) tags += (tags.empty() ? "" : ", ") + t;
      diags_
          .warning(s.span, "section \"" + s.title + "\"" + (tags.empty() ? "" : " {" + tags + "}") +
                               " is one of several variants and is not written")
          .hints.push_back(
              "JSON Resume has no variants; the untagged (else the first) section of each kind "
              "is written");
    }
    check_unkept(doc, kept);
    root.put("basics", basics(doc, kept));
    // One array per kind, placed where the first section of that kind was.
    std::vector<std::pair<const char*, J>> arrays;
    auto array_for = [&](const char* key) -> J& {
      for (auto& [k, j] : arrays) {
        if (std::string(k) == key) return j;
      }
      arrays.emplace_back(key, J::array());
      return arrays.back().second;
    };
    for (const Section* sp : kept) {
      const Section& s = *sp;
      if (!s.tags.empty()) tagged_ = true;
      switch (s.kind) {
        case SectionKind::Summary:
          break;  // in basics
        case SectionKind::Experience:
          entries(s, "work", array_for("work"), [&](const Entry& e) { return work(e, true); });
          break;
        case SectionKind::Volunteering:
          entries(s, "volunteer", array_for("volunteer"),
                  [&](const Entry& e) { return work(e, false); });
          break;
        case SectionKind::Education:
          entries(s, "education", array_for("education"),
                  [&](const Entry& e) { return education(e); });
          break;
        case SectionKind::Awards:
          entries(s, "awards", array_for("awards"), [&](const Entry& e) { return award(e); });
          break;
        case SectionKind::Certifications:
          entries(s, "certificates", array_for("certificates"),
                  [&](const Entry& e) { return certificate(e); });
          break;
        case SectionKind::Publications:
          entries(s, "publications", array_for("publications"),
                  [&](const Entry& e) { return publication(e); });
          break;
        case SectionKind::Projects:
          entries(s, "projects", array_for("projects"), [&](const Entry& e) { return project(e); });
          break;
        case SectionKind::Skills:
          groups(s, array_for("skills"), "name", "level", "keywords");
          break;
        case SectionKind::Interests:
          groups(s, array_for("interests"), "name", nullptr, "keywords");
          break;
        case SectionKind::Languages:
          languages(s, array_for("languages"));
          break;
        case SectionKind::References:
          references(s, array_for("references"));
          break;
        case SectionKind::Custom:
          diags_
              .warning(s.span, "section \"" + s.title +
                                   "\" has no JSON Resume equivalent and is not written")
              .hints.push_back(
                  "JSON Resume knows summary, work, volunteer, education, awards, certificates, "
                  "publications, skills, languages, interests, references and projects");
          break;
      }
    }
    for (auto& [key, arr] : arrays) root.put(key, std::move(arr));
    if (!doc.header.language.empty() || !doc.header.ref.empty()) {
      J meta;
      if (!doc.header.language.empty()) meta.put("language", doc.header.language.value);
      if (!doc.header.ref.empty()) meta.put("ref", doc.header.ref.value);
      root.put("meta", std::move(meta));
    }
    if (tagged_) {
      diags_
          .warning({},
                   "JSON Resume has no tags; tagged sections, entries and bullets are "
                   "written without them")
          .hints.push_back("to write one variant only, tailor the resume for a role first");
    }
    return root;
  }

 private:
  J basics(const Document& doc, const std::vector<const Section*>& kept) {
    const Header& h = doc.header;
    J b;
    b.put("name", h.name.value);
    b.put("label", h.headline.value);
    b.put("image", h.photo.value);
    b.put("email", h.email.value);
    b.put("phone", h.phone.value);
    J profiles = J::array();
    std::string url;
    for (const Link& l : h.links) {
      bool site = l.label.empty() || l.label == l.url || l.label == "Website" ||
                  l.label == "website" || l.label == "Homepage";
      if (site && url.empty()) {
        url = url_field(l.url, l.span, "$.basics.url");
        continue;
      }
      auto [network, user] = split_paren(l.label);
      if (user.find(' ') != std::string::npos) network = l.label, user.clear();
      J p;
      p.put("network", network);
      p.put("username", user);
      p.put("url", url_field(l.url, l.span,
                             "$.basics.profiles[" + std::to_string(profiles.arr.size()) + "].url"));
      profiles.arr.push_back(std::move(p));
    }
    b.put("url", url);
    std::vector<std::string> summary;
    for (const Section* sp : kept) {
      const Section& s = *sp;
      if (s.kind != SectionKind::Summary) continue;
      for (const Block& blk : s.blocks) {
        if (auto* p = std::get_if<Paragraph>(&blk)) {
          summary.push_back(text_of(p->text));
        } else if (auto* bl = std::get_if<Bullet>(&blk)) {
          summary.push_back(text_of(bl->text));
          changed(bl->span, "a bullet in the summary is read back as a paragraph");
        } else {
          not_written(s, "an entry or group in the summary");
        }
      }
    }
    b.put("summary", base::join_nonempty(summary, "\n"));
    J loc;
    loc.put("address", h.address.value);
    // "City, Region, CC": the first part is the city, a final two-letter code the country,
    // anything between the region; joining them back gives the same text.
    if (!h.location.empty()) {
      std::vector<std::string> parts = base::split(h.location.value, ", ");
      std::string city = parts.front(), country, region;
      std::size_t last = parts.size();
      if (parts.size() > 1 && parts.back().size() == 2 &&
          std::isupper(static_cast<unsigned char>(parts.back()[0])) &&
          std::isupper(static_cast<unsigned char>(parts.back()[1]))) {
        country = parts.back();
        --last;
      }
      std::vector<std::string> middle(parts.begin() + 1, parts.begin() + static_cast<long>(last));
      region = base::join_nonempty(middle, ", ");
      loc.put("city", city);
      loc.put("countryCode", country);
      loc.put("region", region);
    }
    b.put("location", std::move(loc));
    b.put("profiles", std::move(profiles));
    return b;
  }

  template <typename F>
  void entries(const Section& s, const char* key, J& arr, F fn) {
    for (const Block& blk : s.blocks) {
      if (auto* e = std::get_if<Entry>(&blk)) {
        path_ = std::string("$.") + key + "[" + std::to_string(arr.arr.size()) + "]";
        if (!e->tags.empty()) tagged_ = true;
        for (const Bullet& b : e->bullets) tagged_ = tagged_ || !b.tags.empty();
        arr.arr.push_back(fn(*e));
      } else {
        not_written(s, "text outside an entry");
      }
    }
  }

  void not_written(const Section& s, const char* what) {
    diags_.warning(s.span, "section \"" + s.title + "\": " + what +
                               " has no place in JSON Resume and is not written");
  }

  /// Written, but read back in another shape: the round trip would change the model.
  void changed(const SourceSpan& span, const std::string& what) {
    diags_.warning(span, "JSON Resume cannot hold this as it is: " + what);
  }

  void lost(const Entry& e, const char* field, const std::string& value) {
    if (value.empty()) return;
    diags_.warning(e.span, path_ + ": JSON Resume has no " + field + " here; \"" + value +
                               "\" is not written");
  }

  static void dates(J& j, const DateRange& r, const char* start_key, const char* end_key,
                    bool open_means_present) {
    j.put(start_key, iso(r.start));
    if (r.end.present) return;  // no end date: ongoing
    if (!r.end.empty()) {
      j.put(end_key, iso(r.end));
    } else if (open_means_present && end_key) {
      j.put(end_key, iso(r.start));  // a single date, not an ongoing role
    }
  }

  static std::vector<std::string> paragraphs(const Entry& e) {
    std::vector<std::string> out;
    for (const Paragraph& p : e.description) out.push_back(text_of(p.text));
    return out;
  }

  static J bullets(const Entry& e) {
    J arr = J::array();
    for (const Bullet& b : e.bullets) arr.arr.push_back(J::string(text_of(b.text)));
    return arr;
  }

  J work(const Entry& e, bool is_work) {
    J j;
    std::vector<std::string> paras = paragraphs(e);
    std::string description, summary;
    if (is_work && paras.size() > 1) {
      description = paras.front();
      summary = base::join_nonempty(std::vector<std::string>(paras.begin() + 1, paras.end()), "\n");
    } else {
      summary = base::join_nonempty(paras, "\n");
    }
    j.put(is_work ? "name" : "organization", e.organisation);
    if (is_work) {
      j.put("location", e.location);
      j.put("description", description);
    } else {
      lost(e, "location", e.location);
    }
    j.put("position", e.role);
    j.put("url", url_field(e.url, e.span, path_ + ".url"));
    dates(j, e.dates, "startDate", "endDate", true);
    j.put("summary", summary);
    j.put("highlights", bullets(e));
    return j;
  }

  J education(const Entry& e) {
    J j;
    std::string study = e.role, area;
    if (std::size_t comma = e.role.find(", "); comma != std::string::npos) {
      study = e.role.substr(0, comma);
      area = e.role.substr(comma + 2);
    }
    std::string score;
    for (const std::string& p : paragraphs(e)) {
      if (starts_with(p, "Score: ") && score.empty()) {
        score = p.substr(7);
      } else {
        lost(e, "description for education", p);
      }
    }
    lost(e, "location", e.location);
    j.put("institution", e.organisation);
    j.put("url", url_field(e.url, e.span, path_ + ".url"));
    j.put("area", area);
    j.put("studyType", study);
    dates(j, e.dates, "startDate", "endDate", false);
    j.put("score", score);
    j.put("courses", bullets(e));
    return j;
  }

  void single_date(const Entry& e, J& j, const char* key) {
    j.put(key, iso(e.dates.start));
    if (!e.dates.end.empty()) {
      lost(e, "end date", e.dates.end.present ? "present" : iso(e.dates.end));
    }
  }

  void no_bullets(const Entry& e) {
    for (const Bullet& b : e.bullets) lost(e, "bullet list", text_of(b.text));
  }

  J award(const Entry& e) {
    J j;
    j.put("title", e.role);
    single_date(e, j, "date");
    j.put("awarder", e.organisation);
    j.put("summary", base::join_nonempty(paragraphs(e), "\n"));
    lost(e, "location", e.location);
    lost(e, "link", e.url);
    no_bullets(e);
    return j;
  }

  J certificate(const Entry& e) {
    J j;
    j.put("name", e.role);
    single_date(e, j, "date");
    j.put("url", url_field(e.url, e.span, path_ + ".url"));
    j.put("issuer", e.organisation);
    lost(e, "location", e.location);
    for (const std::string& p : paragraphs(e)) lost(e, "description", p);
    no_bullets(e);
    return j;
  }

  J publication(const Entry& e) {
    J j;
    j.put("name", e.role);
    j.put("publisher", e.organisation);
    single_date(e, j, "releaseDate");
    j.put("url", url_field(e.url, e.span, path_ + ".url"));
    j.put("summary", base::join_nonempty(paragraphs(e), "\n"));
    lost(e, "location", e.location);
    no_bullets(e);
    return j;
  }

  J project(const Entry& e) {
    J j;
    std::vector<std::string> description;
    J keywords = J::array(), roles = J::array();
    std::string type;
    for (const std::string& p : paragraphs(e)) {
      if (starts_with(p, "Roles: ") && roles.empty()) {
        for (const std::string& r : base::split(p.substr(7), ", "))
          roles.arr.push_back(J::string(r));
      } else if (starts_with(p, "Keywords: ") && keywords.empty()) {
        for (const std::string& k : base::split(p.substr(10), ", ")) {
          keywords.arr.push_back(J::string(k));
        }
      } else if (starts_with(p, "Type: ") && type.empty()) {
        type = p.substr(6);
      } else {
        description.push_back(p);
      }
    }
    j.put("name", e.role);
    j.put("description", base::join_nonempty(description, "\n"));
    j.put("highlights", bullets(e));
    j.put("keywords", std::move(keywords));
    dates(j, e.dates, "startDate", "endDate", false);
    j.put("url", url_field(e.url, e.span, path_ + ".url"));
    j.put("roles", std::move(roles));
    j.put("entity", e.organisation);
    j.put("type", type);
    lost(e, "location", e.location);
    return j;
  }

  static std::vector<std::string> item_names(const SkillGroup& g) {
    std::vector<std::string> out;
    for (const Skill& s : g.items) out.push_back(s.name);
    return out;
  }

  void groups(const Section& s, J& arr, const char* name_key, const char* level_key,
              const char* items_key) {
    auto one = [&](const std::string& label, const std::vector<std::string>& items) {
      J j;
      auto [name, level] = level_key ? split_paren(label) : std::pair{label, std::string()};
      j.put(name_key, name);
      if (level_key) j.put(level_key, level);
      J list = J::array();
      for (const std::string& i : items) list.arr.push_back(J::string(i));
      j.put(items_key, std::move(list));
      arr.arr.push_back(std::move(j));
    };
    for (const Block& blk : s.blocks) {
      if (auto* g = std::get_if<SkillGroup>(&blk)) {
        if (!g->tags.empty()) tagged_ = true;
        if (g->label.empty()) {
          // No label: one item is a skill's name; several are its keywords. Either reads back
          // as the same label-less group.
          if (g->items.size() == 1) {
            one(g->items.front().name, {});
          } else {
            one("", item_names(*g));
          }
        } else {
          if (g->items.empty()) {
            changed(g->span, "a label without items (\"" + g->label + ":\") in " + s.title +
                                 " is read back as an item");
          }
          one(g->label, item_names(*g));
        }
      } else if (auto* p = std::get_if<Paragraph>(&blk)) {
        changed(p->span, "a paragraph in " + s.title + " is read back as a list item");
        one(text_of(p->text), {});
      } else if (auto* b = std::get_if<Bullet>(&blk)) {
        changed(b->span, "a bullet in " + s.title + " is read back as a list item");
        one(text_of(b->text), {});
      } else {
        not_written(s, "an entry");
      }
    }
  }

  void languages(const Section& s, J& arr) {
    auto one = [&](const std::string& language, const std::string& fluency) {
      J j;
      j.put("language", language);
      j.put("fluency", fluency);
      arr.arr.push_back(std::move(j));
    };
    for (const Block& blk : s.blocks) {
      if (auto* g = std::get_if<SkillGroup>(&blk)) {
        if (!g->label.empty() && g->items.size() == 1) {
          one(g->label, g->items.front().name);
          continue;
        }
        // "Languages: Azerbaijani (native), English (C1)": one language per item.
        bool same = g->label.empty() && g->items.size() == 1 &&
                    split_paren(g->items.front().name).second.empty();
        if (!same) {
          changed(g->span, "a list of several languages in " + s.title +
                               " is read back as one \"Language: fluency\" line per item");
        }
        for (const std::string& item : item_names(*g)) {
          auto [language, fluency] = split_paren(item);
          one(language, fluency);
        }
      } else if (auto* p = std::get_if<Paragraph>(&blk)) {
        changed(p->span, "a paragraph in " + s.title + " is read back as a language");
        auto [language, fluency] = split_paren(text_of(p->text));
        one(language, fluency);
      } else if (auto* b = std::get_if<Bullet>(&blk)) {
        changed(b->span, "a bullet in " + s.title + " is read back as a language");
        auto [language, fluency] = split_paren(text_of(b->text));
        one(language, fluency);
      } else {
        not_written(s, "an entry");
      }
    }
  }

  void references(const Section& s, J& arr) {
    for (const Block& blk : s.blocks) {
      std::string text;
      if (auto* p = std::get_if<Paragraph>(&blk)) {
        text = text_of(p->text);
      } else if (auto* b = std::get_if<Bullet>(&blk)) {
        text = text_of(b->text);
        changed(b->span, "a bullet in " + s.title + " is read back as a paragraph");
      } else if (auto* e = std::get_if<Entry>(&blk)) {
        std::vector<std::string> parts = paragraphs(*e);
        text = base::join_nonempty({e->role, base::join_nonempty(parts, " ")}, ": ");
        changed(e->span, "an entry in " + s.title + " is read back as a paragraph");
      } else {
        not_written(s, "a group");
        continue;
      }
      // "Name: reference" when the part before the colon looks like a name (a few words).
      J j;
      std::size_t colon = text.find(": ");
      if (colon != std::string::npos && colon > 0 && colon <= 60 &&
          text.substr(0, colon).find_first_of(".!?") == std::string::npos) {
        j.put("name", text.substr(0, colon));
        j.put("reference", text.substr(colon + 2));
      } else {
        j.put("reference", text);
      }
      arr.arr.push_back(std::move(j));
    }
  }

  /// A url field holds only an address a consumer may make a link: an unsafe one (javascript:,
  /// file:) is left out, and said so.
  std::string url_field(const std::string& url, const SourceSpan& span, const std::string& path) {
    std::string out = link_out(url);
    if (out.empty() && !url.empty()) {
      diags_
          .warning(span, path + ": the address \"" + url +
                             "\" is not an https, http, mailto or tel link and is not written")
          .hints.push_back("a JSON Resume url field is made a link by every theme");
    }
    return out;
  }

  /// What JSON Resume cannot hold, said once each: bold and italic (its strings are plain
  /// text), links inside text (written as "label (address)"), section titles (it names
  /// sections by kind), the order of the summary (it lives in basics) and tags.
  void check_unkept(const Document& doc, const std::vector<const Section*>& kept) {
    std::size_t formatted = 0, linked = 0;
    SourceSpan first_formatted, first_linked;
    auto runs = [&](const Inlines& text, const std::vector<std::string>& tags) {
      if (!tags.empty()) tagged_ = true;
      for (std::size_t i = 0; i < text.size(); ++i) {
        const Run& r = text[i];
        if ((r.strong || r.emph) && formatted++ == 0) first_formatted = r.span;
        bool link_end = !r.url.empty() && (i + 1 == text.size() || text[i + 1].url != r.url);
        if (link_end && linked++ == 0) first_linked = r.span;
      }
    };
    static const std::pair<SectionKind, const char*> kTitles[] = {
        {SectionKind::Summary, "Summary"},
        {SectionKind::Experience, "Experience"},
        {SectionKind::Volunteering, "Volunteering"},
        {SectionKind::Education, "Education"},
        {SectionKind::Awards, "Awards"},
        {SectionKind::Certifications, "Certifications"},
        {SectionKind::Publications, "Publications"},
        {SectionKind::Skills, "Skills"},
        {SectionKind::Languages, "Languages"},
        {SectionKind::Interests, "Interests"},
        {SectionKind::References, "References"},
        {SectionKind::Projects, "Projects"}};
    std::vector<SectionKind> seen;
    bool before_summary = false;
    for (const Section* s : kept) {
      for (const auto& [kind, title] : kTitles) {
        if (kind == s->kind && s->title != title) {
          diags_.warning(s->span, "JSON Resume names sections by kind: \"" + s->title +
                                      "\" is read back as \"" + title + "\"");
        }
      }
      if (s->kind == SectionKind::Summary && before_summary) {
        diags_.warning(s->span,
                       "JSON Resume keeps the summary in basics: it is read back as the "
                       "first section");
      }
      if (s->kind != SectionKind::Summary && s->kind != SectionKind::Custom) before_summary = true;
      if (s->kind != SectionKind::Custom &&
          std::find(seen.begin(), seen.end(), s->kind) != seen.end()) {
        diags_.warning(s->span, "JSON Resume has one list per kind: section \"" + s->title +
                                    "\" is read back as part of the first one");
      }
      seen.push_back(s->kind);
      if (!s->tags.empty()) tagged_ = true;
      for (const Block& b : s->blocks) {
        if (const auto* p = std::get_if<Paragraph>(&b)) runs(p->text, p->tags);
        if (const auto* bl = std::get_if<Bullet>(&b)) runs(bl->text, bl->tags);
        if (const auto* g = std::get_if<SkillGroup>(&b); g && !g->tags.empty()) tagged_ = true;
        if (const auto* e = std::get_if<Entry>(&b)) {
          if (!e->tags.empty()) tagged_ = true;
          for (const Paragraph& p : e->description) runs(p.text, p.tags);
          for (const Bullet& x : e->bullets) runs(x.text, x.tags);
        }
      }
    }
    for (const Link& l : doc.header.links) {
      bool site = l.label.empty() || l.label == l.url || l.label == "Website" ||
                  l.label == "website" || l.label == "Homepage";
      if (site && l.label != "Website") {
        diags_.warning(l.span, "JSON Resume keeps one website without a label: the link \"" +
                                   l.label + "\" is read back as \"Website\"");
        break;
      }
      if (site) break;
    }
    if (formatted > 0) {
      diags_
          .warning(first_formatted,
                   "JSON Resume has no bold or italic; " + std::to_string(formatted) +
                       (formatted == 1 ? " formatted run is" : " formatted runs are") +
                       " written as plain text")
          .hints.push_back("convert to .resume to keep the formatting");
    }
    if (linked > 0) {
      diags_
          .warning(first_linked, "JSON Resume has no links inside text; " + std::to_string(linked) +
                                     (linked == 1 ? " link is" : " links are") +
                                     " written as text after their label")
          .hints.push_back("convert to .resume to keep the links");
    }
  }

  diag::Diagnostics& diags_;
  bool tagged_ = false;
  std::string path_;  // JSON path of the entry being written, for warnings
};

}  // namespace

bool write_json(const model::Document& doc, const RenderOptions&, std::string& out,
                diag::Diagnostics& diags) {
  Writer w(diags);
  J root = w.document(doc);
  serialise(out, root, 0);
  out += '\n';
  return true;
}

}  // namespace tailor::writer
