// The fuzz entry points: one function per target, shared by the libFuzzer programs
// (tests/fuzz/*_fuzz.cpp) and the regression test that replays tests/fuzz/regressions/.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tailor::fuzz {

/// Resume markup: bytes -> UTF-8 check -> parse_resume -> rendered diagnostics.
void markup(const std::uint8_t* data, std::size_t size);

/// JSON: bytes -> UTF-8 check -> JSON value parser -> JSON Resume reader -> diagnostics.
void json(const std::uint8_t* data, std::size_t size);

/// A .rules file: parse, validate, and when it is a valid profile tailor a sample to it.
void rules(const std::uint8_t* data, std::size_t size);

/// A .style file: parse_style and the diagnostics.
void style(const std::uint8_t* data, std::size_t size);

/// A job posting: bytes -> UTF-8 check -> the plain-text or JSON posting parser (JSON when the
/// first non-blank byte is '{', as `tailor match` decides) -> analysis and match report against
/// a sample resume with the built-in roles -> diagnostics.
void posting(const std::uint8_t* data, std::size_t size);

/// The whole build in memory. The first byte picks the options (see pipeline_options in
/// entries.cpp): role profile, style, --max-pages 1, paper. The rest is the input: JSON Resume
/// when it starts with '{', else resume markup. Read -> tailor -> PDF and DOCX into strings.
void pipeline(const std::uint8_t* data, std::size_t size);

/// The PDF text path with mixed-script text: the bytes become the name, a summary and a bullet
/// of a resume (one line each), which is laid out and written as PDF (itemisation, fallback,
/// shaping, bidi, line breaking, mirroring); each valid UTF-8 line also goes straight through
/// NFC, the bidi levels and visual order, and the ICU break opportunities.
void shaping(const std::uint8_t* data, std::size_t size);

/// A RenderCV or YAMLResume file: bytes -> UTF-8 check -> yaml-cpp (after the depth pre-scan)
/// -> the node-budgeted copy -> the RenderCV reader, and the YAMLResume reader on the same tree
/// shape (the first byte picks which: even RenderCV, odd YAMLResume) -> diagnostics.
void yaml(const std::uint8_t* data, std::size_t size);

/// A LinkedIn export: bytes that start with "PK" are the ZIP (libzip, with its limits); any
/// other input is one CSV file of an unzipped export folder, the first byte picking which
/// (Profile.csv, Positions.csv, ...) -> the CSV reader -> the LinkedIn mapping -> diagnostics.
void linkedin(const std::uint8_t* data, std::size_t size);

}  // namespace tailor::fuzz
