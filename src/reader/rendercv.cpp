// RenderCV (https://docs.rendercv.com) YAML into the document model.
//
//   cv.name/headline/email/phone/location/photo -> header fields (a list of emails or phones:
//                                                   the first; the rest become links)
//   cv.website, cv.social_networks[], cv.custom_connections[] -> header links
//   cv.sections.<title>[]                       -> a section per key, in file order; each entry
//                                                   by its kind (RenderCV tells kinds by keys):
//     text (a plain string) -> paragraph          bullet / number / reversed_number -> bullet
//     label + details -> skill group              institution -> education entry
//     company -> experience entry                 title + authors|doi|journal -> publication
//     name -> normal entry
//   summary -> description, highlights -> bullets; date / start_date / end_date -> dates
//   design.theme                                -> a note naming the nearest Tailor style
//   locale.language                             -> the document's language
// Inline Markdown becomes runs (reader/markdown_inline.hpp). Anything not carried over is a
// located warning (an unknown key) or note (a design or setting option).
#include <utility>

#include "locale/text.hpp"
#include "reader/reader.hpp"
#include "reader/yaml_blocks.hpp"
#include "reader/yaml_walk.hpp"

namespace tailor::reader {

namespace {

using yaml::Kind;
using yaml::Node;

/// The profile address of a social network user name, as RenderCV builds it.
std::string network_url(const std::string& network, const std::string& user) {
  static const std::pair<const char*, const char*> kUrls[] = {
      {"LinkedIn", "https://linkedin.com/in/"},
      {"GitHub", "https://github.com/"},
      {"GitLab", "https://gitlab.com/"},
      {"X", "https://x.com/"},
      {"Twitter", "https://twitter.com/"},
      {"Instagram", "https://instagram.com/"},
      {"ORCID", "https://orcid.org/"},
      {"StackOverflow", "https://stackoverflow.com/users/"},
      {"ResearchGate", "https://researchgate.net/profile/"},
      {"YouTube", "https://youtube.com/@"},
      {"Google Scholar", "https://scholar.google.com/citations?user="},
      {"Telegram", "https://t.me/"},
      {"Leetcode", "https://leetcode.com/u/"},
      {"IMDB", "https://imdb.com/name/"},
      {"Bluesky", "https://bsky.app/profile/"},
  };
  for (const auto& [name, prefix] : kUrls) {
    if (network == name) return prefix + user;
  }
  // Mastodon users are "@name@server": the profile is https://server/@name.
  if (network == "Mastodon") {
    std::string u = !user.empty() && user[0] == '@' ? user.substr(1) : user;
    std::size_t at = u.find('@');
    if (at != std::string::npos && at > 0 && at + 1 < u.size()) {
      return "https://" + u.substr(at + 1) + "/@" + u.substr(0, at);
    }
  }
  return {};
}

/// RenderCV's language names and the BCP 47 tags they stand for.
std::string language_tag(const std::string& name) {
  static const std::pair<const char*, const char*> kTags[] = {
      {"english", "en"},   {"german", "de"},     {"french", "fr"},     {"spanish", "es"},
      {"italian", "it"},   {"portuguese", "pt"}, {"turkish", "tr"},    {"danish", "da"},
      {"dutch", "nl"},     {"russian", "ru"},    {"japanese", "ja"},   {"korean", "ko"},
      {"hindi", "hi"},     {"indonesian", "id"}, {"vietnamese", "vi"}, {"mandarin_chinese", "zh"},
      {"chinese", "zh"},   {"polish", "pl"},     {"swedish", "sv"},    {"finnish", "fi"},
      {"norwegian", "no"}, {"greek", "el"},      {"czech", "cs"},      {"ukrainian", "uk"},
      {"arabic", "ar"},    {"hebrew", "he"},     {"persian", "fa"},
  };
  for (const auto& [n, tag] : kTags) {
    if (name == n) return tag;
  }
  return locale::canonical_tag(name);
}

/// The Tailor style nearest to a RenderCV theme's look.
const char* nearest_style(const std::string& theme) {
  if (theme == "moderncv") return "modern";
  if (theme == "engineeringresumes" || theme == "sb2nov") return "compact";
  return "classic";
}

class RenderCv {
 public:
  explicit RenderCv(diag::Diagnostics& diags) : w_(diags, "RenderCV") {}

  model::Document map(const Node& root) {
    model::Document doc;
    if (!root.is(Kind::Map) || !root.find("cv")) {
      w_.diags()
          .error(root.span, "not a RenderCV file: there is no cv: mapping at the top")
          .hints.push_back("a RenderCV file starts with cv: (name:, sections:, ...)");
      return doc;
    }
    w_.check_keys(root, "", {"cv", "design", "locale", "settings", "rendercv_settings"});
    for (const yaml::Member& m : root.members) {
      if (m.key == "cv") {
        if (w_.expect(m.value, "cv", Kind::Map)) cv(m.value, doc);
      } else if (m.key == "design") {
        design(m);
      } else if (m.key == "locale") {
        locale(m, doc);
      } else if (m.key == "settings" || m.key == "rendercv_settings") {
        w_.note(m.key_span, m.key + ": RenderCV's own settings are not carried over",
                "Tailor's options (tailor build --help) do their work");
      }
    }
    return doc;
  }

 private:
  void cv(const Node& cv, model::Document& doc) {
    w_.check_keys(cv, "cv",
                  {"name", "headline", "location", "email", "phone", "website", "photo",
                   "social_networks", "custom_connections", "sections"});
    model::Header& h = doc.header;
    h.name = w_.field(cv, "name", "cv");
    h.headline = w_.field(cv, "headline", "cv");
    h.location = w_.field(cv, "location", "cv");
    h.photo = w_.field(cv, "photo", "cv");
    // email, phone and website may each be one value or a list.
    auto first_and_rest = [&](const char* key, model::Field& first, const char* label,
                              const char* scheme) {
      std::vector<const Node*> values = w_.scalars(cv, key, "cv");
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (i == 0 && first.empty()) {
          first = {values[i]->text, values[i]->span};
          continue;
        }
        std::string address = values[i]->text;
        if (std::string(scheme) == "tel:") std::erase(address, ' ');
        h.links.push_back(model::Link{std::string(label) + " " + values[i]->text, scheme + address,
                                      values[i]->span});
      }
    };
    first_and_rest("email", h.email, "Email", "mailto:");
    first_and_rest("phone", h.phone, "Phone", "tel:");
    for (const Node* site : w_.scalars(cv, "website", "cv")) {
      w_.check_url(*site, "cv.website");
      h.links.push_back(model::Link{"Website", site->text, site->span});
    }
    if (const Node* nets = cv.find("social_networks");
        nets && w_.expect(*nets, "cv.social_networks", Kind::Sequence)) {
      for (std::size_t i = 0; i < nets->items.size(); ++i) {
        const Node& n = nets->items[i];
        std::string p = yaml_index("cv.social_networks", i);
        if (!w_.expect(n, p, Kind::Map)) continue;
        w_.check_keys(n, p, {"network", "username"});
        std::string network = w_.text(n, "network", p);
        std::string user = w_.text(n, "username", p);
        if (network.empty() && user.empty()) continue;
        std::string label = network.empty() ? user
                            : user.empty()  ? network
                                            : network + " (" + user + ")";
        std::string url = network_url(network, user);
        if (url.empty()) {
          // A link needs an address; without one the words would be lost silently.
          w_.diags()
              .warning(n.span, p + ": no profile address is known for the network \"" + network +
                                   "\"; the link is left out")
              .hints.push_back(
                  "add it under custom_connections with its url, or as a link: line in the "
                  ".resume file");
          continue;
        }
        h.links.push_back(model::Link{label, url, n.span});
      }
    }
    if (const Node* cc = cv.find("custom_connections");
        cc && w_.expect(*cc, "cv.custom_connections", Kind::Sequence)) {
      for (std::size_t i = 0; i < cc->items.size(); ++i) {
        const Node& n = cc->items[i];
        std::string p = yaml_index("cv.custom_connections", i);
        if (!w_.expect(n, p, Kind::Map)) continue;
        w_.check_keys(n, p, {"placeholder", "url", "fontawesome_icon"});
        std::string label = w_.text(n, "placeholder", p);
        std::string url;
        if (const Node* u = w_.scalar(n, "url", p)) {
          w_.check_url(*u, p + ".url");
          url = u->text;
        }
        if (!label.empty() || !url.empty()) h.links.push_back(model::Link{label, url, n.span});
      }
    }
    if (const Node* secs = cv.find("sections");
        secs && w_.expect(*secs, "cv.sections", Kind::Map)) {
      for (const yaml::Member& m : secs->members) section(m, doc);
    }
  }

  void section(const yaml::Member& m, model::Document& doc) {
    std::string path = "cv.sections." + m.key;
    model::Section s = make_section(title_from_key(m.key), m.key_span);
    const Node& list = m.value;
    if (!w_.expect(list, path, Kind::Sequence)) return;
    bool numbered_noted = false;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const Node& e = list.items[i];
      std::string p = yaml_index(path, i);
      if (e.is(Kind::Scalar)) {
        if (e.text.find_first_not_of(" \t\n") != std::string::npos) {
          s.blocks.push_back(markdown_paragraph(e));
        }
        continue;
      }
      if (!w_.expect(e, p, Kind::Map)) continue;
      if (e.find("bullet")) {
        w_.check_keys(e, p, {"bullet"});
        if (const Node* b = w_.scalar(e, "bullet", p)) s.blocks.push_back(markdown_bullet(*b));
      } else if (e.find("number") || e.find("reversed_number")) {
        const char* key = e.find("number") ? "number" : "reversed_number";
        w_.check_keys(e, p, {key});
        if (const Node* b = w_.scalar(e, key, p)) {
          s.blocks.push_back(markdown_bullet(*b));
          if (!numbered_noted) {
            w_.note(e.span, path + ": numbered entries become bullets",
                    "Tailor's writers do not number entries");
            numbered_noted = true;
          }
        }
      } else if (e.find("label") || e.find("details")) {
        w_.check_keys(e, p, {"label", "details"});
        model::Field label = w_.field(e, "label", p);
        const Node* details = w_.scalar(e, "details", p);
        if (details) {
          s.blocks.push_back(comma_group(markdown_plain(*details).empty() ? "" : label.value,
                                         label.span, *details, e.span));
        } else if (!label.empty()) {
          model::SkillGroup g;
          g.items.push_back(model::Skill{label.value, false, label.span});
          g.span = e.span;
          s.blocks.push_back(std::move(g));
        }
      } else if (e.find("institution")) {
        s.blocks.push_back(education(e, p));
      } else if (e.find("company")) {
        s.blocks.push_back(experience(e, p));
      } else if (e.find("title") && (e.find("authors") || e.find("doi") || e.find("journal"))) {
        s.blocks.push_back(publication(e, p));
      } else if (e.find("name")) {
        s.blocks.push_back(normal(e, p));
      } else {
        w_.diags()
            .warning(e.span, p + ": an entry of no RenderCV kind is ignored")
            .hints.push_back(
                "RenderCV tells entries by their keys: institution (education), company "
                "(experience), name (normal), title and authors (publication), label and details "
                "(one-line), bullet, number, reversed_number, or a plain text");
      }
    }
    if (!s.blocks.empty()) doc.sections.push_back(std::move(s));
  }

  /// date, start_date, end_date, location, summary, highlights: what every dated entry has.
  void common(const Node& e, const std::string& p, model::Entry& out) {
    out.span = e.span;
    out.location = w_.text(e, "location", p);
    std::string loose;
    if (e.find("start_date") || e.find("end_date")) {
      out.dates.start = w_.date(e, "start_date", p, &loose);
      out.dates.end = w_.date(e, "end_date", p, &loose);
      if (!loose.empty()) out.description.push_back(text_paragraph(loose, e));
      loose.clear();
    }
    if (out.dates.start.empty() && out.dates.end.empty()) {
      out.dates.start = w_.date(e, "date", p, &loose);
      if (out.dates.start.present) {
        out.dates.end = out.dates.start;
        out.dates.start = {};
      }
    }
    if (!loose.empty()) out.description.push_back(text_paragraph(loose, e));
    if (const Node* s = w_.scalar(e, "summary", p))
      out.description.push_back(markdown_paragraph(*s));
    for (const Node* h : w_.scalars(e, "highlights", p)) out.bullets.push_back(markdown_bullet(*h));
  }

  static model::Paragraph text_paragraph(const std::string& text, const Node& at) {
    model::Paragraph p;
    p.text.push_back(model::Run{text, false, false, false, {}, at.span});
    p.span = at.span;
    return p;
  }

  model::Entry education(const Node& e, const std::string& p) {
    w_.check_keys(e, p,
                  {"institution", "area", "degree", "date", "start_date", "end_date", "location",
                   "summary", "highlights", "url"});
    model::Entry out;
    const Node* inst = w_.scalar(e, "institution", p);
    if (inst) out.organisation = markdown_plain(*inst, &out.url);
    std::string degree, area;
    if (const Node* d = w_.scalar(e, "degree", p)) degree = markdown_plain(*d);
    if (const Node* a = w_.scalar(e, "area", p)) area = markdown_plain(*a);
    out.role = degree.empty() ? area : area.empty() ? degree : degree + ", " + area;
    url(e, p, out);
    common(e, p, out);
    return out;
  }

  model::Entry experience(const Node& e, const std::string& p) {
    w_.check_keys(e, p,
                  {"company", "position", "date", "start_date", "end_date", "location", "summary",
                   "highlights", "url"});
    model::Entry out;
    if (const Node* c = w_.scalar(e, "company", p)) out.organisation = markdown_plain(*c, &out.url);
    if (const Node* r = w_.scalar(e, "position", p)) out.role = markdown_plain(*r);
    url(e, p, out);
    common(e, p, out);
    return out;
  }

  model::Entry normal(const Node& e, const std::string& p) {
    w_.check_keys(
        e, p,
        {"name", "date", "start_date", "end_date", "location", "summary", "highlights", "url"});
    model::Entry out;
    if (const Node* n = w_.scalar(e, "name", p)) out.role = markdown_plain(*n, &out.url);
    url(e, p, out);
    common(e, p, out);
    return out;
  }

  model::Entry publication(const Node& e, const std::string& p) {
    w_.check_keys(e, p,
                  {"title", "authors", "doi", "url", "journal", "date", "summary", "location",
                   "start_date", "end_date", "highlights"});
    model::Entry out;
    if (const Node* t = w_.scalar(e, "title", p)) out.role = markdown_plain(*t, &out.url);
    if (const Node* j = w_.scalar(e, "journal", p)) out.organisation = markdown_plain(*j);
    url(e, p, out);
    common(e, p, out);
    std::vector<const Node*> authors = w_.scalars(e, "authors", p);
    if (!authors.empty()) {
      model::Paragraph para;
      para.span = authors.front()->span;
      for (std::size_t i = 0; i < authors.size(); ++i) {
        if (i > 0) para.text.push_back(model::Run{", ", false, false, false, {}, authors[i]->span});
        for (model::Run& r : markdown_paragraph(*authors[i]).text)
          para.text.push_back(std::move(r));
      }
      out.description.insert(out.description.begin(), std::move(para));
    }
    if (const Node* doi = w_.scalar(e, "doi", p)) {
      std::string link = "https://doi.org/" + doi->text;
      model::Paragraph para;
      para.span = doi->span;
      para.text.push_back(model::Run{"DOI: ", false, false, false, {}, doi->span});
      para.text.push_back(model::Run{doi->text, false, false, false, link, doi->span});
      out.description.push_back(std::move(para));
      if (out.url.empty()) out.url = link;
    }
    return out;
  }

  void url(const Node& e, const std::string& p, model::Entry& out) {
    if (const Node* u = w_.scalar(e, "url", p)) {
      w_.check_url(*u, p + ".url");
      out.url = u->text;
    }
  }

  void design(const yaml::Member& m) {
    if (!w_.expect(m.value, "design", Kind::Map)) return;
    for (const yaml::Member& d : m.value.members) {
      if (d.key == "theme" && d.value.is(Kind::Scalar)) {
        const char* style = nearest_style(d.value.text);
        w_.note(
            d.value.span,
            "design.theme \"" + d.value.text + "\": Tailor's nearest style is \"" + style + "\"",
            std::string("build with --style ") + style + " (docs/styles.md)");
      } else {
        w_.note(d.key_span, "design." + d.key + " is not carried over",
                "Tailor's look comes from its styles (templates/styles/, docs/styles.md)");
      }
    }
  }

  void locale(const yaml::Member& m, model::Document& doc) {
    if (!w_.expect(m.value, "locale", Kind::Map)) return;
    for (const yaml::Member& l : m.value.members) {
      if (l.key == "language" && l.value.is(Kind::Scalar)) {
        std::string tag = language_tag(l.value.text);
        if (tag.empty()) {
          w_.diags()
              .warning(l.value.span, "locale.language: \"" + l.value.text +
                                         "\" is not a language Tailor knows; it is ignored")
              .hints.push_back("write a RenderCV language name (english) or a tag (en, de)");
        } else {
          doc.header.language = model::Field{tag, l.value.span};
        }
      } else {
        w_.note(l.key_span, "locale." + l.key + " is not carried over",
                "Tailor takes month names and words such as \"present\" from the language "
                "(docs/locales.md)");
      }
    }
  }

  YamlWalk w_;
};

}  // namespace

std::optional<model::Document> parse_rendercv(std::uint32_t file_id, std::string_view text,
                                              diag::Diagnostics& diags) {
  return map_yaml<RenderCv>(file_id, text, diags);
}

}  // namespace tailor::reader
