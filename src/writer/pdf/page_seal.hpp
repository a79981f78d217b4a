// Finished pages compressed as the emitter leaves them. libharu keeps every page's content
// stream uncompressed in memory until the whole file is saved: for text, about 7 bytes of
// operators for each glyph ("<0041> "), 7 times the bytes of a Latin resume, held to the end.
#pragma once

#include <hpdf.h>

namespace tailor::writer::pdf {

/// Deflates the page's content stream now, exactly as libharu would at save time (zlib at its
/// default level; the same "/Filter [ /FlateDecode ]" entry after /Length), so the file's
/// bytes do not change. Nothing may be drawn on the page afterwards. A page that is empty, or
/// not to be deflated, is left alone. Returns false when zlib or libharu fails.
bool seal_page(HPDF_Page page);

}  // namespace tailor::writer::pdf
