// The layout engine's working types, shared by its parts: pieces of text, words and lines
// (line_break.cpp, pieces.cpp), vertical boxes (layout.cpp) and pages (paginate.cpp).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "writer/pdf/column_order.hpp"
#include "writer/pdf/layout.hpp"
#include "writer/pdf/shaping.hpp"

namespace tailor::writer::pdf::detail {

using model::SourceSpan;
using style::Color;

/// A run of text with one look, before line breaking.
struct Piece {
  std::string text;  ///< Already cleaned: only code points the face has.
  int face = 0;
  double size = 0;
  Color color;
  std::string uri;      ///< Non-empty: the piece is a link.
  SourceSpan span{};    ///< Where the text came from (warnings about scripts no font has).
  double tracking = 0;  ///< Letter-spacing: extra advance after each character (points).
};

/// A vertical unit: one line of text (or a rule) with the gap above it.
struct Box {
  double before = 0;    ///< Gap above; dropped at the top of a page.
  double height = 0;    ///< Advance.
  double baseline = 0;  ///< From the box's top to the text baseline.
  bool keep_next = false;
  std::vector<Op> ops;  ///< y relative to the baseline.
};

/// Part of a word in one piece, one face (the piece's or a fallback) and one bidi level,
/// shaped as a unit.
struct Chunk {
  int piece = 0;
  std::string text;
  double width = 0;
  int face = 0;
  int level = 0;  ///< UAX #9 embedding level: odd is right to left.
  std::vector<Glyph> glyphs;
  bool clustered = false;
};

struct Word {
  std::vector<Chunk> chunks;
  double width = 0;
  int space_piece = -1;  ///< The piece of the space before the word; -1 at the start or when
                         ///< the word follows the previous one with no space (CJK, Thai).
  bool after_soft_hyphen = false;  ///< A line broken before it ends with a hyphen.
};

/// A run of a line in one look and direction: what becomes one text op.
struct Segment {
  int piece = 0;
  std::string text;  ///< Logical order.
  double x = 0, width = 0;
  int face = 0;
  int level = 0;
  std::vector<Glyph> glyphs;  ///< Visual order; x relative to the segment's start.
  bool clustered = false;
  double gap = 0;  ///< Space before it in logical order (the word space).
  /// A word space comes before it but is not drawn in it (a gap, or the line broke there).
  bool space_before = false;
};

struct Line {
  std::vector<Segment> segs;
  double width = 0;
  bool rtl = false;  ///< The paragraph's base direction is right to left.
};

/// Where a line stands in its box. Left is the start of the line's own direction (a Hebrew
/// paragraph in an English resume starts at the right); Start is the document's start edge
/// whatever the line's script, for the parts of a layout line (an entry's role, organisation
/// and place), which stand where the document's direction puts them.
enum class Align { Left, Center, Right, Start };

class Engine {
 public:
  Engine(const model::Document& doc, const style::Style& st, const LayoutParams& params,
         const FaceProvider& faces, DisplayList& out, diag::Diagnostics* diags)
      : doc_(doc), st_(st), params_(params), faces_(faces), out_(out), diags_(diags) {}

  bool run();

 private:
  // ---- fonts and text -------------------------------------------------------------------
  int face(const std::string& family, bool bold, bool italic);
  const Face& f(int idx) const { return *out_.face_ptrs[static_cast<std::size_t>(idx)]; }
  std::string clean(std::string_view text, int face, const SourceSpan& span);
  Piece piece(std::string_view text, int face, double size, Color color, const SourceSpan& span,
              std::string uri = {}) {
    return Piece{clean(text, face, span), face, size, color, std::move(uri), span};
  }
  std::string link_for(const std::string& url, const SourceSpan& span);
  double fs(double size) const { return size * params_.font_scale; }
  double gap(double g) const { return g * params_.spacing_scale; }
  double leading() const { return 1.0 + (st_.line_height - 1.0) * params_.spacing_scale; }
  int body() { return face(st_.body_font, false, false); }
  int body_bold() { return face(st_.body_font, true, false); }
  int head() { return face(st_.heading_font, true, false); }

  // ---- line breaking --------------------------------------------------------------------
  double space_width(const std::vector<Piece>& ps, int piece) const {
    const Piece& p = ps[static_cast<std::size_t>(piece)];
    return f(p.face).width1000(U' ') * p.size / 1000.0 + p.tracking;
  }
  /// Shapes a chunk's text in its face and direction (glyphs and width).
  void shape_chunk(const std::vector<Piece>& ps, Chunk& ch) const;
  /// The face that draws cp when the piece's face lacks it (fontconfig fallback); -1 when no
  /// installed font has it (one warning per script).
  int fallback_face(char32_t cp, int base, const SourceSpan& span);
  /// The word that should start the last line instead of the greedy choice, so that the
  /// last line is not one word alone; -1 when the greedy breaks are already the best.
  std::size_t better_last_break(const std::vector<Piece>& ps, const std::vector<Word>& words,
                                double first_width, double rest_width) const;
  std::vector<Line> break_lines(const std::vector<Piece>& ps, double first_width,
                                double rest_width);
  /// The same, each line handed to `take` as soon as it is complete.
  void break_lines(const std::vector<Piece>& ps, double first_width, double rest_width,
                   const std::function<void(Line&&)>& take);
  /// Adds a word to a line, moving its text and glyphs there.
  void place(const std::vector<Piece>& ps, Line& line, Word& w) const;
  /// A line as a box of ops (the line's text and glyphs move into them).
  Box line_box(const std::vector<Piece>& ps, Line line, double x0, double avail, Align align,
               double before) const;
  /// A right-to-left line's text in logical order, each right-to-left run reversed (empty
  /// when the line has no left-to-right run), for mark_logical_order.
  std::string logical_order_text(const Line& line) const;
  /// Spans a mixed line of a right-to-left paragraph on a left-to-right page with an
  /// ActualText (from logical_order_text) that pdftotext reads back in logical order.
  void mark_logical_order(std::string text, Box& b) const;
  /// Appends the lines of a paragraph as boxes; returns how many were added.
  std::size_t paragraph(const std::vector<Piece>& ps, double x0, double width, double before,
                        Align align = Align::Left);

  /// A short text drawn on its own (bullet sign, running head, page number, header and
  /// footer lines) as ops placed from x = 0 on the baseline y = 0; `width` is its width. In
  /// the style's face when that has every character, else itemised like a paragraph's line
  /// with fallback faces (and the one warning per script no installed font has).
  std::vector<Op> standalone_text(std::string_view text, int face, double size, Color color,
                                  const SourceSpan& span, double& width);

  // ---- blocks ---------------------------------------------------------------------------
  std::vector<Piece> inlines(const model::Inlines& runs, int regular, double size, Color color);
  void header();
  /// Places the header's photo at the top of page one (photo.cpp): narrows left_/width_ for
  /// the header text beside it and returns its height (0 when there is none).
  double photo();
  void section(const model::Section& s, bool first);
  void entry(const model::Entry& e, double before);
  void bullet(const model::Inlines& text, const SourceSpan& span, double x0, double width,
              double before);
  void skills(const model::SkillGroup& g, double before);
  /// The keeps of one item (a bullet, a skill group) whose lines are boxes_[first..]: up to
  /// three lines together, else at least two at each side of a page break.
  void keep_item_lines(std::size_t first);
  /// Places boxes_ on pages. `number` false leaves the "page N of M" lines to number_pages(),
  /// for a layout that adds pages after it (the sidebar).
  void paginate(bool number = true);
  /// What every page repeats, as artifacts: the style's header and footer text, and on pages
  /// after the first the running head (the name, "page N of M" and a rule); page1_ops_ on
  /// page 1. Spans left_ and width_.
  void page_furniture(int page);
  /// Writes "page N of M" into the running heads, M being out_.pages.
  void number_pages();
  /// Date-column layout (date_column.cpp): lays `ps` out in the column left of left_ and sets
  /// its lines beside boxes_[first], boxes_[first + 1], ... `said` is what an extractor
  /// should read for it (a label's "Languages:"); empty: its text.
  void left_column(std::size_t first, const std::vector<Piece>& ps, const std::string& said = {});
  bool date_column() const { return st_.layout == style::Layout::DateColumn; }
  double date_gutter() const { return 12 * params_.font_scale; }
  /// Sidebar layout (sidebar.cpp): the main column, then the sidebar, each paginated.
  void run_sidebar();
  /// Places boxes_ in a column on pages already begun by paginate(), from the top of page 1
  /// (below the running head on later pages), adding pages, each with its running head over
  /// full_left and full_width, when the column is the longer. Returns how far down its last
  /// page the column goes.
  double place_column(double full_left, double full_width);
  /// Where each of boxes_ goes in a column from the top of page 1 (below the running head on
  /// later pages), with paginate()'s keeps, `extra` points more above box i (kept at a page's
  /// top too): its page and baseline, the pages it needs and how far down the last goes.
  struct ColumnStack {
    struct Spot {
      int page = 1;
      double base = 0;
    };
    std::vector<Spot> at;
    int pages = 1;
    double last_used = 0;
  };
  ColumnStack stack_column(const std::vector<double>& extra) const;
  /// The text lines of `ops` (placed, page by page) as column_order.hpp models them, each
  /// from box box_of[k] of ops[k] (kFixed when box_of is empty).
  std::vector<ColumnLine> column_lines(const std::vector<Op>& ops,
                                       const std::vector<int>& box_of) const;

  // ---- structure (structure.cpp) --------------------------------------------------------
  /// Brackets the boxes from `first` to the last one in a structure element of `type` (tagged
  /// PDF): a Begin op before the first box's ops, an End op after the last box's. Nothing when
  /// no box was added.
  void tag(std::size_t first, const char* type);
  /// The language of a run written in another script than the document's (empty otherwise).
  std::string run_language(const std::string& text) const;
  /// Text can join a run without changing the language the run is tagged with: a segment
  /// of one look still splits where the script changes (Latin, then Greek).
  bool joins_run_language(const std::string& run, const std::string& text) const;
  /// The document's script: its language's (CLDR likely subtags), else its name's.
  void init_language();

  const model::Document& doc_;
  const style::Style& st_;
  const LayoutParams& params_;
  const FaceProvider& faces_;
  DisplayList& out_;
  diag::Diagnostics* diags_;
  bool failed_ = false;
  std::vector<Box> boxes_;
  std::vector<Op> page1_ops_;                 ///< Absolutely placed on the first page (the logo).
  std::vector<std::size_t> page_number_ops_;  ///< Running heads' page numbers still to fill.
  std::set<std::tuple<char32_t, std::uint32_t, std::uint32_t>> warned_chars_;
  std::set<std::string> warned_families_;
  std::set<int> warned_scripts_;
  std::map<std::tuple<int, int>, int> fallback_of_;  ///< (script, base face) -> face or -1.
  double left_ = 0, width_ = 0;
  int doc_script_ = -1;  ///< UScriptCode of the document's language (or its name); -1: unknown.
  bool contact_in_header_ = true;  ///< False in the sidebar layout: the sidebar lists it.
  std::vector<Piece> contact_;     ///< The contact items header() left to the sidebar.
  bool stack_right_ = false;       ///< Dates and locations under an entry's title, not beside it.
};

}  // namespace tailor::writer::pdf::detail
