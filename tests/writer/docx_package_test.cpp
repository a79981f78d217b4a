// Properties of the DOCX package that goldens cannot show on their own: reproducible bytes
// under any time zone, the zip layout, escaping of hostile text, dropped control characters,
// link policy, schema order of property elements, page geometry, scaling and metadata.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>

#include "writer/docx/docx.hpp"
#include "writer/docx_fixtures.hpp"
#include "writer/pdf/fonts.hpp"
#include "writer/writer.hpp"

namespace tailor::test {
namespace {

namespace fx = docx_fixtures;
using writer::docx::Package;

struct Built {
  Package package;
  diag::Diagnostics diags;
};

Built build(const model::Document& doc, const style::Style& st,
            writer::RenderOptions options = {}) {
  options.style = &st;
  Built b;
  auto p = writer::docx::build_package(doc, options, b.diags);
  EXPECT_TRUE(p.has_value());
  if (p) b.package = *p;
  return b;
}

std::string part(const Package& pkg, const std::string& name) {
  for (const auto& p : pkg) {
    if (p.name == name) return p.data;
  }
  ADD_FAILURE() << "no part " << name;
  return {};
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  // Whitespace-only w:t runs matter (xml:space="preserve"): keep them.
  pugi::xml_parse_result r =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  EXPECT_TRUE(r) << r.description();
  return doc;
}

/// All w:t text under a node, with w:tab as a tab and w:br as a new line: what a reader of the
/// paragraph sees.
std::string text_of(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (std::strcmp(c.name(), "w:t") == 0) {
      out += c.text().get();
    } else if (std::strcmp(c.name(), "w:tab") == 0 && std::strcmp(n.name(), "w:r") == 0) {
      out += '\t';
    } else if (std::strcmp(c.name(), "w:br") == 0 && std::strcmp(n.name(), "w:r") == 0) {
      out += '\n';
    } else if (std::strcmp(c.name(), "w:pPr") != 0 && std::strcmp(c.name(), "w:rPr") != 0) {
      out += text_of(c);
    }
  }
  return out;
}

struct Para {
  std::string style, text;
};

std::vector<Para> paragraphs(const std::string& document_xml) {
  pugi::xml_document doc = parse(document_xml);
  std::vector<Para> out;
  for (pugi::xml_node p : doc.child("w:document").child("w:body").children("w:p")) {
    out.push_back({p.child("w:pPr").child("w:pStyle").attribute("w:val").value(), text_of(p)});
  }
  return out;
}

bool has_warning(const diag::Diagnostics& diags, const std::string& needle) {
  for (const auto& d : diags.items()) {
    if (d.severity == diag::Severity::Warning && d.message.find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string docx_bytes(const model::Document& doc, const style::Style& st,
                       writer::RenderOptions options = {}) {
  options.style = &st;
  std::string out;
  diag::Diagnostics diags;
  EXPECT_TRUE(writer::write_docx(doc, options, out, diags));
  return out;
}

/// Entry names and DOS time/date of each local file header, read from the raw bytes.
struct ZipEntry {
  std::string name;
  unsigned time = 0, date = 0, extra = 0;
};
std::vector<ZipEntry> local_headers(const std::string& zip) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  std::vector<ZipEntry> out;
  std::size_t at = 0;
  while (at + 30 <= zip.size() && zip.compare(at, 4, "PK\x03\x04") == 0) {
    ZipEntry e;
    e.time = u16(at + 10);
    e.date = u16(at + 12);
    unsigned compressed = u32(at + 18), name_len = u16(at + 26);
    e.extra = u16(at + 28);
    e.name = zip.substr(at + 30, name_len);
    out.push_back(e);
    at += 30 + name_len + e.extra + compressed;
  }
  return out;
}

class ScopedTz {
 public:
  explicit ScopedTz(const char* tz) {
    const char* old = std::getenv("TZ");
    had_ = old != nullptr;
    if (had_) old_ = old;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~ScopedTz() {
    if (had_) {
      setenv("TZ", old_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  bool had_ = false;
  std::string old_;
};

TEST(DocxPackage, TwoBuildsAreByteIdentical) {
  style::Style st = fx::modern();
  writer::RenderOptions o;
  o.source_date_epoch = 1714564800;
  std::string a = docx_bytes(fx::aysel(), st, o), b = docx_bytes(fx::aysel(), st, o);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  o.style = &st;
  std::string x, y;
  diag::Diagnostics d;
  ASSERT_TRUE(writer::write_docx_xml(fx::aysel(), o, x, d));
  ASSERT_TRUE(writer::write_docx_xml(fx::aysel(), o, y, d));
  EXPECT_EQ(x, y);
}

TEST(DocxPackage, BytesDoNotDependOnTheTimeZone) {
  style::Style st = fx::classic();
  writer::RenderOptions o;
  o.source_date_epoch = 1714564800;
  std::map<std::string, std::string> out;
  for (const char* tz : {"UTC", "Asia/Baku", "America/Los_Angeles", "Pacific/Kiritimati"}) {
    ScopedTz scoped(tz);
    out[tz] = docx_bytes(fx::aysel(), st, o);
    // Make sure the zone really is in effect (libzip's mtime path would shift by it).
    std::time_t t = 0;
    std::tm local{};
    localtime_r(&t, &local);
    if (std::string(tz) == "Asia/Baku") {
      EXPECT_NE(local.tm_hour, 0) << "TZ not applied";
    }
  }
  for (const auto& [tz, bytes] : out) EXPECT_EQ(bytes, out.at("UTC")) << tz;
  for (const ZipEntry& e : local_headers(out.at("Asia/Baku"))) {
    EXPECT_EQ(e.time, 0u) << e.name;
    EXPECT_EQ(e.date, (1u << 5) | 1u) << e.name << ": DOS date must be 1980-01-01";
    EXPECT_EQ(e.extra, 0u) << e.name << ": no extra fields (they carry times)";
  }
}

TEST(DocxPackage, ZipHoldsEveryPartInFixedOrderAndRoundTrips) {
  style::Style st = fx::modern();
  Built b = build(fx::aysel(), st);
  std::string zip = docx_bytes(fx::aysel(), st);
  std::vector<ZipEntry> entries = local_headers(zip);
  ASSERT_EQ(entries.size(), b.package.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].name, b.package[i].name);
  }
  EXPECT_EQ(entries.front().name, "[Content_Types].xml");

  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &err);
  ASSERT_NE(src, nullptr);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  ASSERT_NE(za, nullptr) << zip_error_strerror(&err);
  for (const auto& p : b.package) {
    zip_stat_t st_info;
    ASSERT_EQ(zip_stat(za, p.name.c_str(), 0, &st_info), 0) << p.name;
    EXPECT_EQ(st_info.comp_method, ZIP_CM_DEFLATE) << p.name;
    zip_file_t* f = zip_fopen(za, p.name.c_str(), 0);
    ASSERT_NE(f, nullptr);
    std::string data(st_info.size, '\0');
    EXPECT_EQ(zip_fread(f, data.data(), data.size()), static_cast<zip_int64_t>(data.size()));
    zip_fclose(f);
    EXPECT_EQ(data, p.data) << p.name;
  }
  zip_close(za);
  zip_error_fini(&err);

  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml",
        "docProps/core.xml", "docProps/app.xml", "word/header1.xml", "word/footer1.xml"}) {
    EXPECT_FALSE(part(b.package, name).empty()) << name;
  }
  // Every part but the content types and .rels parts is listed as an Override.
  std::string types = part(b.package, "[Content_Types].xml");
  for (const auto& p : b.package) {
    if (p.name.find(".rels") != std::string::npos || p.name[0] == '[') continue;
    EXPECT_NE(types.find("PartName=\"/" + p.name + "\""), std::string::npos) << p.name;
  }
}

TEST(DocxPackage, HostileTextComesOutAsLiteralText) {
  style::Style st = fx::classic();
  Built b = build(fx::hostile(), st);
  std::string xml = part(b.package, "word/document.xml");
  std::vector<Para> ps = paragraphs(xml);
  // Title, Headline, Contact, Heading 1, Entry Heading, Entry Details, two bullets:
  // nothing the text contains may create or close a paragraph.
  ASSERT_EQ(ps.size(), 8u);
  EXPECT_EQ(ps[0].style, "Title");
  EXPECT_EQ(ps[0].text, "Ada </w:t></w:r><w:p>");
  EXPECT_EQ(ps[1].text, "\"Quoted\" & 'apostrophes' ]]> <!-- -->");
  EXPECT_EQ(ps[3].text, "Experience & <Work>");
  EXPECT_EQ(ps[4].style, "EntryHeading");
  EXPECT_EQ(ps[4].text, "Engineer\tJan 2020");
  EXPECT_EQ(ps[5].text, "R&D <Labs>\tGəncə");
  EXPECT_NE(xml.find("Ada &lt;/w:t&gt;&lt;/w:r&gt;&lt;w:p&gt;"), std::string::npos);
  // The one-line entry layout (compact) puts it all on the heading line.
  style::Style inline_style = fx::compact();
  std::vector<Para> inl =
      paragraphs(part(build(fx::hostile(), inline_style).package, "word/document.xml"));
  ASSERT_EQ(inl.size(), 7u);
  EXPECT_EQ(inl[4].text, "Engineer, R&D <Labs>\tGəncə · 2020-01");
  EXPECT_NE(xml.find("R&amp;D &lt;Labs&gt;"), std::string::npos);
  // Metadata is escaped too.
  pugi::xml_document core = parse(part(b.package, "docProps/core.xml"));
  EXPECT_EQ(std::string(core.child("cp:coreProperties").child("dc:creator").text().get()),
            "Ada </w:t></w:r><w:p>");
}

// Issue 16: LibreOffice wrapped the contact line inside a URL. The writer breaks it itself,
// with w:br between whole items where the PDF breaks (balanced), each separator glued to the
// item before it, and plain spaces inside items so readers extract them exactly.
TEST(DocxPackage, ContactLineBreaksBetweenWholeItemsNeverInsideOne) {
  style::Style st = fx::classic();
  model::Document doc = fx::long_contact();
  std::vector<std::string> items = {doc.header.email.value,
                                    doc.header.phone.value,
                                    doc.header.address.value,
                                    doc.header.location.value,
                                    "www.linkedin.com/in/maximiliane-oberhauser-castellanos-sre",
                                    "github.com/maximiliane-oberhauser-castellanos",
                                    "maximiliane-oberhauser.example.dev/writing/reliability",
                                    "fosstodon.example.social/@mob"};
  auto contact_lines = [&](const style::Style& s) {
    std::vector<std::string> lines;
    for (const Para& p : paragraphs(part(build(doc, s).package, "word/document.xml"))) {
      if (p.style != "Contact") continue;
      std::string rest = p.text;
      for (std::size_t nl; (nl = rest.find('\n')) != std::string::npos; rest.erase(0, nl + 1)) {
        lines.push_back(rest.substr(0, nl));
      }
      lines.push_back(rest);
    }
    return lines;
  };
  std::vector<std::string> lines = contact_lines(st);
  // Eight items, too long for one A4 line at the contact size: three lines, in order.
  // Too long for one line: several, in order (the golden classic-long-contact holds where).
  ASSERT_GE(lines.size(), 2u);
  std::string joined;
  for (const std::string& l : lines) {
    EXPECT_NE(l.rfind("\u00A0·", 0), 0u) << "a line starts with the separator: " << l;
    EXPECT_EQ(l.find("\u00A0· ", l.size() - 4), std::string::npos) << "ends with it: " << l;
    joined += (joined.empty() ? "" : "\u00A0· ") + l;
  }
  std::string want;
  for (const std::string& i : items) want += (want.empty() ? "" : "\u00A0· ") + i;
  EXPECT_EQ(joined, want);
  for (const std::string& i : items) {
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                            [&](const std::string& l) { return l.find(i) != std::string::npos; }))
        << i << " is not whole on one line";
  }
  // A narrower page needs more lines; a short contact line needs none.
  style::Style narrow = st;
  narrow.margin_left = narrow.margin_right = 150;
  EXPECT_GT(contact_lines(narrow).size(), lines.size());
  std::vector<Para> short_ps =
      paragraphs(part(build(fx::hostile(), st).package, "word/document.xml"));
  EXPECT_EQ(short_ps[2].style, "Contact");
  EXPECT_EQ(short_ps[2].text.find('\n'), std::string::npos) << short_ps[2].text;
}

// In the sidebar each contact item has a line of its own. LibreOffice broke
// "www.linkedin.com/in/nigar-infra-example" after a hyphen in a column the item filled
// exactly (samples/infrastructure.resume, sidebar): an item a little too wide is set a little
// smaller; one far too wide keeps its size and wraps.
TEST(DocxPackage, SidebarContactItemSlightlyTooWideIsSetSmallerNotBroken) {
  style::Style st = fx::classic();
  st.layout = style::Layout::Sidebar;
  model::Document doc = fx::long_contact();
  const std::string snug = "github.com/maximiliane-oberhauser-castellanos";
  const writer::pdf::Face* face = writer::pdf::cached_face({st.body_font, false, false});
  ASSERT_NE(face, nullptr);
  const double size = std::lround(st.small_size * 2) / 2.0;
  st.sidebar_width = face->text_width(snug, size);  // exactly filled, as in the sample
  pugi::xml_document d = parse(part(build(doc, st).package, "word/document.xml"));
  std::map<std::string, int> sizes;  // item -> w:sz of its run (0: the Contact style's)
  for (pugi::xpath_node p : d.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Contact']")) {
    sizes[text_of(p.node())] =
        p.node().select_node(".//w:rPr/w:sz").node().attribute("w:val").as_int();
  }
  ASSERT_TRUE(sizes.count(snug));
  EXPECT_GT(sizes[snug], 0);
  EXPECT_LT(sizes[snug], std::lround(st.small_size * 2));
  EXPECT_GE(sizes[snug] * 5, std::lround(st.small_size * 2) * 4);
  EXPECT_EQ(sizes["+49 170 555 01 23 45"], 0);  // fits: the style's size
  EXPECT_EQ(sizes[doc.header.email.value], 0);  // far too wide: its size, and it wraps
}

TEST(DocxPackage, ForbiddenCharactersAreDroppedWithAWarning) {
  style::Style st = fx::classic();
  Built b = build(fx::hostile(), st);
  for (const auto& p : b.package) {
    for (char c : p.data) {
      auto u = static_cast<unsigned char>(c);
      EXPECT_FALSE(u < 0x20 && u != '\t' && u != '\n' && u != '\r')
          << p.name << " holds control byte " << int(u);
    }
    EXPECT_EQ(p.data.find("\xEF\xBF\xBE"), std::string::npos) << p.name << " holds U+FFFE";
  }
  std::vector<Para> ps = paragraphs(part(b.package, "word/document.xml"));
  EXPECT_EQ(ps[6].text, "Bell and null-ish  controls; U+FFFE  gone");
  EXPECT_TRUE(has_warning(b.diags, "U+0007"));
  EXPECT_TRUE(has_warning(b.diags, "U+0001"));
  EXPECT_TRUE(has_warning(b.diags, "U+001B"));
  EXPECT_TRUE(has_warning(b.diags, "U+FFFE"));
  for (const auto& d : b.diags.items()) {
    if (d.message.find("U+0007") != std::string::npos) {
      EXPECT_EQ(d.span.line, 20u);
    }
  }
  EXPECT_FALSE(b.diags.has_errors());
}

TEST(DocxPackage, OnlySafeSchemesBecomeRelationshipHyperlinks) {
  style::Style st = fx::classic();
  Built b = build(fx::aysel(), st);
  pugi::xml_document rels = parse(part(b.package, "word/_rels/document.xml.rels"));
  std::map<std::string, std::string> external;
  int index = 0;
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    ++index;
    EXPECT_EQ(std::string(r.attribute("Id").value()), "rId" + std::to_string(index));
    if (std::string(r.attribute("TargetMode").value()) == "External") {
      EXPECT_NE(std::string(r.attribute("Type").value()).find("/hyperlink"), std::string::npos);
      external[r.attribute("Target").value()] = r.attribute("Id").value();
    }
  }
  EXPECT_TRUE(external.count("mailto:aysel.mammadova@example.az"));
  EXPECT_TRUE(external.count("tel:+994501234567"));
  EXPECT_TRUE(external.count("https://github.com/aysel-m"));
  EXPECT_TRUE(external.count("https://linkedin.com/in/aysel-mammadova"));
  EXPECT_TRUE(external.count("https://blog.example.az/%C9%99?a=1&b=2"));
  EXPECT_TRUE(external.count("https://yandex.ru"));
  EXPECT_EQ(external.size(), 6u);
  // Every w:hyperlink points at one of them.
  pugi::xml_document doc = parse(part(b.package, "word/document.xml"));
  int links = 0;
  for (pugi::xpath_node n : doc.select_nodes("//w:hyperlink")) {
    ++links;
    std::string id = n.node().attribute("r:id").value();
    bool found = false;
    for (const auto& [target, rid] : external) found = found || rid == id;
    EXPECT_TRUE(found) << id;
    EXPECT_EQ(
        std::string(
            n.node().child("w:r").child("w:rPr").child("w:rStyle").attribute("w:val").value()),
        "Hyperlink");
  }
  EXPECT_EQ(links, 6);

  Built h = build(fx::hostile(), st);
  std::string hrels = part(h.package, "word/_rels/document.xml.rels");
  EXPECT_EQ(hrels.find("javascript"), std::string::npos);
  EXPECT_EQ(hrels.find("file:"), std::string::npos);
  // Unsafe schemes were reported by the reader, which keeps the address as text; the writer
  // does not say it again.
  EXPECT_FALSE(has_warning(h.diags, "javascript:alert(1)"));
  EXPECT_FALSE(has_warning(h.diags, "file:///etc/passwd"));
  std::vector<Para> ps = paragraphs(part(h.package, "word/document.xml"));
  EXPECT_EQ(ps[2].text, "ada@example.com\u00A0· click me");  // the label stays, as text
}

// Child order of the property elements Word validates (ECMA-376 Part 1, CT_PPrBase, CT_RPr,
// CT_SectPr, CT_Style, CT_Lvl, CT_AbstractNum), restricted to elements the writer may use.
const std::map<std::string, std::vector<std::string>>& schema_orders() {
  static const std::map<std::string, std::vector<std::string>> kOrders = {
      {"w:pPr",
       {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl", "w:numPr",
        "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind",
        "w:contextualSpacing", "w:jc", "w:outlineLvl", "w:rPr"}},
      {"w:rPr",
       {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
        "w:noProof", "w:vanish", "w:color", "w:spacing", "w:kern", "w:sz", "w:szCs", "w:highlight",
        "w:u", "w:lang"}},
      {"w:sectPr",
       {"w:headerReference", "w:footerReference", "w:type", "w:pgSz", "w:pgMar", "w:cols",
        "w:titlePg", "w:docGrid"}},
      {"w:style",
       {"w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:uiPriority", "w:semiHidden",
        "w:unhideWhenUsed", "w:qFormat", "w:pPr", "w:rPr"}},
      {"w:lvl",
       {"w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:suff", "w:lvlText", "w:lvlJc",
        "w:pPr", "w:rPr"}},
      {"w:abstractNum", {"w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:lvl"}},
      {"w:pBdr", {"w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"}},
      {"w:r", {"w:rPr", "w:t", "w:tab", "w:br", "w:drawing"}},
      {"w:docDefaults", {"w:rPrDefault", "w:pPrDefault"}},
      {"w:settings",
       {"w:zoom", "w:defaultTabStop", "w:characterSpacingControl", "w:compat", "w:rsids"}},
      {"w:font", {"w:altName", "w:panose1", "w:charset", "w:family", "w:pitch"}},
      {"wp:anchor",
       {"wp:simplePos", "wp:positionH", "wp:positionV", "wp:extent", "wp:effectExtent",
        "wp:wrapSquare", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"}},
      {"pic:pic", {"pic:nvPicPr", "pic:blipFill", "pic:spPr"}},
  };
  return kOrders;
}

void check_order(pugi::xml_node node, const std::string& where) {
  auto it = schema_orders().find(node.name());
  if (it != schema_orders().end()) {
    const std::vector<std::string>& order = it->second;
    std::size_t last = 0;
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      auto pos = std::find(order.begin(), order.end(), c.name());
      ASSERT_NE(pos, order.end()) << where << ": unexpected " << c.name() << " in " << node.name();
      auto index = static_cast<std::size_t>(pos - order.begin());
      // w:r may repeat t/tab/br in any order after rPr.
      if (std::string(node.name()) == "w:r" && index >= 1) index = 1;
      EXPECT_GE(index, last) << where << ": " << c.name() << " out of order in " << node.name();
      last = index;
    }
  }
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element) check_order(c, where);
  }
}

TEST(DocxPackage, PropertyElementsFollowSchemaOrder) {
  for (const style::Style& st : {fx::classic(), fx::modern(), fx::compact()}) {
    for (const model::Document& doc : {fx::aysel(), fx::hostile()}) {
      Built b = build(doc, st);
      for (const auto& p : b.package) {
        pugi::xml_document x = parse(p.data);
        check_order(x.document_element(), st.name + " " + p.name);
      }
    }
  }
}

TEST(DocxPackage, PageSizeAndMarginsComeFromTheStyleAndPaperOverride) {
  style::Style st = fx::compact();  // Letter, margins 36/40
  Built letter = build(fx::aysel(), st);
  pugi::xml_document d = parse(part(letter.package, "word/document.xml"));
  pugi::xml_node sect = d.child("w:document").child("w:body").child("w:sectPr");
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:w").as_int(), 12240);
  EXPECT_EQ(sect.child("w:pgSz").attribute("w:h").as_int(), 15840);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:top").as_int(), 720);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:left").as_int(), 800);
  EXPECT_EQ(sect.child("w:pgMar").attribute("w:right").as_int(), 800);
  // The dates' tab stop sits exactly at the right margin.
  pugi::xml_document s = parse(part(letter.package, "word/styles.xml"));
  pugi::xml_node tab =
      s.select_node("//w:style[@w:styleId='EntryHeading']/w:pPr/w:tabs/w:tab").node();
  EXPECT_EQ(std::string(tab.attribute("w:val").value()), "right");
  EXPECT_EQ(tab.attribute("w:pos").as_int(), 12240 - 800 - 800);

  writer::RenderOptions o;
  o.paper = style::Paper::A4;
  Built a4 = build(fx::aysel(), st, o);
  pugi::xml_document d2 = parse(part(a4.package, "word/document.xml"));
  pugi::xml_node sz = d2.select_node("//w:sectPr/w:pgSz").node();
  EXPECT_EQ(sz.attribute("w:w").as_int(), 11906);
  EXPECT_EQ(sz.attribute("w:h").as_int(), 16838);
}

TEST(DocxPackage, FitToPagesFactorsScaleSizesAndGaps) {
  style::Style st = fx::classic();
  auto styles_of = [&](double spacing, double font) {
    writer::RenderOptions o;
    o.spacing_scale = spacing;
    o.font_scale = font;
    Built b = build(fx::aysel(), st, o);
    return parse(part(b.package, "word/styles.xml"));
  };
  pugi::xml_document base = styles_of(1.0, 1.0), tight = styles_of(0.5, 0.5);
  auto num = [](const pugi::xml_document& d, const char* xpath, const char* attr) {
    return d.select_node(xpath).node().attribute(attr).as_int();
  };
  const char* body = "//w:docDefaults/w:rPrDefault/w:rPr/w:sz";
  const char* title = "//w:style[@w:styleId='Title']/w:rPr/w:sz";
  const char* h1 = "//w:style[@w:styleId='Heading1']/w:pPr/w:spacing";
  EXPECT_EQ(num(base, body, "w:val"), 20);
  EXPECT_EQ(num(tight, body, "w:val"), 18) << "body never below 9 pt";
  EXPECT_EQ(num(base, title, "w:val"), 44);
  EXPECT_EQ(num(tight, title, "w:val"), 22);
  EXPECT_EQ(num(base, h1, "w:before"), 240);
  EXPECT_EQ(num(tight, h1, "w:before"), 120);
  // Line pitch = body size x (1 + 0.25 x spacing_scale), in twips, at least:
  // 10 pt x 1.25 -> 250; 9 pt x 1.125 -> 203 (202.5 rounded).
  const char* spacing = "//w:docDefaults/w:pPrDefault/w:pPr/w:spacing";
  EXPECT_EQ(num(base, spacing, "w:line"), 250);
  EXPECT_EQ(num(tight, spacing, "w:line"), 203);
  EXPECT_EQ(std::string(base.select_node(spacing).node().attribute("w:lineRule").value()),
            "atLeast");
}

TEST(DocxPackage, HeadingStylesFollowTheStyleFile) {
  auto heading = [](const style::Style& st) {
    Built b = build(fx::aysel(), st);
    pugi::xml_document s = parse(part(b.package, "word/styles.xml"));
    pugi::xml_node h = s.select_node("//w:style[@w:styleId='Heading1']").node();
    EXPECT_EQ(std::string(h.child("w:name").attribute("w:val").value()), "heading 1");
    EXPECT_EQ(h.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int(-1), 0);
    EXPECT_TRUE(h.child("w:pPr").child("w:keepNext"));
    std::string out;
    for (pugi::xml_node c : h.child("w:pPr").child("w:pBdr").children()) out += c.name();
    if (h.child("w:rPr").child("w:caps")) out += "+caps";
    return out;
  };
  EXPECT_EQ(heading(fx::classic()), "w:bottom");
  EXPECT_EQ(heading(fx::modern()), "w:left+caps");
  EXPECT_EQ(heading(fx::compact()), "");
}

TEST(DocxPackage, NamedStylesAndBulletsAreUsedNotDirectFormatting) {
  style::Style st = fx::modern();
  Built b = build(fx::aysel(), st);
  pugi::xml_document s = parse(part(b.package, "word/styles.xml"));
  for (const char* id :
       {"Normal", "Title", "Headline", "Contact", "Heading1", "EntryHeading", "EntryDetails",
        "ListBullet", "Hyperlink", "Keyword", "EntryMeta", "SkillGroup", "Header", "Footer"}) {
    EXPECT_TRUE(s.select_node(("//w:style[@w:styleId='" + std::string(id) + "']").c_str())) << id;
  }
  pugi::xml_document n = parse(part(b.package, "word/numbering.xml"));
  pugi::xml_node lvl = n.select_node("//w:abstractNum/w:lvl[@w:ilvl='0']").node();
  EXPECT_EQ(std::string(lvl.child("w:numFmt").attribute("w:val").value()), "bullet");
  EXPECT_EQ(std::string(lvl.child("w:lvlText").attribute("w:val").value()), st.bullet);
  EXPECT_EQ(lvl.child("w:pPr").child("w:ind").attribute("w:hanging").as_int(), 240);
  EXPECT_TRUE(n.select_node("//w:num[@w:numId='1']/w:abstractNumId[@w:val='0']"));

  std::vector<Para> ps = paragraphs(part(b.package, "word/document.xml"));
  int bullets = 0, headings = 0;
  for (const Para& p : ps) {
    bullets += p.style == "ListBullet";
    headings += p.style == "Heading1";
  }
  EXPECT_EQ(bullets, 3);
  EXPECT_EQ(headings, 5);
  // Section titles keep their case in the text; capitals come from the style (w:caps).
  EXPECT_EQ(ps[3].text, "Summary");
  // Keyword runs and keyword skills use the Keyword character style: C++, PostgreSQL in the
  // summary, gRPC and C++ in bullets, C++ and PostgreSQL among the skills.
  pugi::xml_document d = parse(part(b.package, "word/document.xml"));
  std::vector<std::string> keywords;
  for (pugi::xpath_node r : d.select_nodes("//w:r[w:rPr/w:rStyle/@w:val='Keyword']")) {
    keywords.push_back(text_of(r.node()));
  }
  EXPECT_EQ(keywords,
            (std::vector<std::string>{"C++", "PostgreSQL", "gRPC", "C++", "C++", "PostgreSQL"}));
  // Dates sit after a tab (Entry Meta style); the organisation goes to the next line.
  EXPECT_EQ(ps[6].style, "EntryHeading");
  EXPECT_EQ(ps[6].text, "Senior Backend Engineer\tApr 2021 – present");
  EXPECT_EQ(ps[7].style, "EntryDetails");
  EXPECT_EQ(ps[7].text, "Azərçay Texnologiyalar\tBakı");
}

TEST(DocxPackage, CorePropertiesCarryTitleKeywordsAndOnlyPinnedDates) {
  style::Style st = fx::classic();
  writer::RenderOptions o;
  o.source_date_epoch = 1714564800;
  o.version = "9.8.7";
  Built b = build(fx::aysel(), st, o);
  pugi::xml_document core = parse(part(b.package, "docProps/core.xml"));
  pugi::xml_node cp = core.child("cp:coreProperties");
  EXPECT_EQ(std::string(cp.child("dc:title").text().get()),
            "Aysel Məmmədova — Senior Backend Engineer");
  EXPECT_EQ(std::string(cp.child("dc:creator").text().get()), "Aysel Məmmədova");
  EXPECT_EQ(std::string(cp.child("dc:subject").text().get()), "Backend Engineer");
  EXPECT_EQ(std::string(cp.child("cp:keywords").text().get()), "C++; PostgreSQL; gRPC");
  EXPECT_EQ(std::string(cp.child("dcterms:created").text().get()), "2024-05-01T12:00:00Z");
  EXPECT_EQ(std::string(cp.child("dcterms:modified").text().get()), "2024-05-01T12:00:00Z");
  EXPECT_NE(part(b.package, "docProps/app.xml").find("<Application>Tailor 9.8.7</Application>"),
            std::string::npos);

  Built unpinned = build(fx::aysel(), st);
  std::string core2 = part(unpinned.package, "docProps/core.xml");
  EXPECT_EQ(core2.find("dcterms:created"), std::string::npos);
  EXPECT_EQ(core2.find("dcterms:modified"), std::string::npos);
}

TEST(DocxPackage, FlatOpcIsOneWellFormedDocumentWithEveryPart) {
  style::Style st = fx::modern();
  Built b = build(fx::aysel(), st);
  std::string flat = writer::docx::flat_opc(b.package);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_buffer(flat.data(), flat.size(), pugi::parse_default | pugi::parse_pi));
  pugi::xml_node pi = x.first_child();
  while (pi && pi.type() != pugi::node_pi) pi = pi.next_sibling();
  ASSERT_TRUE(pi);
  EXPECT_EQ(std::string(pi.name()), "mso-application");
  EXPECT_EQ(std::string(pi.value()), "progid=\"Word.Document\"");
  pugi::xml_node pkg = x.child("pkg:package");
  EXPECT_EQ(std::string(pkg.attribute("xmlns:pkg").value()),
            "http://schemas.microsoft.com/office/2006/xmlPackage");
  std::vector<std::string> names;
  for (pugi::xml_node p : pkg.children("pkg:part"))
    names.push_back(p.attribute("pkg:name").value());
  ASSERT_EQ(names.size(), b.package.size() - 1);  // no [Content_Types].xml
  for (std::size_t i = 1; i < b.package.size(); ++i)
    EXPECT_EQ(names[i - 1], "/" + b.package[i].name);
  pugi::xml_node doc_part =
      pkg.find_child_by_attribute("pkg:part", "pkg:name", "/word/document.xml");
  EXPECT_EQ(std::string(doc_part.attribute("pkg:contentType").value()),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  pugi::xml_node body = doc_part.child("pkg:xmlData").child("w:document").child("w:body");
  EXPECT_EQ(text_of(body.child("w:p")), "Aysel Məmmədova");
  EXPECT_TRUE(pkg.find_child_by_attribute("pkg:part", "pkg:name", "/word/styles.xml")
                  .child("pkg:xmlData")
                  .child("w:styles"));
}

TEST(DocxPackage, LogoIsAnImagePartAnchoredTopRightOfPageOne) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "tailor-docx-logo-test";
  std::filesystem::create_directories(dir);
  std::ofstream((dir / "agency.png").string(), std::ios::binary) << fx::logo_png();
  style::Style st = fx::modern();
  st.source_path = (dir / "agency.style").string();
  st.logo = "agency.png";  // relative to the style file
  Built b = build(fx::aysel(), st);
  EXPECT_TRUE(b.diags.empty());
  EXPECT_EQ(part(b.package, "word/media/logo.png"), fx::logo_png());
  pugi::xml_document rels = parse(part(b.package, "word/_rels/document.xml.rels"));
  pugi::xml_node rel =
      rels.child("Relationships").find_child_by_attribute("Target", "media/logo.png");
  ASSERT_TRUE(rel);
  EXPECT_NE(std::string(rel.attribute("Type").value()).find("/image"), std::string::npos);
  pugi::xml_document doc = parse(part(b.package, "word/document.xml"));
  pugi::xml_node first = doc.child("w:document").child("w:body").child("w:p");
  pugi::xml_node anchor = first.select_node(".//wp:anchor").node();
  ASSERT_TRUE(anchor) << "the logo rides on the first paragraph";
  EXPECT_EQ(text_of(first), "Aysel Məmmədova");
  EXPECT_EQ(std::string(anchor.child("wp:positionH").child_value("wp:align")), "right");
  EXPECT_EQ(std::string(anchor.child("wp:positionV").child_value("wp:align")), "top");
  // As the PDF: 2.2 x the 24 pt name = 52.8 pt high; 40x20 px gives 105.6 pt wide.
  EXPECT_EQ(anchor.child("wp:extent").attribute("cx").as_llong(), 1341120);
  EXPECT_EQ(anchor.child("wp:extent").attribute("cy").as_llong(), 670560);
  EXPECT_EQ(std::string(anchor.select_node(".//a:blip").node().attribute("r:embed").value()),
            rel.attribute("Id").value());
  // The header keeps its text line only.
  EXPECT_EQ(text_of(parse(part(b.package, "word/header1.xml")).child("w:hdr").child("w:p")),
            st.header_text);
  for (const auto& p : b.package) {
    if (!p.binary) check_order(parse(p.data).document_element(), "logo " + p.name);
  }
  std::string types = part(b.package, "[Content_Types].xml");
  EXPECT_NE(types.find("PartName=\"/word/media/logo.png\" ContentType=\"image/png\""),
            std::string::npos);
  // Flat OPC carries the image as base64 (the PNG signature encodes to iVBORw0KGgo).
  std::string flat = writer::docx::flat_opc(b.package);
  pugi::xml_document x = parse(flat);
  pugi::xml_node img = x.child("pkg:package")
                           .find_child_by_attribute("pkg:part", "pkg:name", "/word/media/logo.png");
  EXPECT_EQ(std::string(img.child("pkg:binaryData").text().get()).rfind("iVBORw0KGgo", 0), 0u);
  // The zip holds the image too.
  std::string zip = docx_bytes(fx::aysel(), st);
  bool found = false;
  for (const ZipEntry& e : local_headers(zip)) found = found || e.name == "word/media/logo.png";
  EXPECT_TRUE(found);

  st.logo = "missing.png";
  Built missing = build(fx::aysel(), st);
  EXPECT_TRUE(has_warning(missing.diags, "cannot read the logo"));
  for (const auto& p : missing.package) EXPECT_EQ(p.name.find("media/"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(DocxPackage, RegisteredAsDocxAndDocxXml) {
  ASSERT_NE(writer::find_writer("docx"), nullptr);
  ASSERT_NE(writer::find_writer("docx-xml"), nullptr);
  EXPECT_STREQ(writer::writer_for_path("out/cv.docx")->name, "docx");
  EXPECT_STREQ(writer::writer_for_path("out/CV.DOCX")->name, "docx");
  EXPECT_STREQ(writer::writer_for_path("out/cv.xml")->name, "docx-xml");
}

TEST(DocxPackage, MarginsThatLeaveNoRoomAreAnError) {
  style::Style st = fx::classic();
  st.margin_left = st.margin_right = 400;
  writer::RenderOptions o;
  o.style = &st;
  std::string out;
  diag::Diagnostics diags;
  EXPECT_FALSE(writer::write_docx(fx::aysel(), o, out, diags));
  EXPECT_TRUE(diags.has_errors());
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace tailor::test
