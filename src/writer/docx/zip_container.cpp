#include "writer/docx/zip_container.hpp"

#include <zlib.h>

#include <cstdint>
#include <limits>

namespace tailor::writer::docx {

namespace {

void put16(std::string& o, std::uint32_t v) {
  o += static_cast<char>(v & 0xFF);
  o += static_cast<char>((v >> 8) & 0xFF);
}

void put32(std::string& o, std::uint32_t v) {
  put16(o, v & 0xFFFF);
  put16(o, v >> 16);
}

/// Raw deflate (no zlib header), as libzip's deflate source makes it. One stream serves every
/// entry (deflateReset): its 400 KB of state is allocated once, not once per part.
class Deflater {
 public:
  Deflater() {
    constexpr int kLevel = 6, kWindowBits = -15, kMemLevel = 9;
    ok_ = deflateInit2(&z_, kLevel, Z_DEFLATED, kWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~Deflater() {
    if (ok_) deflateEnd(&z_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  bool run(std::string_view in, std::string& out) {
    if (!ok_ || deflateReset(&z_) != Z_OK) return false;
    out.resize(deflateBound(&z_, static_cast<uLong>(in.size())));
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    z_.next_out = reinterpret_cast<Bytef*>(out.data());
    z_.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z_, Z_FINISH);
    out.resize(out.size() - z_.avail_out);
    return rc == Z_STREAM_END;
  }

 private:
  z_stream z_{};
  bool ok_ = false;
};

constexpr std::uint32_t kVersionNeeded = 20;      // 2.0: deflate
constexpr std::uint32_t kMadeBy = (3 << 8) | 63;  // Unix, 6.3
constexpr std::uint32_t kDeflate = 8;
constexpr std::uint32_t kDosTime = 0;                        // 00:00:00
constexpr std::uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr std::uint32_t kUnixMode = 0100666;                 // a regular file, rw-rw-rw-
constexpr std::uint32_t kUtf8Name = 1 << 11;                 // general purpose bit 11

}  // namespace

bool zip_container(const std::vector<ZipEntry>& entries, std::string& out, std::string& error) {
  constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();
  out.clear();
  if (entries.size() >= 0xFFFF) {
    error = "too many parts for a ZIP without ZIP64";
    return false;
  }
  std::string central;
  std::string packed;
  Deflater deflater;
  for (const ZipEntry& e : entries) {
    if (e.data.size() > kMax32 || e.name.size() > 0xFFFF ||
        e.data.size() > std::numeric_limits<uInt>::max() / 2) {
      error = "the part " + std::string(e.name) + " is too large for a ZIP without ZIP64";
      out.clear();
      return false;
    }
    if (!deflater.run(e.data, packed)) {
      error = "zlib cannot deflate " + std::string(e.name);
      out.clear();
      return false;
    }
    std::uint32_t crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
    std::uint32_t flags = 0;
    for (char c : e.name) {
      if (static_cast<unsigned char>(c) >= 0x80) flags = kUtf8Name;
    }
    std::uint64_t offset = out.size();
    if (offset > kMax32) {
      error = "the DOCX is too large for a ZIP without ZIP64";
      out.clear();
      return false;
    }
    auto sizes = [&](std::string& o) {
      put32(o, crc);
      put32(o, static_cast<std::uint32_t>(packed.size()));
      put32(o, static_cast<std::uint32_t>(e.data.size()));
      put16(o, static_cast<std::uint32_t>(e.name.size()));
      put16(o, 0);  // extra field
    };
    put32(out, 0x04034B50);  // local file header
    put16(out, kVersionNeeded);
    put16(out, flags);
    put16(out, kDeflate);
    put16(out, kDosTime);
    put16(out, kDosDate);
    sizes(out);
    out += e.name;
    out += packed;

    put32(central, 0x02014B50);  // central directory entry
    put16(central, kMadeBy);
    put16(central, kVersionNeeded);
    put16(central, flags);
    put16(central, kDeflate);
    put16(central, kDosTime);
    put16(central, kDosDate);
    sizes(central);
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, kUnixMode << 16);
    put32(central, static_cast<std::uint32_t>(offset));
    central += e.name;
  }
  std::uint64_t directory = out.size();
  if (directory + central.size() > kMax32) {
    error = "the DOCX is too large for a ZIP without ZIP64";
    out.clear();
    return false;
  }
  out += central;
  put32(out, 0x06054B50);  // end of central directory
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, static_cast<std::uint32_t>(directory));
  put16(out, 0);  // comment
  return true;
}

}  // namespace tailor::writer::docx
