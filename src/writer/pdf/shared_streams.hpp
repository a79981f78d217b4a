// What the documents of one process share: font subsets and deflated stream contents.
//
// A batch draws the same faces again and again, often with the same glyphs (the same template,
// the same role), so each face is subset once per exact glyph set, and each font program,
// CIDToGIDMap and ToUnicode stream is deflated once per exact content. Both are pure
// functions of their keys, computed by the same calls a document alone would make, so a PDF
// built in a batch is byte for byte the PDF built alone. Both caches are bounded, live for
// the process and are safe to use from every worker thread.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include <hpdf.h>

namespace tailor::writer::pdf {

class Face;

/// hb-subset's output for one face and glyph set, with each glyph's ID in it.
struct SharedSubset {
  std::string bytes;
  std::map<unsigned, unsigned> old_to_new;
};

/// face.subset_glyphs(glyphs), made once per face and exact glyph set in this process. The
/// face must live as long as the process (the faces of cached_face() do). nullptr when
/// hb-subset fails; a failure is not kept.
std::shared_ptr<const SharedSubset> shared_subset(const Face& face,
                                                  const std::set<unsigned>& glyphs);

/// The bytes libharu writes for a stream of these contents under /FlateDecode (what its
/// HPDF_Stream_WriteToStream makes: zlib at its default level, deflate.hpp), made once per
/// exact content in this process. nullptr when zlib fails.
std::shared_ptr<const std::string> shared_deflate(std::string_view raw);

/// Puts `raw` into a stream object as shared_deflate's bytes, so the document writes exactly
/// what libharu would have deflated itself: the same `/Filter [ /FlateDecode ]` entry, last
/// in the dictionary, and the same stream bytes. False when libharu fails.
bool write_deflated(HPDF_Dict stream, std::string_view raw);

/// Counters for tests and benchmarks: how often each cache answered and how often it had to
/// compute.
struct SharedStreamStats {
  std::size_t subset_hits = 0, subset_misses = 0;
  std::size_t deflate_hits = 0, deflate_misses = 0;
};
SharedStreamStats shared_stream_stats();

/// Empties both caches (tests compare a first build with a cached one).
void clear_shared_streams();

}  // namespace tailor::writer::pdf
