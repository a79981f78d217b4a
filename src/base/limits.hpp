// Resource limits on every input, so a hostile or broken file is refused with a located error
// instead of exhausting memory, the stack or the user's patience. docs/limits.md explains each
// value; tests/hostile/ holds an input just past every limit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tailor::base {

/// Largest input file (resume, JSON, rules, style, job posting): 10 MiB. A real resume is a
/// few kilobytes; a job posting a few tens. Checked with fstat before anything is read.
inline constexpr std::size_t kMaxInputBytes = std::size_t{10} * 1024 * 1024;

/// Longest line of a line-based input (.resume, .rules, .style, a text posting), in bytes,
/// and the longest JSON string value (minified JSON is one line, so JSON has no line limit).
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;

/// Most entries ("=== Role | Org" headings; JSON Resume work, education, project... items)
/// in one resume, and most blocks of any kind (entries, bullets, paragraphs, skill groups).
inline constexpr std::size_t kMaxEntries = 1000;
inline constexpr std::size_t kMaxBlocks = 10000;

/// Most pieces of text in one resume: skill items, inline runs (each change of bold, italic
/// or link), tags, and the lines of paragraphs and bullets, counted together with the blocks.
/// Limits must bound the work, not the syntax: 10,000 blocks of one skill group each could
/// otherwise hold millions of items, each costing a layout box.
inline constexpr std::size_t kMaxPieces = 50000;

/// Most values (strings, numbers, literals, arrays, objects) in one JSON file: the JSON tree
/// costs about 150 bytes a value, so "[1,1,1,...]" must not be read without bound.
inline constexpr std::size_t kMaxJsonValues = 50000;

/// Deepest JSON nesting of arrays and objects (the only input format that nests).
inline constexpr int kMaxJsonDepth = 128;

/// Most nodes (scalars, sequences, maps) visited while reading one YAML file, counting every
/// use of an alias again: ten aliases of ten aliases of ... ("billion laughs") are shared by
/// yaml-cpp, so the walk, not the parse, is what they would blow up.
inline constexpr std::size_t kMaxYamlNodes = 50000;

/// Deepest YAML nesting (block indentation, "- - -" and flow brackets together), checked on
/// the text before yaml-cpp, whose parser recurses once per level, sees it.
inline constexpr int kMaxYamlDepth = 64;

/// Most fields in one CSV file (a LinkedIn export's Positions.csv holds a few hundred): each
/// costs a string and a position, so ",,,,,," must not be read without bound.
inline constexpr std::size_t kMaxCsvFields = 50000;

/// A ZIP archive (a LinkedIn data export): most entries in its directory, most bytes of one
/// unpacked file and of all the files read, and the highest ratio of unpacked to packed bytes
/// of a file over 1 MiB (text compresses 5-20 times; a ZIP bomb, a thousand and more).
inline constexpr std::size_t kMaxZipEntries = 10000;
inline constexpr std::uint64_t kMaxZipEntryBytes = kMaxInputBytes;
inline constexpr std::uint64_t kMaxZipTotalBytes = 5 * kMaxInputBytes;
inline constexpr std::uint64_t kMaxZipRatio = 100;

/// "10 MiB" / "64 KiB" / "1,234 bytes" for messages.
std::string describe_bytes(std::uint64_t n);

/// "52,428,800": thousands separated by commas, for messages.
std::string group_digits(std::uint64_t n);

}  // namespace tailor::base
