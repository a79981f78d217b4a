// A stream filter that passes everything through base::TerminalSanitiser, so no message Tailor
// prints on stderr can carry a raw control character or bidi override (docs/limits.md).
#pragma once

#include <streambuf>

#include "base/terminal_text.hpp"

namespace tailor::cli {

/// Unbuffered: each piece is sanitised and handed to `target` at once, so text written to
/// the target directly (the progress bar's own escapes) stays in order with it.
class TerminalSafeStreambuf final : public std::streambuf {
 public:
  explicit TerminalSafeStreambuf(std::streambuf* target) : target_(target) {}
  ~TerminalSafeStreambuf() override;
  TerminalSafeStreambuf(const TerminalSafeStreambuf&) = delete;
  TerminalSafeStreambuf& operator=(const TerminalSafeStreambuf&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool forward(std::string_view piece);

  std::streambuf* target_;
  base::TerminalSanitiser sanitiser_;
  std::string scratch_;
};

}  // namespace tailor::cli
