// The --if-changed record: one line per output, "SHA256 NAME", in --out-dir/.tailor-manifest.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace tailor::cli::batch {

/// Maps output names (relative to --out-dir) to the hash of everything that produced them.
class Manifest {
 public:
  /// Parses manifest text. Lines that do not parse are dropped, so their outputs rebuild.
  static Manifest parse(const std::string& text);
  /// The file's format: a "# tailor manifest 1" line, then "HASH NAME" lines sorted by name.
  std::string serialise() const;

  std::optional<std::string> get(const std::string& name) const;
  void set(const std::string& name, const std::string& hash) { entries_[name] = hash; }
  void erase(const std::string& name) { entries_.erase(name); }
  std::size_t size() const { return entries_.size(); }
  friend bool operator==(const Manifest&, const Manifest&) = default;

 private:
  std::map<std::string, std::string> entries_;
};

}  // namespace tailor::cli::batch
