#include "base/links.hpp"

#include <cctype>

namespace tailor::base {

std::string link_scheme(std::string_view url) {
  // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  std::size_t i = 0;
  while (i < url.size() && std::isspace(static_cast<unsigned char>(url[i]))) ++i;
  std::size_t start = i;
  if (i >= url.size() || !std::isalpha(static_cast<unsigned char>(url[i]))) return {};
  while (i < url.size()) {
    auto c = static_cast<unsigned char>(url[i]);
    if (std::isalnum(c) || c == '+' || c == '-' || c == '.') {
      ++i;
    } else {
      break;
    }
  }
  if (i >= url.size() || url[i] != ':') return {};
  std::string s;
  for (std::size_t k = start; k < i; ++k) {
    s += static_cast<char>(std::tolower(static_cast<unsigned char>(url[k])));
  }
  return s;
}

LinkCheck check_link(std::string_view url) {
  std::string scheme = link_scheme(url);
  if (scheme.empty()) return LinkCheck::NoScheme;
  if (scheme == "https" || scheme == "http" || scheme == "mailto" || scheme == "tel") {
    return LinkCheck::Safe;
  }
  return LinkCheck::UnsafeScheme;
}

std::string normalise_link(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front())))
    url.remove_prefix(1);
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
  switch (check_link(url)) {
    case LinkCheck::Safe:
      return std::string(url);
    case LinkCheck::UnsafeScheme:
      return {};
    case LinkCheck::NoScheme:
      break;
  }
  // Something like "github.com/aysel": a host with a dot and no spaces becomes https.
  if (url.empty() || url.find(' ') != std::string_view::npos) return {};
  std::size_t slash = url.find('/');
  std::string_view host = url.substr(0, slash);
  if (host.find('.') == std::string_view::npos) return {};
  return "https://" + std::string(url);
}

}  // namespace tailor::base
