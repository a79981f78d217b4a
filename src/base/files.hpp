// File access with the project's safety rules: atomic writes, no partial outputs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tailor::base {

/// Reads a whole file. On failure returns nullopt and sets err to a sentence (strerror).
std::optional<std::string> read_file(const std::string& path, std::string& err);

/// Writes bytes to a temporary file in the destination's folder, fsyncs it and renames it
/// into place, so readers never see a half-written output. Returns false and sets err on
/// failure; the temporary file is removed in every failure path.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& err);

/// True when two paths name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace tailor::base
