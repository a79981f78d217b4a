// zlib's deflate at its default level, the one libharu and the PDF writer use for every stream,
// with zlib's working memory kept per thread instead of allocated for every stream.
//
// deflateInit asks for about 262 KB (the window, the hash chains, the pending buffer) and
// deflateEnd gives it back, about nine times a document. Here each thread keeps those blocks
// and hands them to the next deflateInit. zlib's output does not depend on what the memory it
// is given held before (it cannot: malloc hands it recycled memory in a long process too;
// deflateInit clears the hash heads and zeroes the bytes past the input that its match search
// reads), so the bytes are those of compress2, or of libharu's HPDF_Stream_WriteToStream, at
// Z_DEFAULT_COMPRESSION, whatever the input's pieces.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace tailor::writer::pdf {

/// Appends the zlib stream of the pieces, taken as one input, to `out`. False when zlib fails.
bool deflate_default(std::span<const std::string_view> pieces, std::string& out);

/// The same for one piece.
bool deflate_default(std::string_view in, std::string& out);

/// Blocks the calling thread keeps for zlib (tests: the pool stays bounded).
std::size_t deflate_pool_blocks();

}  // namespace tailor::writer::pdf
