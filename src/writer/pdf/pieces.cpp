// Text to pieces: choosing faces, replacing what the font lacks, making links safe.
#include "base/links.hpp"
#include "base/utf8.hpp"
#include "writer/pdf/layout_engine.hpp"
#include "writer/pdf/normalize.hpp"

namespace tailor::writer::pdf::detail {

int Engine::face(const std::string& family, bool bold, bool italic) {
  FaceKey key{family, bold, italic};
  for (std::size_t i = 0; i < out_.faces.size(); ++i) {
    if (out_.faces[i] == key) return static_cast<int>(i);
  }
  const Face* fp = faces_(key);
  if (diags_ && fp) {
    FontMatch m;
    cached_face(key, &m);
    if (!m.exact && warned_families_.insert(family).second) {
      diag::Diagnostic d;
      d.severity = diag::Severity::Warning;
      d.path = st_.source_path.empty() ? "style" : st_.source_path;
      d.message = "font family '" + family + "' is not installed; using '" + m.family + "'";
      d.hints.push_back("fc-list : family lists the installed families");
      diags_->add(std::move(d));
    }
  }
  if (!fp) {
    if (!failed_ && diags_) {
      diag::Diagnostic d;
      d.path = st_.source_path.empty() ? "style" : st_.source_path;
      d.message = "no TrueType font found for '" + key.label() + "'";
      d.hints.push_back("install fonts-dejavu-core or fonts-liberation2, or change the style");
      diags_->add(std::move(d));
    }
    failed_ = true;
    // Keep going with index 0 if there is one, so the caller gets one clear error.
    if (out_.faces.empty()) return -1;
    return 0;
  }
  out_.faces.push_back(key);
  out_.face_ptrs.push_back(fp);
  return static_cast<int>(out_.faces.size() - 1);
}

std::string Engine::clean(std::string_view text, int fidx, const SourceSpan& span) {
  (void)span;  // what no font draws is reported per script while breaking lines
  if (fidx < 0) return {};
  // Decomposed accents (typed on macOS) become the composed letters the fonts draw.
  std::string in = nfc(text);
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    char32_t cp = base::decode_next(in, i);
    if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue;  // C0/C1 controls draw nothing
    base::append_utf8(out, cp);
  }
  return out;
}

std::string Engine::link_for(const std::string& url, const SourceSpan& span) {
  if (url.empty()) return {};
  std::string n = base::normalise_link(url);
  // An unsafe scheme was already reported by the reader, which keeps the address as text.
  if (n.empty() && diags_ && base::check_link(url) != base::LinkCheck::UnsafeScheme) {
    std::string scheme = base::link_scheme(url);
    diag::Diagnostic& d = diags_->warning(
        span,
        "link '" + url + "' is not an https, http, mailto or tel address; it stays plain text");
    if (span.file_id == 0) d.path = "document";
    if (!scheme.empty()) d.hints.push_back("the '" + scheme + ":' scheme is never made clickable");
  }
  return n;
}

std::vector<Piece> Engine::inlines(const model::Inlines& runs, int regular, double size,
                                   Color color) {
  std::vector<Piece> out;
  for (const model::Run& r : runs) {
    bool bold = r.strong || r.keyword;
    int fi = regular;
    if (bold || r.emph) fi = face(st_.body_font, bold, r.emph);
    std::string uri = link_for(r.url, r.span);
    out.push_back(piece(r.text, fi, size, uri.empty() ? color : st_.accent, r.span, uri));
  }
  return out;
}

}  // namespace tailor::writer::pdf::detail
