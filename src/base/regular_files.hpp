// The special-file policy: Tailor reads its resources and writes its outputs only as regular
// files, so a FIFO never blocks it, and a device, a FIFO or a link is never replaced.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>

#include "base/limits.hpp"

namespace tailor::base {

/// "a FIFO", "a character device", "a symbolic link", ... for messages.
std::string file_type_name(mode_t mode);

/// Reads a resource (style, rules, posting, logo): opened with O_NONBLOCK, so a FIFO cannot
/// block, then refused unless fstat says it is a regular file ("is a FIFO, not a regular
/// file"). Otherwise as read_file.
std::optional<std::string> read_regular_file(const std::string& path, std::string& err,
                                             std::size_t max_bytes = kMaxInputBytes,
                                             bool* too_large = nullptr);

/// True when `path` may be a resource: missing (the reader reports that) or a regular file.
/// False with err set ("is a FIFO, not a regular file") otherwise, without blocking.
bool check_regular_resource(const std::string& path, std::string& err);

/// True when an output may be written to `path`: nothing is there, or a regular file, or a
/// folder (the write then fails with its own message). A FIFO, a device, a socket or a
/// symbolic link is refused with err set, because the output would replace it.
bool check_output_target(const std::string& path, std::string& err);

}  // namespace tailor::base
