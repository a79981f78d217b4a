// YAMLResume (https://yamlresume.dev/docs) YAML into the document model. A YAMLResume file
// has content: (the resume, JSON Resume's sections with YAMLResume's own names), locale:
// and layouts: (how YAMLResume renders it).
//
//   content.basics.name/headline/email/phone/url -> header; summary -> Summary section
//   content.location.address/postalCode          -> address (removed by --anonymize)
//   content.location.city/region/country         -> location
//   content.profiles[]                           -> links "Network (username)"
//   work[] / volunteer[]                         -> Experience / Volunteering entries
//   education[]                                  -> role "degree, area", institution; score,
//                                                   courses
//   awards[] certificates[] publications[] projects[] -> entries; skills[] languages[]
//   interests[] -> skill groups; references[] -> paragraphs
//   locale.language                              -> the document's language
//   layouts[]                                    -> a note naming the nearest Tailor style
// summary values are Markdown: "- " lines become bullets, other lines paragraphs.
#include "locale/text.hpp"
#include "reader/reader.hpp"
#include "reader/yaml_blocks.hpp"
#include "reader/yaml_walk.hpp"

namespace tailor::reader {

namespace {

using yaml::Kind;
using yaml::Node;

class YamlResume {
 public:
  explicit YamlResume(diag::Diagnostics& diags) : w_(diags, "YAMLResume") {}

  model::Document map(const Node& root) {
    model::Document doc;
    if (!root.is(Kind::Map) || !root.find("content")) {
      w_.diags()
          .error(root.span, "not a YAMLResume file: there is no content: mapping at the top")
          .hints.push_back("a YAMLResume file holds content: (basics:, work:, ...)");
      return doc;
    }
    w_.check_keys(root, "", {"content", "locale", "layouts"});
    for (const yaml::Member& m : root.members) {
      if (m.key == "content") {
        if (w_.expect(m.value, "content", Kind::Map)) content(m.value, doc);
      } else if (m.key == "locale") {
        locale(m, doc);
      } else if (m.key == "layouts") {
        layouts(m);
      }
    }
    return doc;
  }

 private:
  using Item = model::Entry (YamlResume::*)(const Node&, const std::string&);

  void content(const Node& c, model::Document& doc) {
    w_.check_keys(c, "content",
                  {"basics", "location", "profiles", "education", "work", "volunteer", "awards",
                   "certificates", "publications", "skills", "languages", "interests", "references",
                   "projects"});
    if (const Node* b = c.find("basics"); b && w_.expect(*b, "content.basics", Kind::Map)) {
      basics(*b, doc);
    }
    if (const Node* l = c.find("location"); l && w_.expect(*l, "content.location", Kind::Map)) {
      location(*l, doc.header);
    }
    if (const Node* p = c.find("profiles")) profiles(*p, doc.header);
    for (const yaml::Member& m : c.members) {
      const std::string path = "content." + m.key;
      if (m.key == "work") {
        entries(doc, m, "Experience", &YamlResume::work);
      } else if (m.key == "volunteer") {
        entries(doc, m, "Volunteering", &YamlResume::volunteer);
      } else if (m.key == "education") {
        entries(doc, m, "Education", &YamlResume::education);
      } else if (m.key == "awards") {
        entries(doc, m, "Awards", &YamlResume::award);
      } else if (m.key == "certificates") {
        entries(doc, m, "Certifications", &YamlResume::certificate);
      } else if (m.key == "publications") {
        entries(doc, m, "Publications", &YamlResume::publication);
      } else if (m.key == "projects") {
        entries(doc, m, "Projects", &YamlResume::project);
      } else if (m.key == "skills" || m.key == "languages" || m.key == "interests") {
        groups(doc, m);
      } else if (m.key == "references") {
        references(doc, m);
      }
    }
  }

  void basics(const Node& b, model::Document& doc) {
    const std::string p = "content.basics";
    w_.check_keys(b, p, {"name", "headline", "email", "phone", "url", "summary"});
    model::Header& h = doc.header;
    h.name = w_.field(b, "name", p);
    h.headline = w_.field(b, "headline", p);
    h.email = w_.field(b, "email", p);
    h.phone = w_.field(b, "phone", p);
    if (const Node* u = w_.scalar(b, "url", p)) {
      w_.check_url(*u, p + ".url");
      h.links.push_back(model::Link{"Website", u->text, u->span});
    }
    if (const Node* s = w_.scalar(b, "summary", p)) {
      model::Section sec = make_section("Summary", s->span);
      sec.kind = model::SectionKind::Summary;
      model::Entry holder;
      prose(*s, holder);
      for (auto& para : holder.description) sec.blocks.push_back(std::move(para));
      for (auto& bullet : holder.bullets) sec.blocks.push_back(std::move(bullet));
      if (!sec.blocks.empty()) doc.sections.insert(doc.sections.begin(), std::move(sec));
    }
  }

  void location(const Node& l, model::Header& h) {
    const std::string p = "content.location";
    w_.check_keys(l, p, {"address", "city", "region", "country", "postalCode"});
    model::Field street = w_.field(l, "address", p);
    model::Field postal = w_.field(l, "postalCode", p);
    h.address = {base_join({street.value, postal.value}),
                 street.empty() ? postal.span : street.span};
    model::Field city = w_.field(l, "city", p);
    model::Field region = w_.field(l, "region", p);
    model::Field country = w_.field(l, "country", p);
    h.location = {base_join({city.value, region.value, country.value}), !city.empty() ? city.span
                                                                        : !region.empty()
                                                                            ? region.span
                                                                            : country.span};
  }

  static std::string base_join(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& s : parts) {
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }

  void profiles(const Node& ps, model::Header& h) {
    const std::string p = "content.profiles";
    if (!w_.expect(ps, p, Kind::Sequence)) return;
    for (std::size_t i = 0; i < ps.items.size(); ++i) {
      const Node& n = ps.items[i];
      std::string ip = yaml_index(p, i);
      if (!w_.expect(n, ip, Kind::Map)) continue;
      w_.check_keys(n, ip, {"network", "username", "url"});
      std::string network = w_.text(n, "network", ip);
      std::string user = w_.text(n, "username", ip);
      std::string url;
      if (const Node* u = w_.scalar(n, "url", ip)) {
        w_.check_url(*u, ip + ".url");
        url = u->text;
      }
      std::string label = network.empty() ? user
                          : user.empty()  ? network
                                          : network + " (" + user + ")";
      if (!label.empty() || !url.empty()) h.links.push_back(model::Link{label, url, n.span});
    }
  }

  /// A Markdown value: "- " (or "* ") lines become bullets, other lines paragraphs.
  void prose(const Node& v, model::Entry& e) {
    std::size_t start = 0;
    const std::string& t = v.text;
    while (start <= t.size()) {
      std::size_t nl = t.find('\n', start);
      if (nl == std::string::npos) nl = t.size();
      std::string line = t.substr(start, nl - start);
      start = nl + 1;
      std::size_t a = line.find_first_not_of(" \t");
      if (a == std::string::npos) continue;
      line = line.substr(a, line.find_last_not_of(" \t") - a + 1);
      Node piece;
      piece.kind = Kind::Scalar;
      piece.span = v.span;
      if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
        piece.text = line.substr(2);
        e.bullets.push_back(markdown_bullet(piece));
      } else {
        piece.text = line;
        e.description.push_back(markdown_paragraph(piece));
      }
    }
  }

  void entries(model::Document& doc, const yaml::Member& m, const char* title, Item item) {
    const std::string path = "content." + m.key;
    if (!w_.expect(m.value, path, Kind::Sequence)) return;
    model::Section s = make_section(title, m.key_span);
    for (std::size_t i = 0; i < m.value.items.size(); ++i) {
      const Node& v = m.value.items[i];
      std::string p = yaml_index(path, i);
      if (!w_.expect(v, p, Kind::Map)) continue;
      s.blocks.push_back((this->*item)(v, p));
    }
    if (!s.blocks.empty()) doc.sections.push_back(std::move(s));
  }

  void dates(const Node& v, const std::string& p, model::Entry& e, bool open_is_present) {
    std::string loose;
    e.dates.start = w_.date(v, "startDate", p, &loose);
    e.dates.end = w_.date(v, "endDate", p, &loose);
    if (!loose.empty()) {
      Node piece;
      piece.kind = Kind::Scalar;
      piece.text = loose;
      piece.span = v.span;
      e.description.push_back(markdown_paragraph(piece));
    }
    if (open_is_present && !e.dates.start.empty() && e.dates.end.empty() && !v.find("endDate")) {
      e.dates.end.present = true;
      e.dates.end.span = e.dates.start.span;
    }
  }

  void keywords(const Node& v, const std::string& p, model::Entry& e) {
    std::vector<const Node*> ks = w_.scalars(v, "keywords", p);
    if (ks.empty()) return;
    model::Paragraph para;
    para.span = ks.front()->span;
    para.text.push_back(model::Run{"Keywords: ", false, false, false, {}, para.span});
    for (std::size_t i = 0; i < ks.size(); ++i) {
      para.text.push_back(
          model::Run{(i ? ", " : "") + ks[i]->text, false, false, false, {}, ks[i]->span});
    }
    e.description.push_back(std::move(para));
  }

  void url(const Node& v, const std::string& p, model::Entry& e) {
    if (const Node* u = w_.scalar(v, "url", p)) {
      w_.check_url(*u, p + ".url");
      e.url = u->text;
    }
  }

  model::Entry work(const Node& v, const std::string& p) {
    w_.check_keys(v, p, {"name", "position", "url", "startDate", "endDate", "summary", "keywords"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "position", p);
    e.organisation = w_.text(v, "name", p);
    url(v, p, e);
    dates(v, p, e, true);
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    keywords(v, p, e);
    return e;
  }

  model::Entry volunteer(const Node& v, const std::string& p) {
    w_.check_keys(v, p, {"organization", "position", "url", "startDate", "endDate", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "position", p);
    e.organisation = w_.text(v, "organization", p);
    url(v, p, e);
    dates(v, p, e, true);
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    return e;
  }

  model::Entry education(const Node& v, const std::string& p) {
    w_.check_keys(v, p,
                  {"institution", "area", "degree", "url", "startDate", "endDate", "score",
                   "courses", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = base_join({w_.text(v, "degree", p), w_.text(v, "area", p)});
    e.organisation = w_.text(v, "institution", p);
    url(v, p, e);
    dates(v, p, e, false);
    if (const Node* s = w_.scalar(v, "score", p)) {
      Node piece = *s;
      piece.text = "Score: " + s->text;
      e.description.push_back(markdown_paragraph(piece));
    }
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    for (const Node* c : w_.scalars(v, "courses", p)) e.bullets.push_back(markdown_bullet(*c));
    return e;
  }

  model::Entry award(const Node& v, const std::string& p) {
    w_.check_keys(v, p, {"title", "awarder", "date", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "title", p);
    e.organisation = w_.text(v, "awarder", p);
    single_date(v, "date", p, e);
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    return e;
  }

  model::Entry certificate(const Node& v, const std::string& p) {
    w_.check_keys(v, p, {"name", "issuer", "date", "url"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "name", p);
    e.organisation = w_.text(v, "issuer", p);
    single_date(v, "date", p, e);
    url(v, p, e);
    return e;
  }

  model::Entry publication(const Node& v, const std::string& p) {
    w_.check_keys(v, p, {"name", "publisher", "releaseDate", "url", "summary"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "name", p);
    e.organisation = w_.text(v, "publisher", p);
    single_date(v, "releaseDate", p, e);
    url(v, p, e);
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    return e;
  }

  model::Entry project(const Node& v, const std::string& p) {
    w_.check_keys(v, p,
                  {"name", "description", "url", "startDate", "endDate", "summary", "keywords"});
    model::Entry e;
    e.span = v.span;
    e.role = w_.text(v, "name", p);
    url(v, p, e);
    dates(v, p, e, false);
    if (const Node* d = w_.scalar(v, "description", p)) prose(*d, e);
    if (const Node* s = w_.scalar(v, "summary", p)) prose(*s, e);
    keywords(v, p, e);
    return e;
  }

  void single_date(const Node& v, const char* key, const std::string& p, model::Entry& e) {
    std::string loose;
    e.dates.start = w_.date(v, key, p, &loose);
    if (!loose.empty()) {
      Node piece;
      piece.kind = Kind::Scalar;
      piece.text = loose;
      piece.span = v.span;
      e.description.push_back(markdown_paragraph(piece));
    }
  }

  void groups(model::Document& doc, const yaml::Member& m) {
    const std::string path = "content." + m.key;
    if (!w_.expect(m.value, path, Kind::Sequence)) return;
    bool languages = m.key == "languages";
    model::Section s = make_section(title_from_key(m.key), m.key_span);
    for (std::size_t i = 0; i < m.value.items.size(); ++i) {
      const Node& v = m.value.items[i];
      std::string p = yaml_index(path, i);
      if (!w_.expect(v, p, Kind::Map)) continue;
      model::SkillGroup g;
      g.span = v.span;
      std::vector<const Node*> items;
      model::Field name;
      if (languages) {
        w_.check_keys(v, p, {"language", "fluency", "keywords"});
        name = w_.field(v, "language", p);
        if (const Node* f = w_.scalar(v, "fluency", p)) items.push_back(f);
      } else {
        w_.check_keys(v, p,
                      m.key == "skills"
                          ? std::initializer_list<const char*>{"name", "level", "keywords"}
                          : std::initializer_list<const char*>{"name", "keywords"});
        name = w_.field(v, "name", p);
        if (const Node* l = w_.scalar(v, "level", p); l && m.key == "skills") {
          name.value = name.value.empty() ? l->text : name.value + " (" + l->text + ")";
        }
      }
      for (const Node* k : w_.scalars(v, "keywords", p)) items.push_back(k);
      if (items.empty()) {
        if (name.empty()) continue;
        g.items.push_back(model::Skill{name.value, false, name.span});
      } else {
        g.label = name.value;
        for (const Node* k : items) g.items.push_back(model::Skill{k->text, false, k->span});
      }
      s.blocks.push_back(std::move(g));
    }
    if (!s.blocks.empty()) doc.sections.push_back(std::move(s));
  }

  void references(model::Document& doc, const yaml::Member& m) {
    const std::string path = "content.references";
    if (!w_.expect(m.value, path, Kind::Sequence)) return;
    model::Section s = make_section("References", m.key_span);
    for (std::size_t i = 0; i < m.value.items.size(); ++i) {
      const Node& v = m.value.items[i];
      std::string p = yaml_index(path, i);
      if (!w_.expect(v, p, Kind::Map)) continue;
      w_.check_keys(v, p, {"name", "relationship", "email", "phone", "summary"});
      std::string head = base_join({w_.text(v, "name", p), w_.text(v, "relationship", p),
                                    w_.text(v, "email", p), w_.text(v, "phone", p)});
      std::string summary = w_.text(v, "summary", p);
      for (char& c : summary) {
        if (c == '\n') c = ' ';
      }
      Node piece;
      piece.kind = Kind::Scalar;
      piece.span = v.span;
      piece.text = head.empty() ? summary : summary.empty() ? head : head + ": " + summary;
      if (!piece.text.empty()) s.blocks.push_back(markdown_paragraph(piece));
    }
    if (!s.blocks.empty()) doc.sections.push_back(std::move(s));
  }

  void locale(const yaml::Member& m, model::Document& doc) {
    if (!w_.expect(m.value, "locale", Kind::Map)) return;
    for (const yaml::Member& l : m.value.members) {
      if (l.key == "language" && l.value.is(Kind::Scalar)) {
        std::string tag = locale::canonical_tag(l.value.text);
        if (tag.empty()) {
          w_.diags()
              .warning(l.value.span, "locale.language: \"" + l.value.text +
                                         "\" is not a language tag; it is ignored")
              .hints.push_back("YAMLResume languages are tags such as en, de, zh-hans");
        } else {
          doc.header.language = model::Field{tag, l.value.span};
        }
      } else {
        w_.note(l.key_span, "locale." + l.key + " is not carried over");
      }
    }
  }

  void layouts(const yaml::Member& m) {
    if (!w_.expect(m.value, "layouts", Kind::Sequence)) return;
    for (std::size_t i = 0; i < m.value.items.size(); ++i) {
      const Node& l = m.value.items[i];
      if (!l.is(Kind::Map)) continue;
      const Node* tpl = l.find("template");
      if (tpl && tpl->is(Kind::Scalar)) {
        std::string style = tpl->text.find("moderncv") != std::string::npos ? "modern" : "classic";
        w_.note(tpl->span,
                "layouts[" + std::to_string(i) + "].template \"" + tpl->text +
                    "\": Tailor's nearest style is \"" + style + "\"",
                "build with --style " + style + " (docs/styles.md)");
      } else {
        w_.note(l.span, "layouts[" + std::to_string(i) + "] is not carried over",
                "Tailor's look comes from its styles (docs/styles.md)");
      }
    }
  }

  YamlWalk w_;
};

}  // namespace

std::optional<model::Document> parse_yamlresume(std::uint32_t file_id, std::string_view text,
                                                diag::Diagnostics& diags) {
  return map_yaml<YamlResume>(file_id, text, diags);
}

}  // namespace tailor::reader
