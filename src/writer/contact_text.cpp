#include "writer/contact_text.hpp"

#include "base/links.hpp"
#include "base/strings.hpp"

namespace tailor::writer {

std::string display_url(const std::string& url) {
  std::string s = url;
  for (const char* p : {"https://", "http://", "mailto:", "tel:"}) {
    std::string pre = p;
    if (s.size() > pre.size() && base::lower_ascii(s.substr(0, pre.size())) == pre) {
      s = s.substr(pre.size());
      break;
    }
  }
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

namespace {

/// "jdoe" from "Twitter (jdoe)"; empty when the label has no parenthesised part at its end.
std::string label_user(const std::string& label) {
  if (label.size() < 3 || label.back() != ')') return {};
  std::size_t open = label.rfind('(');
  if (open == std::string::npos) return {};
  std::string user = label.substr(open + 1, label.size() - open - 2);
  while (!user.empty() && user.front() == '@') user.erase(0, 1);
  return user;
}

}  // namespace

std::string contact_link_text(const model::Link& link, const std::string& safe_url, bool labels) {
  if (safe_url.empty()) return link.label.empty() ? link.url : link.label;
  std::string address = display_url(safe_url);
  if (link.label.empty() || link.label == link.url) return address;
  if (labels) return link.label;
  std::string user = label_user(link.label);
  if (!user.empty() &&
      base::lower_ascii(address).find(base::lower_ascii(user)) == std::string::npos) {
    return link.label;
  }
  return address;
}

}  // namespace tailor::writer
