#include "cli/shard.hpp"

#include <charconv>

#include "cli/batch_manifest.hpp"

namespace tailor::cli {

namespace {

std::optional<unsigned> number(std::string_view s) {
  unsigned v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text, std::string& error) {
  std::size_t slash = text.find('/');
  std::optional<unsigned> k, n;
  if (slash != std::string::npos) {
    k = number(std::string_view(text).substr(0, slash));
    n = number(std::string_view(text).substr(slash + 1));
  }
  if (!k || !n || *n == 0) {
    error = "--shard takes K/N, such as 0/4 (the first of four shards), not '" + text + "'";
    return std::nullopt;
  }
  if (*k >= *n) {
    error = "--shard " + text + ": K counts from 0, so it must be below N (0/" +
            std::to_string(*n) + " to " + std::to_string(*n - 1) + "/" + std::to_string(*n) + ")";
    return std::nullopt;
  }
  return Shard{*k, *n};
}

unsigned shard_of_source(const std::string& source_id, unsigned count) {
  unsigned long long v = 0;
  std::from_chars(source_id.data(), source_id.data() + source_id.size(), v, 16);
  return static_cast<unsigned>(v % count);
}

unsigned shard_of(const std::string& input_path, unsigned count) {
  return shard_of_source(batch::source_id(input_path), count);  // 16 hex digits of the path
}

std::vector<std::string> shard_inputs(const std::vector<std::string>& inputs, const Shard& shard) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    if (shard_of(in, shard.count) == shard.index) out.push_back(in);
  }
  return out;
}

}  // namespace tailor::cli
