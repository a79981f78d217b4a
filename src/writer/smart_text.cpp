#include "writer/smart_text.hpp"

#include "locale/catalog.hpp"
#include "locale/smart_punctuation.hpp"
#include "writer/format.hpp"

namespace tailor::writer {

namespace {

struct Typesetter {
  const locale::QuoteMarks& marks;
  std::string space;

  void text(std::string& s) const {
    if (s.find_first_of("\"'-") == std::string::npos) return;
    s = locale::smart_punctuation(s, marks, space);
  }

  // Runs are set as one text, so a quotation opened in one run (a keyword split off by the
  // rule engine, a link) closes in another; each edit lands in the run where it starts.
  void runs(model::Inlines& runs) const {
    std::string all;
    for (const model::Run& r : runs) all += r.text;
    std::vector<locale::TextEdit> edits = locale::smart_punctuation_edits(all, marks, space);
    if (edits.empty()) return;
    std::size_t at = 0, e = 0, skip = 0;
    for (model::Run& r : runs) {
      std::string out;
      std::size_t end = at + r.text.size();
      for (std::size_t i = at; i < end; ++i) {
        if (skip > 0) {
          --skip;
          continue;
        }
        if (e < edits.size() && edits[e].pos == i) {
          out += edits[e].text;
          skip = edits[e].len - 1;
          ++e;
          continue;
        }
        out += all[i];
      }
      r.text = std::move(out);
      at = end;
    }
  }
};

}  // namespace

const model::Document& typographic(const model::Document& doc, bool on, model::Document& storage) {
  if (!on) return doc;
  storage = doc;
  const locale::LocaleData* loc = document_locale(doc);
  Typesetter t{locale::quote_marks(doc.header.language.value), loc ? loc->quote_space : ""};
  model::Header& h = storage.header;
  t.text(h.name.value);
  t.text(h.headline.value);
  t.text(h.location.value);
  t.text(h.address.value);
  for (model::Link& l : h.links) t.text(l.label);
  for (model::Section& s : storage.sections) {
    t.text(s.title);
    for (model::Block& b : s.blocks) {
      if (auto* p = std::get_if<model::Paragraph>(&b)) {
        t.runs(p->text);
      } else if (auto* bl = std::get_if<model::Bullet>(&b)) {
        t.runs(bl->text);
      } else if (auto* en = std::get_if<model::Entry>(&b)) {
        t.text(en->role);
        t.text(en->organisation);
        t.text(en->location);
        for (model::Paragraph& p2 : en->description) t.runs(p2.text);
        for (model::Bullet& b2 : en->bullets) t.runs(b2.text);
      } else if (auto* g = std::get_if<model::SkillGroup>(&b)) {
        t.text(g->label);
        for (model::Skill& k : g->items) t.text(k.name);
      }
    }
  }
  return storage;
}

}  // namespace tailor::writer
