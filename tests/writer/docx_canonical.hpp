// Canonical XML for the DOCX golden tests: attributes sorted by name, pretty-printed, so a
// golden diff shows what changed and not how pugixml happened to order it.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace tailor::test {

inline void sort_attributes(pugi::xml_node node) {
  std::vector<std::pair<std::string, std::string>> attrs;
  for (pugi::xml_attribute a : node.attributes()) attrs.emplace_back(a.name(), a.value());
  std::sort(attrs.begin(), attrs.end());
  while (node.first_attribute()) node.remove_attribute(node.first_attribute());
  for (const auto& [name, value] : attrs) node.append_attribute(name.c_str()) = value.c_str();
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) sort_attributes(child);
  }
}

/// The canonical text of an XML part, or "PARSE ERROR: ..." when it is not well-formed.
inline std::string canonical_xml(const std::string& bytes) {
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(),
                                             pugi::parse_default | pugi::parse_declaration |
                                                 pugi::parse_pi | pugi::parse_ws_pcdata_single);
  if (!r) return std::string("PARSE ERROR: ") + r.description() + "\n";
  // The declaration keeps its order: XML requires version first.
  for (pugi::xml_node child : doc.children()) {
    if (child.type() == pugi::node_element) sort_attributes(child);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace tailor::test
