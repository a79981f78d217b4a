#include "writer/pdf/flate_filter.hpp"

#include <hpdf_streams.h>

namespace tailor::writer::pdf {

extern "C" HPDF_STATUS tailor_write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

}  // namespace tailor::writer::pdf
