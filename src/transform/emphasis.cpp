// Emphasis (see emphasis.hpp).
#include "transform/emphasis.hpp"

#include "base/utf8.hpp"
#include "transform/engine_util.hpp"

namespace tailor::transform {

using namespace tailor::model;
using detail::kEmphasisWeight;
using detail::quote;

namespace {

// Splits runs at keyword boundaries and marks the keyword pieces. Mentions are found in the
// whole bullet, so their context ("written in Go") spans runs; a mention is marked when it
// lies inside one run. Returns the keywords marked.
std::vector<std::size_t> emphasise(Inlines& runs, const KeywordIndex& index, const Profile& p) {
  std::vector<std::size_t> marked_kws;
  std::vector<Hit> all;
  for (const Hit& h : index.hits(plain_text(runs))) {
    if (p.keywords[h.keyword].weight >= kEmphasisWeight) all.push_back(h);
  }
  if (all.empty()) return marked_kws;
  Inlines out;
  std::size_t off = 0;
  for (const Run& r : runs) {
    std::vector<Hit> hits;
    for (const Hit& h : all) {
      if (h.begin >= off && h.end <= off + r.text.size()) {
        hits.push_back({h.keyword, h.begin - off, h.end - off});
      }
    }
    off += r.text.size();
    if (hits.empty() || r.keyword || !r.url.empty()) {  // links stay one run
      out.push_back(r);
      continue;
    }
    // Columns of the pieces follow the text when the run is one line without escapes.
    bool exact_cols = r.span.known() && r.span.line == r.span.end_line &&
                      r.span.end_col - r.span.col == base::count_code_points(r.text);
    std::size_t pos = 0;
    auto piece = [&](std::size_t b, std::size_t e, bool kw) {
      if (e <= b) return;
      Run x = r;
      x.text = r.text.substr(b, e - b);
      x.keyword = kw;
      if (exact_cols) {
        auto cb = static_cast<std::uint32_t>(base::count_code_points(r.text.substr(0, b)));
        auto ce = static_cast<std::uint32_t>(base::count_code_points(r.text.substr(0, e)));
        x.span.col = r.span.col + cb;
        x.span.end_col = r.span.col + ce;
      }
      out.push_back(std::move(x));
    };
    for (const Hit& h : hits) {
      piece(pos, h.begin, false);
      piece(h.begin, h.end, true);
      marked_kws.push_back(h.keyword);
      pos = h.end;
    }
    piece(pos, r.text.size(), false);
  }
  runs = std::move(out);
  return marked_kws;
}

}  // namespace

void emphasise_bullets(Document& doc, const Profile& profile, const KeywordIndex& index,
                       Report& rep) {
  int marks = 0, bullets = 0;
  auto mark = [&](Inlines& text, const std::string& where, const SourceSpan& span) {
    std::vector<std::size_t> kws = emphasise(text, index, profile);
    marks += static_cast<int>(kws.size());
    bullets += !kws.empty();
    if (!kws.empty()) {
      rep.bullets.push_back({"emphasised", where, detail::keyword_names(kws, profile), span});
    }
  };
  for (Section& s : doc.sections) {
    if (s.kind == SectionKind::References) continue;  // never evidence, never bolded
    int loose = 0;
    for (Block& b : s.blocks) {
      if (Bullet* x = std::get_if<Bullet>(&b)) {
        mark(x->text, "bullet " + std::to_string(++loose) + " of " + quote(s.title), x->span);
      }
      if (Entry* e = std::get_if<Entry>(&b)) {
        int n = 0;
        for (Bullet& x : e->bullets) {
          mark(x.text, "bullet " + std::to_string(++n) + " of " + quote(detail::entry_label(*e)),
               x.span);
        }
      }
    }
  }
  if (marks) {
    rep.changes.push_back(
        {"emphasis",
         std::to_string(marks) + " keyword(s) marked in " + std::to_string(bullets) + " bullet(s)",
         "keywords of " + quote(profile.title), profile.span});
  }
}

}  // namespace tailor::transform
