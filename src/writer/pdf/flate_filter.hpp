#pragma once

#include <hpdf_objects.h>

namespace tailor::writer::pdf {

/// A stream's write_fn that writes the /Filter entry libharu's HPDF_Dict_Write adds to a stream
/// it deflates itself, where it would stand: after the dictionary's own entries. For a stream
/// whose bytes were deflated ahead of time (a sealed page, a shared font stream) and are then
/// written as they are, so the file keeps the bytes libharu would have written.
extern "C" HPDF_STATUS tailor_write_flate_filter(HPDF_Dict, HPDF_Stream stream);

}  // namespace tailor::writer::pdf
