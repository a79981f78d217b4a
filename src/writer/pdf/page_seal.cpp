#include "writer/pdf/page_seal.hpp"

#include "writer/pdf/deflate.hpp"
#include "writer/pdf/flate_filter.hpp"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <string>
#include <string_view>
#include <vector>

namespace tailor::writer::pdf {

namespace {

/// zlib's deflate of every buffer of a memory stream, as one zlib stream. Deflate's output does
/// not depend on how its input is handed over, so this is what libharu's 4 KB reads produce.
bool deflate_stream(HPDF_Stream s, std::string& out) {
  std::vector<std::string_view> pieces;
  HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
  for (HPDF_UINT i = 0; i < n; ++i) {
    HPDF_UINT len = 0;
    HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &len);
    if (!p) return false;
    pieces.emplace_back(reinterpret_cast<const char*>(p), len);
  }
  return deflate_default(pieces, out);
}

}  // namespace

bool seal_page(HPDF_Page page) {
  if (!page) return false;
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict contents = attr->contents;
  HPDF_Stream s = attr->stream;
  // Only a stream libharu would deflate, with nothing it would still append when saving (it
  // closes an open text object or path and restores saved graphics states then); an empty
  // one is written without data either way.
  if (!contents || !s || s != contents->stream || s->type != HPDF_STREAM_MEMORY ||
      contents->filter != HPDF_STREAM_FILTER_FLATE_DECODE || contents->write_fn ||
      HPDF_Stream_Size(s) == 0 || attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
      (attr->gstate && attr->gstate->prev)) {
    return true;
  }
  std::string packed;
  if (!deflate_stream(s, packed)) return false;
  HPDF_MemStream_FreeData(s);
  if (HPDF_Stream_Write(s, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                        static_cast<HPDF_UINT>(packed.size())) != HPDF_OK) {
    return false;
  }
  contents->filter = HPDF_STREAM_FILTER_NONE;
  contents->write_fn = &tailor_write_flate_filter;
  return true;
}

}  // namespace tailor::writer::pdf
