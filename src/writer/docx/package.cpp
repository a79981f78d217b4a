// The package: content types, package relationships, document properties, and the two
// serialisations (a deterministic zip, zip_container.cpp, or one Flat OPC XML document).
#include <ctime>
#include <sstream>

#include "model/document.hpp"
#include "writer/docx/docx.hpp"
#include "writer/docx/internal.hpp"
#include "writer/docx/zip_container.hpp"
#include "writer/smart_text.hpp"

namespace tailor::writer::docx {

namespace {

constexpr const char* kCtMain =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
constexpr const char* kCtRels = "application/vnd.openxmlformats-package.relationships+xml";
constexpr const char* kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string wml(const char* what) { return std::string(kWml) + what + "+xml"; }

std::string content_types(const Package& parts) {
  pugi::xml_document doc;
  add_declaration(doc);
  pugi::xml_node t = doc.append_child("Types");
  t.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  pugi::xml_node d = t.append_child("Default");
  d.append_attribute("Extension") = "rels";
  d.append_attribute("ContentType") = kCtRels;
  d = t.append_child("Default");
  d.append_attribute("Extension") = "xml";
  d.append_attribute("ContentType") = "application/xml";
  for (const Part& p : parts) {
    if (p.content_type == kCtRels) continue;
    pugi::xml_node o = t.append_child("Override");
    o.append_attribute("PartName") = ("/" + p.name).c_str();
    o.append_attribute("ContentType") = p.content_type.c_str();
  }
  return to_bytes(doc);
}

std::string package_rels() {
  pugi::xml_document doc;
  add_declaration(doc);
  pugi::xml_node r = doc.append_child("Relationships");
  r.append_attribute("xmlns") = kNsRels;
  auto rel = [&](const char* id, const std::string& type, const char* target) {
    pugi::xml_node n = r.append_child("Relationship");
    n.append_attribute("Id") = id;
    n.append_attribute("Type") = type.c_str();
    n.append_attribute("Target") = target;
  };
  rel("rId1", std::string(kRelBase) + "officeDocument", "word/document.xml");
  rel("rId2",
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml");
  rel("rId3", std::string(kRelBase) + "extended-properties", "docProps/app.xml");
  return to_bytes(doc);
}

/// W3CDTF in UTC ("2024-05-01T12:00:00Z"); gmtime does not depend on TZ.
std::string w3c_date(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return {};
  char buf[32];
  if (std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) return {};
  return buf;
}

std::string core_properties(const model::Document& doc, const RenderOptions& options,
                            diag::Diagnostics& diags) {
  pugi::xml_document xml;
  add_declaration(xml);
  pugi::xml_node cp = xml.append_child("cp:coreProperties");
  cp.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  cp.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  cp.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  cp.append_attribute("xmlns:dcmitype") = "http://purl.org/dc/dcmitype/";
  cp.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  const model::Header& h = doc.header;
  std::string name = clean_text(h.name.value, h.name.span, diags);
  std::string headline = clean_text(h.headline.value, h.headline.span, diags);
  std::string title = name;
  if (!headline.empty()) title += (title.empty() ? "" : " \u2014 ") + headline;
  auto add = [&](const char* tag, const std::string& value) {
    if (!value.empty()) cp.append_child(tag).text().set(value.c_str());
  };
  add("dc:title", title);
  add("dc:subject", clean_text(doc.meta.target_role, {}, diags));
  add("dc:creator", name);
  std::string keywords;
  for (const std::string& k : doc.meta.keywords) {
    keywords += (keywords.empty() ? "" : "; ") + clean_text(k, {}, diags);
  }
  add("cp:keywords", keywords);
  if (options.source_date_epoch) {
    std::string date = w3c_date(*options.source_date_epoch);
    for (const char* tag : {"dcterms:created", "dcterms:modified"}) {
      if (date.empty()) break;
      pugi::xml_node n = cp.append_child(tag);
      n.append_attribute("xsi:type") = "dcterms:W3CDTF";
      n.text().set(date.c_str());
    }
  }
  return to_bytes(xml);
}

std::string app_properties(const RenderOptions& options) {
  pugi::xml_document xml;
  add_declaration(xml);
  pugi::xml_node p = xml.append_child("Properties");
  p.append_attribute("xmlns") =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  p.append_attribute("xmlns:vt") =
      "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
  p.append_child("Application").text().set(("Tailor " + options.version).c_str());
  return to_bytes(xml);
}

}  // namespace

std::optional<Package> build_package(const model::Document& doc, const RenderOptions& options,
                                     diag::Diagnostics& diags) {
  style::Style fallback;
  const style::Style& st = options.style ? *options.style : fallback;
  Metrics m(st, options);
  if (m.text_width() <= 0 || m.page_height - m.margin_top - m.margin_bottom <= 0) {
    diag::Diagnostic d;
    d.path = st.source_path;
    d.message = "the style's margins leave no room for text on the page";
    d.hints.push_back("reduce margin_left/margin_right or margin_top/margin_bottom");
    diags.add(std::move(d));
    return std::nullopt;
  }
  BodyParts body = build_body(doc, st, options, m, diags);

  Package parts;
  parts.push_back({"[Content_Types].xml", "", "", false});  // filled last
  parts.push_back({"_rels/.rels", kCtRels, package_rels(), false});
  parts.push_back({"docProps/core.xml",
                   "application/vnd.openxmlformats-package.core-properties+xml",
                   core_properties(doc, options, diags), false});
  parts.push_back({"docProps/app.xml",
                   "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                   app_properties(options), false});
  parts.push_back({"word/document.xml", kCtMain, std::move(body.document), false});
  parts.push_back({"word/_rels/document.xml.rels", kCtRels, std::move(body.rels), false});
  parts.push_back({"word/styles.xml", wml("styles"), build_styles(st, m, doc), false});
  parts.push_back({"word/numbering.xml", wml("numbering"), build_numbering(st, m, diags), false});
  parts.push_back({"word/settings.xml", wml("settings"), build_settings(), false});
  parts.push_back({"word/fontTable.xml", wml("fontTable"), build_font_table(st), false});
  if (!body.header.empty()) {
    parts.push_back({"word/header1.xml", wml("header"), std::move(body.header), false});
  }
  for (std::optional<Logo>* image : {&body.logo, &body.photo}) {
    if (!*image) continue;
    Logo& l = **image;
    parts.push_back({"word/media/" + l.media + "." + l.extension, "image/" + l.extension,
                     std::move(l.data), true});
  }
  if (!body.footer.empty()) {
    parts.push_back({"word/footer1.xml", wml("footer"), std::move(body.footer), false});
  }
  parts.front().data = content_types({parts.begin() + 1, parts.end()});
  return parts;
}

bool zip_package(const Package& package, std::string& out, diag::Diagnostics& diags) {
  std::vector<ZipEntry> entries;
  entries.reserve(package.size());
  for (const Part& p : package) entries.push_back({p.name, p.data});
  std::string error;
  if (zip_container(entries, out, error)) return true;
  diag::Diagnostic d;
  d.message = "cannot build the DOCX zip: " + error;
  diags.add(std::move(d));
  return false;
}

std::string flat_opc(const Package& package) {
  pugi::xml_document doc;
  add_declaration(doc);
  pugi::xml_node pi = doc.append_child(pugi::node_pi);
  pi.set_name("mso-application");
  pi.set_value("progid=\"Word.Document\"");
  pugi::xml_node pkg = doc.append_child("pkg:package");
  pkg.append_attribute("xmlns:pkg") = "http://schemas.microsoft.com/office/2006/xmlPackage";
  for (const Part& p : package) {
    if (p.name == "[Content_Types].xml") continue;
    pugi::xml_node part = pkg.append_child("pkg:part");
    part.append_attribute("pkg:name") = ("/" + p.name).c_str();
    part.append_attribute("pkg:contentType") = p.content_type.c_str();
    if (p.binary) {
      static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      std::string b64;
      const auto* s = reinterpret_cast<const unsigned char*>(p.data.data());
      for (std::size_t i = 0; i < p.data.size(); i += 3) {
        unsigned v = s[i] << 16;
        if (i + 1 < p.data.size()) v |= s[i + 1] << 8;
        if (i + 2 < p.data.size()) v |= s[i + 2];
        b64 += kB64[(v >> 18) & 63];
        b64 += kB64[(v >> 12) & 63];
        b64 += i + 1 < p.data.size() ? kB64[(v >> 6) & 63] : '=';
        b64 += i + 2 < p.data.size() ? kB64[v & 63] : '=';
        if ((i / 3 + 1) % 19 == 0) b64 += '\n';  // 76 characters a line, as Word writes
      }
      part.append_child("pkg:binaryData").text().set(b64.c_str());
      continue;
    }
    if (p.content_type == kCtRels) part.append_attribute("pkg:padding") = 256;
    pugi::xml_document inner;
    inner.load_buffer(p.data.data(), p.data.size());
    part.append_child("pkg:xmlData").append_copy(inner.document_element());
  }
  return to_bytes(doc);
}

}  // namespace tailor::writer::docx

namespace tailor::writer {

bool write_docx(const model::Document& source, const RenderOptions& options, std::string& out,
                diag::Diagnostics& diags) {
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  std::optional<docx::Package> package = docx::build_package(doc, options, diags);
  if (!package) return false;
  return docx::zip_package(*package, out, diags);
}

bool write_docx_xml(const model::Document& source, const RenderOptions& options, std::string& out,
                    diag::Diagnostics& diags) {
  model::Document typeset;
  const model::Document& doc = typographic(source, options.style->smart_punctuation, typeset);
  std::optional<docx::Package> package = docx::build_package(doc, options, diags);
  if (!package) return false;
  out = docx::flat_opc(*package);
  return true;
}

}  // namespace tailor::writer
