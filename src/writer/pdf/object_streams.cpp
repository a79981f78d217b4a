#include "writer/pdf/object_streams.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

#include "writer/pdf/deflate.hpp"

namespace tailor::writer::pdf {

namespace {

/// The decimal number at `at`, moving `at` past it; nullopt when there is none.
std::optional<std::uint64_t> number_at(std::string_view s, std::size_t& at) {
  std::uint64_t v = 0;
  auto r = std::from_chars(s.data() + at, s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr == s.data() + at) return std::nullopt;
  at = static_cast<std::size_t>(r.ptr - s.data());
  return v;
}

bool deflate_bytes(std::string_view in, std::string& out) {
  // zlib's default level, as for the page contents: level 9 saved 54 of 31,865 bytes on the
  // two-page sample for 0.5 M more instructions. The bytes compress2 would make.
  out.clear();
  return deflate_default(in, out);
}

/// Bytes needed for v as a big-endian field (at least 1).
int width_of(std::uint64_t v) {
  int w = 1;
  while (v >>= 8) ++w;
  return w;
}

void put_field(std::string& out, std::uint64_t v, int width) {
  for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
    out += static_cast<char>((v >> shift) & 0xFF);
  }
}

}  // namespace

std::optional<std::string> pack_object_streams(std::string_view pdf) {
  // The classic trailer libharu writes: "xref\n0 N\n" then N entries of 20 bytes, then
  // "trailer\n<< ... >>\nstartxref\nOFFSET\n%%EOF\n".
  std::size_t sx = pdf.rfind("startxref\n");
  if (sx == std::string_view::npos) return std::nullopt;
  std::size_t at = sx + 10;
  auto xref_at = number_at(pdf, at);
  if (!xref_at || *xref_at >= sx || pdf.compare(*xref_at, 7, "xref\n0 ") != 0) return std::nullopt;
  at = *xref_at + 7;
  auto count = number_at(pdf, at);
  if (!count || *count < 2 || at >= pdf.size()) return std::nullopt;
  if (pdf[at] == '\r') ++at;
  if (pdf.compare(at, 1, "\n") != 0) return std::nullopt;
  const std::size_t n = *count;
  const std::size_t table = at + 1;
  const std::size_t trailer = table + 20 * n;
  if (trailer > sx || pdf.compare(trailer, 10, "trailer\n<<") != 0) return std::nullopt;
  std::string_view trailer_dict = pdf.substr(trailer + 10, sx - trailer - 10);
  std::size_t close = trailer_dict.rfind(">>");
  if (close == std::string_view::npos) return std::nullopt;
  trailer_dict = trailer_dict.substr(0, close);
  // An encrypted or updated file is not ours to repack.
  if (trailer_dict.find("/Encrypt") != std::string_view::npos ||
      trailer_dict.find("/Prev") != std::string_view::npos) {
    return std::nullopt;
  }

  // Each object's extent: from its offset to the next object (or the table).
  std::vector<std::size_t> offset(n, 0);
  for (std::size_t i = 1; i < n; ++i) {
    std::string_view e = pdf.substr(table + 20 * i, 20);
    std::size_t p = 0;
    auto off = number_at(e, p);
    if (!off || e.substr(10, 10) != " 00000 n\r\n") return std::nullopt;
    offset[i] = *off;
  }
  std::vector<std::string_view> body(n);  // between "N 0 obj\n" and "\nendobj\n"
  std::vector<bool> is_stream(n, false);
  for (std::size_t i = 1; i < n; ++i) {
    std::size_t end = i + 1 < n ? offset[i + 1] : *xref_at;
    if (offset[i] >= end || end > *xref_at) return std::nullopt;  // libharu writes in order
    std::string head = std::to_string(i) + " 0 obj\n";
    std::string_view obj = pdf.substr(offset[i], end - offset[i]);
    if (obj.substr(0, head.size()) != head || obj.size() < head.size() + 8 ||
        obj.substr(obj.size() - 8) != "\nendobj\n") {
      return std::nullopt;
    }
    body[i] = obj.substr(head.size(), obj.size() - head.size() - 8);
    is_stream[i] = body[i].size() >= 9 && body[i].substr(body[i].size() - 9) == "endstream";
  }

  // The object stream: "num offset" pairs, then the objects (ISO 32000-1, 7.5.7).
  std::string pairs, objects;
  std::vector<std::size_t> index_in_stream(n, 0);
  std::size_t packed = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (is_stream[i]) continue;
    pairs += std::to_string(i) + " " + std::to_string(objects.size()) + " ";
    objects.append(body[i]);
    objects += '\n';
    index_in_stream[i] = packed++;
  }
  if (packed == 0 || packed > 0xFFFF) return std::nullopt;  // an index fits two bytes
  std::string objstm_data;
  if (!deflate_bytes(pairs + objects, objstm_data)) return std::nullopt;

  // The file: the header, the streams where they were (object numbers kept), the object
  // stream (object n) and the cross-reference stream (object n + 1).
  std::string out(pdf.substr(0, offset[1]));
  std::vector<std::size_t> new_offset(n + 2, 0);
  for (std::size_t i = 1; i < n; ++i) {
    if (!is_stream[i]) continue;
    new_offset[i] = out.size();
    out.append(pdf.substr(offset[i], (i + 1 < n ? offset[i + 1] : *xref_at) - offset[i]));
  }
  new_offset[n] = out.size();
  out += std::to_string(n) + " 0 obj\n<<\n/Type /ObjStm\n/N " + std::to_string(packed) +
         "\n/First " + std::to_string(pairs.size()) + "\n/Filter /FlateDecode\n/Length " +
         std::to_string(objstm_data.size()) + "\n>>\nstream\r\n";
  out += objstm_data;
  out += "\nendstream\nendobj\n";
  new_offset[n + 1] = out.size();

  // Entries: type 0 (object 0, free), 1 (offset), 2 (object stream, index in it).
  const std::size_t size = n + 2;
  const int w2 = width_of(std::max(new_offset[n + 1], n));
  const int w3 = 2;  // object 0's generation, 65535
  std::string entries;
  for (std::size_t i = 0; i < size; ++i) {
    if (i == 0) {
      put_field(entries, 0, 1);
      put_field(entries, 0, w2);
      put_field(entries, 65535, w3);
    } else if (i < n && !is_stream[i]) {
      put_field(entries, 2, 1);
      put_field(entries, n, w2);
      put_field(entries, index_in_stream[i], w3);
    } else {
      put_field(entries, 1, 1);
      put_field(entries, new_offset[i], w2);
      put_field(entries, 0, w3);
    }
  }
  std::string xref_data;
  if (!deflate_bytes(entries, xref_data)) return std::nullopt;
  // The trailer's keys (/Root, /Info, /ID) move to the stream's dictionary; /Size is new.
  std::string keys;
  for (std::size_t p = 0; p < trailer_dict.size();) {
    std::size_t eol = trailer_dict.find('\n', p);
    if (eol == std::string_view::npos) eol = trailer_dict.size();
    std::string_view line = trailer_dict.substr(p, eol - p);
    if (!line.empty() && line.substr(0, 6) != "/Size ") {
      keys.append(line);
      keys += '\n';
    }
    p = eol + 1;
  }
  out += std::to_string(n + 1) + " 0 obj\n<<\n/Type /XRef\n/Size " + std::to_string(size) +
         "\n/W [ 1 " + std::to_string(w2) + " " + std::to_string(w3) + " ]\n" + keys +
         "/Filter /FlateDecode\n/Length " + std::to_string(xref_data.size()) + "\n>>\nstream\r\n";
  out += xref_data;
  out += "\nendstream\nendobj\nstartxref\n" + std::to_string(new_offset[n + 1]) + "\n%%EOF\n";
  return out;
}

}  // namespace tailor::writer::pdf
