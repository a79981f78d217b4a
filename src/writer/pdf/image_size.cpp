// Pixel size of a PNG or JPEG file, from its IHDR chunk or its start-of-frame marker.
#include "writer/pdf/image_size.hpp"

#include <fstream>

namespace tailor::writer::pdf {

std::optional<std::pair<int, int>> image_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(26, '\0');
  in.read(head.data(), 26);
  if (in.gcount() < 26) return std::nullopt;
  auto u8 = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
  auto be32 = [&](std::size_t i) {
    return static_cast<int>((u8(i) << 24) | (u8(i + 1) << 16) | (u8(i + 2) << 8) | u8(i + 3));
  };
  if (head.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && head.compare(12, 4, "IHDR") == 0) {
    int w = be32(16), h = be32(20);
    if (w > 0 && h > 0) return std::make_pair(w, h);
    return std::nullopt;
  }
  if (u8(0) != 0xFF || u8(1) != 0xD8) return std::nullopt;
  // JPEG: walk the segments to a start-of-frame marker (SOF0..SOF15 but DHT/JPG/DAC).
  in.clear();
  in.seekg(2);
  for (int guard = 0; guard < 1000; ++guard) {
    unsigned char m[4];
    if (!in.read(reinterpret_cast<char*>(m), 4) || m[0] != 0xFF) return std::nullopt;
    int len = (m[2] << 8) | m[3];
    if (m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 && m[1] != 0xC8 && m[1] != 0xCC) {
      unsigned char f[5];
      if (!in.read(reinterpret_cast<char*>(f), 5)) return std::nullopt;
      int h = (f[1] << 8) | f[2], w = (f[3] << 8) | f[4];
      if (w > 0 && h > 0) return std::make_pair(w, h);
      return std::nullopt;
    }
    if (len < 2) return std::nullopt;
    in.seekg(len - 2, std::ios::cur);
  }
  return std::nullopt;
}

}  // namespace tailor::writer::pdf
