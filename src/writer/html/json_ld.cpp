// schema.org Person data for search engines and job sites that read structured data.
#include "base/json_text.hpp"
#include "base/links.hpp"
#include "writer/html/html.hpp"

namespace tailor::writer::html {

std::string person_json_ld(const model::Document& doc) {
  const model::Header& h = doc.header;
  std::string j = "{\"@context\": \"https://schema.org\", \"@type\": \"Person\"";
  auto field = [&](const char* key, const std::string& v) {
    if (v.empty()) return;
    j += std::string(", \"") + key + "\": ";
    base::append_json_string(j, v);
  };
  field("name", h.name.value);
  field("jobTitle", h.headline.value);
  if (!h.email.empty()) field("email", base::normalise_link("mailto:" + h.email.value));
  field("telephone", h.phone.value);
  if (!h.location.empty()) {
    j += ", \"address\": {\"@type\": \"PostalAddress\", \"addressLocality\": ";
    base::append_json_string(j, h.location.value);
    j += "}";
  }
  std::string same;
  for (const model::Link& l : h.links) {
    std::string url = base::normalise_link(l.url);
    if (url.empty()) continue;
    same += same.empty() ? "" : ", ";
    base::append_json_string(same, url);
  }
  if (!same.empty()) j += ", \"sameAs\": [" + same + "]";
  j += "}";
  // Inside <script> nothing may close the element or open a comment ("</script>", "<!--"):
  // the characters that could are written as JSON escapes, which mean the same.
  std::string out;
  out.reserve(j.size());
  for (char c : j) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace tailor::writer::html
