// The XMP metadata packet of a PDF (ISO 16684-1): the document information again, plus the
// PDF/UA identification (pdfuaid:part 1), which only XMP can carry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tailor::writer::pdf {

struct XmpFields {
  std::string title, author, subject, keywords, creator_tool, producer;
  std::string lang;                   ///< BCP 47; "x-default" alone when empty.
  std::optional<std::int64_t> epoch;  ///< SOURCE_DATE_EPOCH: the only date written.
};

/// The packet as UTF-8 XML, every value escaped; no date unless `epoch` is set.
std::string xmp_packet(const XmpFields& f);

}  // namespace tailor::writer::pdf
