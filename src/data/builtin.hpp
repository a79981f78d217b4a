// The built-in roles, styles and locales, compiled into the binary from templates/
// (cmake/embed_data.cmake), so an installed tailor reads no data folder of its own.
#pragma once

#include <span>
#include <string_view>

namespace tailor::data {

/// One built-in file: its path under templates/ ("styles/classic.style") and its bytes.
struct BuiltinFile {
  std::string_view path;
  std::string_view text;
};

/// Every built-in file, sorted by path. Defined in the generated builtin_data.cpp.
std::span<const BuiltinFile> builtin_files();

}  // namespace tailor::data
