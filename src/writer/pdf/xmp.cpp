#include "writer/pdf/xmp.hpp"

#include <cstdio>
#include <ctime>

#include "base/utf8.hpp"

namespace tailor::writer::pdf {

namespace {

/// XML 1.0 character data: markup characters escaped, characters XML forbids (C0 controls
/// other than tab and newlines, U+FFFE/U+FFFF) dropped.
std::string xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    char32_t cp = base::decode_next(s, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      continue;
    }
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.append(s, at, i - at);
    }
  }
  return out;
}

std::string iso_date(std::int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace

std::string xmp_packet(const XmpFields& f) {
  std::string s =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
      "<dc:format>application/pdf</dc:format>\n";
  if (!f.title.empty()) {
    s += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(f.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!f.author.empty()) {
    s += "<dc:creator><rdf:Seq><rdf:li>" + xml(f.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!f.subject.empty()) {
    s += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(f.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!f.lang.empty()) {
    s += "<dc:language><rdf:Bag><rdf:li>" + xml(f.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
  }
  if (!f.keywords.empty()) s += "<pdf:Keywords>" + xml(f.keywords) + "</pdf:Keywords>\n";
  s += "<pdf:Producer>" + xml(f.producer) + "</pdf:Producer>\n";
  s += "<xmp:CreatorTool>" + xml(f.creator_tool) + "</xmp:CreatorTool>\n";
  if (f.epoch) {
    std::string d = iso_date(*f.epoch);
    s += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
  }
  s += "<pdfuaid:part>1</pdfuaid:part>\n"
       "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n";
  return s;
}

}  // namespace tailor::writer::pdf
