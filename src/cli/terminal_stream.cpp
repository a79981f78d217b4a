#include "cli/terminal_stream.hpp"

namespace tailor::cli {

TerminalSafeStreambuf::~TerminalSafeStreambuf() {
  scratch_.clear();
  sanitiser_.finish(scratch_);
  if (!scratch_.empty())
    target_->sputn(scratch_.data(), static_cast<std::streamsize>(scratch_.size()));
  target_->pubsync();
}

bool TerminalSafeStreambuf::forward(std::string_view piece) {
  scratch_.clear();
  sanitiser_.feed(piece, scratch_);
  auto n = static_cast<std::streamsize>(scratch_.size());
  return target_->sputn(scratch_.data(), n) == n;
}

TerminalSafeStreambuf::int_type TerminalSafeStreambuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  char ch = traits_type::to_char_type(c);
  return forward(std::string_view(&ch, 1)) ? c : traits_type::eof();
}

std::streamsize TerminalSafeStreambuf::xsputn(const char* s, std::streamsize n) {
  return forward(std::string_view(s, static_cast<std::size_t>(n))) ? n : 0;
}

int TerminalSafeStreambuf::sync() { return target_->pubsync(); }

}  // namespace tailor::cli
