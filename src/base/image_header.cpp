#include "base/image_header.hpp"

namespace tailor::base {

namespace {

unsigned be16(const std::string& s, std::size_t at) {
  return static_cast<unsigned>(static_cast<unsigned char>(s[at])) << 8 |
         static_cast<unsigned char>(s[at + 1]);
}

unsigned be32(const std::string& s, std::size_t at) { return be16(s, at) << 16 | be16(s, at + 2); }

}  // namespace

bool image_size(const std::string& data, std::string& ext, unsigned& w, unsigned& h) {
  if (data.size() >= 24 && data.compare(0, 8, "\x89PNG\r\n\x1A\n") == 0 &&
      data.compare(12, 4, "IHDR") == 0) {
    ext = "png";
    w = be32(data, 16);
    h = be32(data, 20);
    return w > 0 && h > 0;
  }
  if (data.size() >= 4 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8) {
    std::size_t i = 2;
    while (i + 9 < data.size()) {
      if (static_cast<unsigned char>(data[i]) != 0xFF) return false;
      auto marker = static_cast<unsigned char>(data[i + 1]);
      if (marker == 0xFF) {
        ++i;
        continue;
      }
      unsigned len = be16(data, i + 2);
      bool sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        ext = "jpeg";
        h = be16(data, i + 5);
        w = be16(data, i + 7);
        return w > 0 && h > 0;
      }
      if (len < 2) return false;
      i += 2 + len;
    }
  }
  return false;
}

}  // namespace tailor::base
