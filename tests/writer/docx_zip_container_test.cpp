// The DOCX container is written with zlib (writer/docx/zip_container.cpp) and must keep the
// bytes libzip 1.7 wrote before it, part for part: libzip (through the same calls and
// settings the writer used) zips the same entries here, and the two archives are compared.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdint>
#include <string>
#include <vector>

#include "writer/docx/zip_container.hpp"

namespace tailor::test {
namespace {

using writer::docx::ZipEntry;

/// The archive as the DOCX writer made it with libzip: deflate level 6, 1980-01-01 00:00.
std::string with_libzip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  EXPECT_NE(buffer, nullptr);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  zip_error_fini(&error);
  if (!buffer || !archive) return {};
  zip_source_keep(buffer);
  for (const ZipEntry& e : entries) {
    zip_source_t* src = zip_source_buffer(archive, e.data.data(), e.data.size(), 0);
    std::string name(e.name);
    zip_int64_t i = zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(i, 0);
    EXPECT_EQ(zip_set_file_compression(archive, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 6),
              0);
    EXPECT_EQ(zip_file_set_dostime(archive, static_cast<zip_uint64_t>(i), 0, (1 << 5) | 1, 0), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  EXPECT_EQ(zip_source_open(buffer), 0);
  std::string out;
  char chunk[16384];
  for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) {
    out.append(chunk, static_cast<std::size_t>(n));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

std::string with_zlib(const std::vector<ZipEntry>& entries) {
  std::string out, error;
  EXPECT_TRUE(writer::docx::zip_container(entries, out, error)) << error;
  return out;
}

TEST(DocxZipContainer, SameBytesAsLibzip) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document>";
  for (int i = 0; i < 2000; ++i)
    xml += "<w:p><w:r><w:t>Ləman Əliyeva " + std::to_string(i) + "</w:t></w:r></w:p>";
  xml += "</w:document>";
  std::string noise;  // incompressible, like a JPEG photo: stays deflated, as libzip kept it
  std::uint32_t x = 2463534242u;
  for (int i = 0; i < 300000; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    noise += static_cast<char>(x & 0xFF);
  }
  // ZipEntry holds views: every text it points into lives until the end of the test.
  const std::string head = xml.substr(0, 700);
  std::vector<std::vector<ZipEntry>> cases = {
      {{"[Content_Types].xml", "<Types/>"}},
      {{"empty.xml", ""}, {"word/document.xml", xml}, {"word/media/photo.jpeg", noise}},
      {{"word/média/şəkil.png", "\x89PNG\r\n\x1a\n"}, {"_rels/.rels", head}},
  };
  for (const auto& entries : cases) {
    std::string expected = with_libzip(entries);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(with_zlib(entries), expected) << entries.size() << " entries";
  }
}

}  // namespace
}  // namespace tailor::test
