// Compressed object streams (PDF 1.5, ISO 32000-1 7.5.7-7.5.8) for the file libharu writes.
// libharu 2.3 writes every object uncompressed with a classic cross-reference table; a tagged
// resume has a hundred or more small structure elements, which then cost more bytes than the
// page contents. This moves every object that is not a stream into one deflated object stream
// and replaces the table with a cross-reference stream.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tailor::writer::pdf {

/// `pdf` as libharu writes it (one xref section starting at object 0, a trailer without
/// /Prev or /Encrypt), with its non-stream objects packed into an object stream. Object
/// numbers are kept; stream objects stay where they were, in order. nullopt when the file is
/// not laid out as expected: the caller then keeps it as it is. Same input, same bytes.
std::optional<std::string> pack_object_streams(std::string_view pdf);

}  // namespace tailor::writer::pdf
