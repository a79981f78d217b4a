// The DOCX's ZIP container, written with zlib: deflated entries in the given order, each dated
// 1980-01-01 00:00, with the same bytes libzip 1.7 writes for those settings (version 2.0
// needed, made by Unix 6.3, mode 0666, level 6, memLevel 9). libzip itself links OpenSSL's
// libcrypto, whose loading cost a DOCX build a third of its instructions
// (docs/performance.md, "Start-up").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tailor::writer::docx {

struct ZipEntry {
  std::string_view name;  ///< UTF-8, '/'-separated, no leading slash.
  std::string_view data;
};

/// Writes the archive to out. False, with out empty and error set, when zlib fails or the
/// archive would need ZIP64 (4 GB, or 65,535 entries).
bool zip_container(const std::vector<ZipEntry>& entries, std::string& out, std::string& error);

}  // namespace tailor::writer::docx
