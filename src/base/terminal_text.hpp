// Text safe to show on a terminal: the one sanitiser for everything Tailor prints for people
// (diagnostics and the lines they quote, file names, reports, --explain, text output on a
// terminal), so a resume, a posting or a file name can never move the cursor, clear the
// screen, retitle the window, ring the bell or reorder what is shown.
#pragma once

#include <string>
#include <string_view>

namespace tailor::base {

/// True for the code points a terminal must not receive raw: C0 controls (U+0000..U+001F)
/// except, when keep_line_breaks, LF and TAB; DEL (U+007F); C1 controls (U+0080..U+009F);
/// and the bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069).
bool is_terminal_unsafe(char32_t cp, bool keep_line_breaks);

/// Rewrites text for a terminal. Unsafe code points become visible stand-ins: a C0 control or
/// DEL its Unicode control picture (ESC "␛", NUL "␀", CR "␍", DEL "␡"), a C1 or bidi control
/// "<U+XXXX>". A byte that is not valid UTF-8 becomes "<0xNN>". Everything else is unchanged.
/// Streaming: text may arrive in pieces split anywhere, even inside a UTF-8 sequence.
class TerminalSanitiser {
 public:
  explicit TerminalSanitiser(bool keep_line_breaks = true) : keep_(keep_line_breaks) {}
  /// Appends the safe form of `piece` to out; an incomplete UTF-8 sequence at its end waits
  /// for the next piece.
  void feed(std::string_view piece, std::string& out);
  /// Flushes a sequence left incomplete at the end (as invalid bytes).
  void finish(std::string& out);

 private:
  void emit(char32_t cp, std::string_view bytes, std::string& out) const;
  bool keep_;
  std::string pending_;
};

/// The whole-text form. keep_line_breaks: LF and TAB pass (multi-line messages); false for a
/// single line such as a file name inside a message.
std::string terminal_safe(std::string_view text, bool keep_line_breaks = true);

}  // namespace tailor::base
