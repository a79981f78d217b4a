// The layout of blocks: the header, sections, entries, bullets and skills as boxes.
#include "writer/pdf/layout.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

#include "base/links.hpp"
#include "base/utf8.hpp"
#include "locale/text.hpp"
#include "writer/balanced_lines.hpp"
#include "writer/contact_text.hpp"
#include "writer/format.hpp"
#include "writer/image_alt.hpp"

#include "writer/pdf/cursive.hpp"
#include "writer/pdf/image_size.hpp"
#include "writer/pdf/layout_engine.hpp"
#include "writer/pdf/small_caps.hpp"
#include "writer/pdf/text_case.hpp"

namespace tailor::writer::pdf {

const Face* installed_face(const FaceKey& key) { return cached_face(key); }

std::string tel_uri(const std::string& phone) {
  std::string out = "tel:";
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && out.size() == 4)) out += c;
  }
  return out;
}

namespace detail {

namespace {

/// The visible part of a URL in the contact line: no scheme, no trailing slash.
std::string display_url(const std::string& url) {
  std::string s = url;
  for (const char* p : {"https://", "http://", "mailto:", "tel:"}) {
    std::string pre = p;
    if (s.size() > pre.size() && base::link_scheme(s) + ":" == pre.substr(0, pre.find(':') + 1) &&
        s.compare(0, pre.size(), pre) == 0) {
      s = s.substr(pre.size());
      break;
    }
  }
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

void Engine::header() {
  const model::Header& h = doc_.header;
  Align align = st_.header_centered ? Align::Center : Align::Left;
  // Agency branding: a logo at the top right of the first page; the header text makes room.
  double logo_h = 0;
  const double full_width = width_;
  if (!st_.logo.empty()) {
    auto dims = image_size(st_.logo);
    if (!dims) {
      if (diags_) {
        diag::Diagnostic d;
        d.severity = diag::Severity::Warning;
        d.path = st_.source_path.empty() ? "style" : st_.source_path;
        d.message = "cannot read the logo '" + st_.logo + "' as PNG or JPEG; it is left out";
        diags_->add(std::move(d));
      }
    } else {
      logo_h = std::min(54.0, fs(st_.name_size) * 2.2);
      double w = logo_h * dims->first / dims->second;
      if (w > full_width / 3) {
        w = full_width / 3;
        logo_h = w * dims->second / dims->first;
      }
      Op img;
      img.kind = Op::Kind::Image;
      img.x = left_ + full_width - w;
      img.y = out_.page_height - st_.margin_top - logo_h;
      img.w = w;
      img.h = logo_h;
      img.text = st_.logo;
      // A Figure with alternative text: the logo's file name, words apart ("acme-logo.png"
      // says "acme logo"), since the style names no other.
      Op fig = Op::open("Figure");
      fig.alt = writer::logo_alt(st_.logo);
      page1_ops_.push_back(fig);
      page1_ops_.push_back(img);
      page1_ops_.push_back(Op::close());
      width_ = full_width - w - 12;
    }
  }
  const double full_left = left_;
  double photo_h = contact_in_header_ ? photo() : 0;  // the sidebar holds it otherwise
  std::size_t header_first = boxes_.size();
  if (!h.name.empty()) {
    paragraph({piece(h.name.value, head(), fs(st_.name_size), st_.accent, h.name.span)}, left_,
              width_, 0, align);
    tag(header_first, "H1");
  }
  if (!h.headline.empty()) {
    std::size_t at = boxes_.size();
    paragraph({piece(h.headline.value, body(), fs(st_.headline_size), st_.muted, h.headline.span)},
              left_, width_, gap(2), align);
    tag(at, "P");
  }
  // Contact items are packed whole onto lines, so a separator never ends a line.
  std::vector<Piece> items;
  double small = fs(st_.small_size);
  auto add = [&](const std::string& text, const SourceSpan& span, const std::string& uri) {
    if (!text.empty()) items.push_back(piece(text, body(), small, st_.text, span, uri));
  };
  bool labels = st_.contact_labels;
  if (!h.email.empty()) {
    add(contact_text("email", "", h.email.value, labels, doc_), h.email.span,
        link_for("mailto:" + h.email.value, h.email.span));
  }
  if (!h.phone.empty()) {
    add(contact_text("phone", "", h.phone.value, labels, doc_), h.phone.span,
        tel_uri(h.phone.value));
  }
  add(h.address.value, h.address.span, {});
  add(contact_text("location", "", h.location.value, labels, doc_), h.location.span, {});
  for (const model::Link& l : h.links) {
    std::string uri = link_for(l.url, l.span);
    std::string shown = contact_link_text(l, uri, st_.link_labels);
    bool shows_label = shown == l.label;
    add(contact_text(link_label_key(l), l.label == l.url || shows_label ? "" : l.label, shown,
                     labels, doc_),
        l.span, uri);
  }
  if (!contact_in_header_) {
    contact_ = std::move(items);  // the sidebar lists them, one a line
    items.clear();
  }
  Piece sep = piece("  \u00B7  ", body(), small, st_.muted, {});
  double sep_w = f(sep.face).text_width(sep.text, small);
  std::vector<double> widths;
  for (const Piece& it : items) widths.push_back(f(it.face).text_width(it.text, small));
  // Items are packed whole onto as few lines as greedy filling needs, then balanced across
  // them (finish.md): "four items, then one" becomes three and two.
  double before = gap(5);
  std::size_t contact_first = boxes_.size();
  std::size_t start = 0;
  for (std::size_t end : balanced_breaks(widths, sep_w, width_)) {
    std::vector<Piece> line;
    for (std::size_t i = start; i < end; ++i) {
      if (i > start) line.push_back(sep);
      line.push_back(items[i]);
    }
    paragraph(line, left_, width_, before, align);
    before = 0;
    start = end;
  }
  // Contact lines after the first continue one paragraph: a word space before each.
  for (std::size_t i = contact_first + 1; i < boxes_.size(); ++i) {
    for (Op& op : boxes_[i].ops) {
      if (op.kind == Op::Kind::Text) {
        op.space_before = true;
        break;
      }
    }
  }
  tag(contact_first, "P");
  width_ = full_width;
  left_ = full_left;
  double beside = std::max(logo_h, photo_h);
  if (beside > 0) {
    double used = 0;
    for (std::size_t i = header_first; i < boxes_.size(); ++i) {
      used += (i == header_first ? 0 : boxes_[i].before) + boxes_[i].height;
    }
    if (used < beside) {
      Box spacer;
      spacer.height = beside - used;
      boxes_.push_back(spacer);
    }
  }
}

void Engine::bullet(const model::Inlines& text, const SourceSpan& span, double x0, double width,
                    double before) {
  double size = fs(st_.body_size);
  double indent = st_.bullet_indent * params_.font_scale;
  std::vector<Piece> ps = inlines(text, body(), size, st_.text);
  // A right-to-left bullet in a left-to-right document (or the reverse in a mirrored one)
  // hangs its sign on the right, beside the text's start. Each line becomes its box as soon
  // as it is made, so a long bullet is never held as shaped lines all at once.
  bool flip = false;
  std::size_t first = boxes_.size();
  std::size_t lines = 0;
  break_lines(ps, width - indent, width - indent, [&](Line&& line) {
    if (lines++ == 0) flip = line.rtl != params_.mirror;
    boxes_.push_back(line_box(ps, std::move(line), flip ? x0 : x0 + indent, width - indent,
                              Align::Left, lines == 1 ? before : 0));
  });
  if (boxes_.size() == first) return;
  tag(first, "LBody");
  // The bullet sign hangs in the indent, on the first line's baseline.
  double bw = 0;
  std::vector<Op> sign = standalone_text(st_.bullet, body(), size, st_.muted, span, bw);
  double sx = x0 + std::max(0.0, (indent - bw) / 2 - 1);
  if (flip) sx = x0 + width - (sx - x0) - bw;
  for (Op& op : sign) op.x += sx;
  // The sign is the item's label (Lbl), before its body (LBody). A line spanned for its
  // logical order (mark_logical_order) keeps its span: a span cannot cross from the label's
  // marked content into the body's. pdftotext reads such a span as one piece and the sign
  // beside it apart (after the whole block), so the span's text starts with the sign, and
  // the sign's own sequence reads as nothing: the line reads "• words", the sign once. The
  // structure text still finds the sign in Lbl (poppler's -struct-text ignores ActualText).
  for (Op& op : boxes_[first].ops) {
    if (op.kind != Op::Kind::Text || !op.actual_text_reordered || op.actual_text.empty()) continue;
    op.actual_text = st_.bullet + " " + op.actual_text;
    for (Op& s : sign) s.silent = s.kind == Op::Kind::Text;
    break;
  }
  sign.insert(sign.begin(), Op::open("Lbl"));
  sign.push_back(Op::close());
  std::vector<Op>& ops = boxes_[first].ops;
  ops.insert(ops.begin(), std::make_move_iterator(sign.begin()),
             std::make_move_iterator(sign.end()));
  tag(first, "LI");
  keep_item_lines(first);
}

void Engine::keep_item_lines(std::size_t first) {
  // An item's lines stay together when short; a longer one may break, but never leaves a
  // single line at the foot of a page or at the top of the next (two lines, at least, each).
  if (first >= boxes_.size()) return;
  std::size_t lines = boxes_.size() - first;
  if (lines <= 3) {
    for (std::size_t i = first; i + 1 < boxes_.size(); ++i) boxes_[i].keep_next = true;
  } else {
    boxes_[first].keep_next = true;
    boxes_[boxes_.size() - 2].keep_next = true;
  }
}

void Engine::skills(const model::SkillGroup& g, double before) {
  double size = fs(st_.body_size);
  std::vector<Piece> ps;
  bool label_aside = date_column() && !g.label.empty();
  if (!g.label.empty() && !label_aside) {
    ps.push_back(piece(g.label + ": ", body_bold(), size, st_.text, g.span));
  }
  for (std::size_t i = 0; i < g.items.size(); ++i) {
    const model::Skill& sk = g.items[i];
    ps.push_back(piece(sk.name, sk.keyword ? body_bold() : body(), size, st_.text, sk.span));
    if (i + 1 < g.items.size()) ps.push_back(piece(", ", body(), size, st_.text, g.span));
  }
  std::size_t first = boxes_.size();
  paragraph(ps, left_, width_, before);
  if (label_aside) {
    // Read as the text output writes it: "Languages: Go, Rust".
    left_column(first, {piece(g.label, body_bold(), size, st_.text, g.span)}, g.label + ":");
  }
  tag(first, "P");
  // A skill group is an item like a bullet: its lines split as a bullet's do, never one alone.
  keep_item_lines(first);
}

void Engine::entry(const model::Entry& e, double before) {
  double size = fs(st_.body_size), small = fs(st_.small_size);
  std::string dates = format_range(e.dates, st_.date_format, doc_.header.language.value);
  std::size_t first = boxes_.size();

  // The words of a laid-out line as an extractor should read them: a space where the layout
  // leaves one between segments.
  auto line_words = [](const Line& l) {
    std::string out;
    for (std::size_t i = 0; i < l.segs.size(); ++i) {
      const Segment& sg = l.segs[i];
      if (i > 0 && sg.x > l.segs[i - 1].x + l.segs[i - 1].width + 0.01) out += ' ';
      out += sg.text;
    }
    return out;
  };
  // The left part and the right-aligned part of a heading line become one marked-content span
  // whose ActualText is their words in order. Poppler's default (reading-order) mode otherwise
  // reads a right-aligned part after the whole block beside it, unless a line below reaches
  // under it: a wide gap makes it a separate block, and a block entirely to the right of
  // another is read after it. For a span with ActualText poppler adds that text as characters
  // spread over the span's whole extent, so the line reaches the right margin and stays one
  // line. Spaces cannot bridge the gap (poppler drops whitespace before it measures), and a
  // visible filler would change the design. Nothing is drawn differently.
  auto mark_span = [](Box& b, const std::string& words) {
    Op* opens = nullptr;
    Op* closes = nullptr;
    for (Op& op : b.ops) {
      if (op.kind != Op::Kind::Text) return;  // only plain text lines (no links) are spanned
      if (op.text.empty()) continue;
      if (!opens) opens = &op;
      closes = &op;
    }
    if (!opens) return;
    // This span replaces a logical-order span of the line (mark_logical_order): spans do not
    // nest, and the emitter leaves out an ActualText with right-to-left words.
    for (Op& op : b.ops) {
      op.actual_text.clear();
      op.actual_text_reordered = false;
      op.end_span = false;
    }
    opens->actual_text = words;
    closes->end_span = true;
  };

  // A heading line: `left` wraps in the space `right` leaves; `right` is right-aligned.
  auto heading_line = [&](std::vector<Piece> left, std::vector<Piece> right, double bf) {
    double rw = 0;
    std::vector<Line> rlines;
    if (!right.empty()) {
      rlines = break_lines(right, width_, width_);
      if (!rlines.empty()) rw = rlines.front().width;
    }
    bool right_alone = stack_right_ || rw > width_ * 0.6 || rlines.size() > 1;
    double lw = right_alone || rw == 0 ? width_ : width_ - rw - 12 * params_.font_scale;
    std::vector<Line> llines = break_lines(left, lw, lw);
    for (std::size_t i = 0; i < llines.size(); ++i) {
      Box b = line_box(left, llines[i], left_, lw, Align::Start, i == 0 ? bf : 0);
      if (i == 0 && !rlines.empty() && !right_alone) {
        Box r = line_box(right, rlines.front(), left_, width_, Align::Right, 0);
        // Share the taller line's baseline.
        double base = std::max(b.baseline, r.baseline);
        double shift_b = base - b.baseline, shift_r = base - r.baseline;
        b.height = std::max(b.height + shift_b, r.height + shift_r);
        b.baseline = base;
        bool first_right = true;
        for (Op& op : r.ops) {
          if (op.kind == Op::Kind::Text && first_right) op.space_before = true;
          if (op.kind == Op::Kind::Text) first_right = false;
          b.ops.push_back(op);
        }
        mark_span(b, line_words(llines[i]) + " " + line_words(rlines.front()));
      }
      boxes_.push_back(std::move(b));
    }
    if (llines.empty() && !rlines.empty() && !right_alone) {
      boxes_.push_back(line_box(right, rlines.front(), left_, width_, Align::Right, bf));
    } else if (right_alone) {
      for (const Line& l : rlines) {
        boxes_.push_back(
            line_box(right, l, left_, width_, stack_right_ ? Align::Start : Align::Right, 0));
      }
    }
  };

  SourceSpan sp = e.span;
  if (st_.entry_inline) {
    std::vector<Piece> left, right;
    if (!e.role.empty()) left.push_back(piece(e.role, head(), size, st_.text, sp));
    if (!e.organisation.empty()) {
      left.push_back(piece(e.role.empty() ? e.organisation : ", " + e.organisation, body(), size,
                           st_.text, sp));
    }
    if (!e.location.empty()) right.push_back(piece(e.location, body(), small, st_.muted, sp));
    if (!dates.empty() && !date_column()) {
      right.push_back(
          piece((e.location.empty() ? "" : "  \u00B7  ") + dates, body(), small, st_.muted, sp));
    }
    heading_line(left, right, before);
  } else {
    std::string top = e.role.empty() ? e.organisation : e.role;
    std::string second = e.role.empty() ? std::string() : e.organisation;
    std::vector<Piece> l1, r1, l2, r2;
    if (!top.empty()) l1.push_back(piece(top, head(), size, st_.text, sp));
    if (!dates.empty() && !date_column()) r1.push_back(piece(dates, body(), small, st_.muted, sp));
    heading_line(l1, r1, before);
    if (!second.empty()) {
      l2.push_back(piece(second, face(st_.body_font, false, true), size, st_.text, sp));
    }
    if (!e.location.empty()) r2.push_back(piece(e.location, body(), small, st_.muted, sp));
    if (!l2.empty() || !r2.empty()) heading_line(l2, r2, 0);
  }
  // The heading's lines read as one: a word space before each line after the first.
  for (std::size_t i = first + 1; i < boxes_.size(); ++i) {
    for (Op& op : boxes_[i].ops) {
      if (op.kind == Op::Kind::Text) {
        op.space_before = true;
        break;
      }
    }
  }
  tag(first, "H3");
  if (!e.url.empty()) {
    std::string uri = link_for(e.url, sp);
    std::size_t at = boxes_.size();
    paragraph({piece(uri.empty() ? e.url : display_url(uri), body(), small,
                     uri.empty() ? st_.muted : st_.accent, sp, uri)},
              left_, width_, 0);
    tag(at, "P");
  }
  std::size_t heading_end = boxes_.size();
  if (date_column() && !dates.empty()) {
    left_column(first, {piece(dates, body(), small, st_.muted, sp)});
    heading_end = std::max(heading_end, boxes_.size());
  }
  double ps = gap(st_.paragraph_spacing);
  bool first_item = true;
  for (const model::Paragraph& p : e.description) {
    std::size_t at = boxes_.size();
    paragraph(inlines(p.text, body(), size, st_.text), left_, width_, first_item ? gap(1.5) : ps);
    tag(at, "P");
    first_item = false;
  }
  std::size_t list_first = boxes_.size();
  for (const model::Bullet& b : e.bullets) {
    bullet(b.text, b.span, left_, width_, first_item ? gap(1.5) : ps);
    first_item = false;
  }
  tag(list_first, "L");
  // Keep the heading with the whole of the first bullet or description paragraph.
  for (std::size_t i = first; i < heading_end && i < boxes_.size(); ++i) {
    boxes_[i].keep_next = true;
  }
  if (heading_end < boxes_.size()) {
    // Extend through the first item's lines (they share `before` == 0 after the first) and
    // on to the second item's first line, whose own keeps hold its next: the heading never
    // stands at the foot of a page with one bullet.
    std::size_t i = heading_end;
    while (i + 1 < boxes_.size() && boxes_[i + 1].before == 0) boxes_[i++].keep_next = true;
    if (e.description.size() + e.bullets.size() >= 2 && i + 1 < boxes_.size()) {
      boxes_[i].keep_next = true;
    }
  } else if (heading_end > first) {
    boxes_[heading_end - 1].keep_next = false;
  }
  tag(first, "Sect");
}

void Engine::section(const model::Section& s, bool first) {
  double hsize = fs(st_.heading_size);
  std::string heading = section_heading(s, doc_);
  const std::string& lang = doc_.header.language.value;
  std::string title = st_.heading_uppercase   ? to_upper(heading, lang)
                      : st_.heading_titlecase ? locale::to_title(heading, lang)
                                              : heading;
  int hf = head();
  std::vector<Piece> hps;
  // Letter-spacing would pull joined letters apart (Arabic, Syriac…): such headings keep
  // their natural spacing.
  double tracking =
      has_joining_letters(title) ? 0 : st_.heading_letter_spacing * params_.font_scale;
  if (st_.heading_small_caps && !st_.heading_uppercase) {
    for (const CapsRun& r : small_caps_runs(title, doc_.header.language.value)) {
      hps.push_back(
          piece(r.text, hf, r.reduced ? hsize * kSmallCapsScale : hsize, st_.accent, s.span));
    }
  } else {
    hps.push_back(piece(title, hf, hsize, st_.accent, s.span));
  }
  for (Piece& hp : hps) hp.tracking = tracking;
  double bar = st_.heading_style == style::HeadingStyle::Bar ? 8 * params_.font_scale : 0;
  // Date-column layout: the heading and everything under it start at the text column; the
  // date column beside the heading holds a bar in the accent colour.
  const double full_left = left_, full_width = width_;
  double aside = date_column() ? (st_.date_column_width + 12) * params_.font_scale : 0;
  if (aside > 0) {
    bar = 0;
    left_ += aside;
    width_ -= aside;
  }
  std::size_t at = boxes_.size();
  paragraph(hps, left_ + bar, width_ - bar,
            first ? gap(st_.section_spacing_before) * 0.8 : gap(st_.section_spacing_before));
  // Letter-spaced or small-capital headings read back as their words: poppler would take
  // wide letter gaps for word breaks ("S U M M A RY"), and small capitals for two words.
  if ((tracking > 0 || hps.size() > 1) && boxes_.size() == at + 1) {
    Op* opens = nullptr;
    Op* closes = nullptr;
    for (Op& op : boxes_[at].ops) {
      if (op.kind != Op::Kind::Text || op.text.empty()) continue;
      if (!opens) opens = &op;
      closes = &op;
    }
    if (opens) {
      opens->actual_text = title;
      closes->end_span = true;
    }
  }
  tag(at, "H2");
  if (boxes_.size() > at) {
    const Face& fc = f(hf);
    Box& last = boxes_.back();
    if (st_.heading_style == style::HeadingStyle::Rule) {
      double below = -fc.descender() * hsize / 1000.0 + 1.5;
      Op l;
      l.kind = Op::Kind::Line;
      l.x = left_;
      l.y = -below;
      l.w = width_;
      l.size = 0.6;
      l.color = st_.accent;
      last.ops.push_back(l);
      last.height = std::max(last.height, last.baseline + below + 1);
    } else if (st_.heading_style == style::HeadingStyle::Bar) {
      for (std::size_t i = at; i < boxes_.size(); ++i) {
        Op r;
        r.kind = Op::Kind::Rect;
        r.x = left_;
        r.y = fc.descender() * hsize / 1000.0 * 0.5;
        r.w = 3 * params_.font_scale;
        r.h = fc.ascender() * hsize / 1000.0 * 0.8 - r.y;
        r.color = st_.accent;
        boxes_[i].ops.insert(boxes_[i].ops.begin(), r);
      }
    }
    if (aside > 0) {
      Op r;
      r.kind = Op::Kind::Rect;
      r.x = full_left;
      r.w = aside - 12 * params_.font_scale;
      r.h = fc.ascender() * hsize / 1000.0 * 0.45;
      r.y = fc.ascender() * hsize / 1000.0 * 0.12;
      r.color = st_.accent;
      boxes_[at].ops.insert(boxes_[at].ops.begin(), r);
    }
    for (std::size_t i = at; i < boxes_.size(); ++i) boxes_[i].keep_next = true;
  }
  double after = gap(st_.section_spacing_after);
  double ps = gap(st_.paragraph_spacing);
  bool first_block = true;
  // Consecutive bullets form one list (L).
  std::size_t list_first = 0;
  bool in_list = false;
  for (const model::Block& b : s.blocks) {
    double before = first_block ? after : ps;
    bool is_bullet = std::holds_alternative<model::Bullet>(b);
    if (in_list && !is_bullet) tag(list_first, "L");
    if (is_bullet && !in_list) list_first = boxes_.size();
    in_list = is_bullet;
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            std::size_t first_box = boxes_.size();
            paragraph(inlines(v.text, body(), fs(st_.body_size), st_.text), left_, width_, before);
            tag(first_box, "P");
          } else if constexpr (std::is_same_v<T, model::Bullet>) {
            bullet(v.text, v.span, left_, width_, before);
          } else if constexpr (std::is_same_v<T, model::SkillGroup>) {
            skills(v, before);
          } else {
            entry(v, first_block ? after : gap(st_.entry_spacing));
          }
        },
        b);
    first_block = false;
  }
  if (in_list) tag(list_first, "L");
  tag(at, "Sect");
  left_ = full_left;
  width_ = full_width;
}

bool Engine::run() {
  style::PageSize ps = style::page_size(params_.paper);
  out_.page_width = ps.width;
  out_.page_height = ps.height;
  left_ = st_.margin_left;
  width_ = ps.width - st_.margin_left - st_.margin_right;
  if (body() < 0 || failed_) return false;
  init_language();
  if (st_.layout == style::Layout::Sidebar) {
    run_sidebar();
    return !failed_;
  }
  header();
  bool first = true;
  for (const model::Section& s : doc_.sections) {
    section(s, first);
    first = false;
  }
  if (failed_) return false;
  paginate();
  return !failed_;
}

}  // namespace detail

bool layout_document(const model::Document& doc, const style::Style& st, const LayoutParams& params,
                     const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags) {
  out = DisplayList{};
  detail::Engine e(doc, st, params, faces, out, diags);
  return e.run();
}

}  // namespace tailor::writer::pdf
