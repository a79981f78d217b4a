// The --if-changed record, in --out-dir/.tailor-manifest: one line per output Tailor wrote,
// "KEY OUTPUT SOURCE NAME".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tailor::cli::batch {

/// What the manifest knows of one output.
struct ManifestEntry {
  std::string key;     ///< SHA-256 of everything that produced it (inputs, options, Tailor).
  std::string output;  ///< SHA-256 of the bytes written, to notice an edited or broken output.
  std::string source;  ///< source_id() of the input it came from.
  friend bool operator==(const ManifestEntry&, const ManifestEntry&) = default;
};

/// Identifies an input by its path as named (lexically normalised), not by its bytes: 16 hex
/// digits of its SHA-256. The outputs of an input that now fails, or is gone, are found by it.
std::string source_id(const std::string& input_path);

/// Maps output names (relative to --out-dir) to what produced them. Only outputs in the
/// manifest are Tailor's: --prune and a failed input remove those files, never others.
class Manifest {
 public:
  /// Parses manifest text. Lines that do not parse are dropped, so their outputs rebuild; a
  /// manifest of another version is empty, so everything rebuilds.
  static Manifest parse(const std::string& text);
  /// The file's format: a "# tailor manifest 2" line, then "KEY OUTPUT SOURCE NAME" lines
  /// sorted by name (KEY and OUTPUT are 64 hex digits, SOURCE 16).
  std::string serialise() const;

  std::optional<ManifestEntry> get(const std::string& name) const;
  void set(const std::string& name, ManifestEntry e) { entries_[name] = std::move(e); }
  void erase(const std::string& name) { entries_.erase(name); }
  std::size_t size() const { return entries_.size(); }
  /// Every output name, sorted.
  std::vector<std::string> names() const;
  friend bool operator==(const Manifest&, const Manifest&) = default;

 private:
  std::map<std::string, ManifestEntry> entries_;
};

}  // namespace tailor::cli::batch
