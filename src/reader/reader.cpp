#include "reader/reader.hpp"

#include <filesystem>

#include "base/files.hpp"
#include "base/limits.hpp"
#include "base/regular_files.hpp"
#include "base/utf8.hpp"
#include "diag/limits.hpp"

namespace tailor::reader {

std::uint32_t add_source(const std::string& path, std::string_view raw,
                         model::SourceManager& sources, diag::Diagnostics& diags) {
  return add_source(path, raw, input_format_for(path), sources, diags);
}

std::uint32_t add_source(const std::string& path, std::string_view raw, InputFormat format,
                         model::SourceManager& sources, diag::Diagnostics& diags) {
  if (raw.size() > base::kMaxInputBytes) {
    diag::report_read_failure(path, "cannot read file",
                              "file too large: " + base::group_digits(raw.size()) +
                                  " bytes; the limit is " +
                                  base::describe_bytes(base::kMaxInputBytes),
                              true, sources, diags);
    return 0;
  }
  std::string text = base::normalise_newlines(raw);
  std::uint32_t id = sources.add(path, text);
  if (auto bad = base::validate_utf8(sources.text(id))) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", bad->byte);
    model::SourceSpan span{id, bad->line, bad->col, bad->line, bad->col + 1};
    diags.error(span, std::string("invalid UTF-8 byte ") + buf)
        .hints.push_back("save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)");
    return 0;
  }
  // Minified JSON is one line; its strings are limited by the JSON parser instead.
  if (format != InputFormat::JsonResume && !diag::check_line_lengths(id, sources.text(id), diags)) {
    return 0;
  }
  return id;
}

bool check_document_limits(const model::Document& doc, diag::Diagnostics& diags) {
  std::size_t entries = 0, blocks = 0;
  auto over = [&](const model::SourceSpan& at, const char* what, std::size_t limit) {
    diags
        .error(at, std::string("too many ") + what + ": the limit is " + base::group_digits(limit) +
                       " in one resume")
        .hints.push_back(
            "split the file, or keep a master resume of what you may show "
            "(docs/limits.md)");
    return false;
  };
  // Pieces of text: what later stages spend work on, item by item (the .resume reader counts
  // the same while it reads, and stops there; this also bounds JSON Resume input).
  std::size_t pieces = 0;
  for (const model::Section& s : doc.sections) {
    pieces += 1 + s.tags.size();
    for (const model::Block& b : s.blocks) {
      ++blocks;
      model::SourceSpan at = std::visit([](const auto& x) { return x.span; }, b);
      pieces += std::visit(
          [](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            std::size_t n = 1 + x.tags.size();
            if constexpr (std::is_same_v<T, model::SkillGroup>) n += x.items.size();
            if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Bullet>) {
              n += x.text.size();
            }
            if constexpr (std::is_same_v<T, model::Entry>) {
              for (const auto& p : x.description) n += 1 + p.text.size() + p.tags.size();
              for (const auto& l : x.bullets) n += 1 + l.text.size() + l.tags.size();
            }
            return n;
          },
          b);
      if (const auto* e = std::get_if<model::Entry>(&b)) {
        if (++entries > base::kMaxEntries) return over(e->span, "entries", base::kMaxEntries);
        blocks += e->bullets.size() + e->description.size();
      }
      if (blocks > base::kMaxBlocks) {
        return over(at, "blocks (entries, bullets, paragraphs and skill groups)", base::kMaxBlocks);
      }
      if (pieces > base::kMaxPieces) {
        return over(at, "pieces of text (skill items, inline runs, tags and lines)",
                    base::kMaxPieces);
      }
    }
  }
  return true;
}

std::uint32_t load_source(const std::string& path, model::SourceManager& sources,
                          diag::Diagnostics& diags) {
  std::string err;
  bool too_large = false;
  // Rules and postings are resources: a FIFO or a device is refused, never waited on.
  std::optional<std::string> raw =
      base::read_regular_file(path, err, base::kMaxInputBytes, &too_large);
  if (!raw) {
    diag::report_read_failure(path, "cannot read file", err, too_large, sources, diags);
    return 0;
  }
  return add_source(path, *raw, sources, diags);
}

namespace {

std::optional<model::Document> parse_registered(std::uint32_t id, InputFormat format,
                                                const model::SourceManager& sources,
                                                diag::Diagnostics& diags) {
  if (id == 0) return std::nullopt;
  const std::string& text = sources.text(id);
  std::optional<model::Document> doc;
  switch (format) {
    case InputFormat::JsonResume:
      doc = parse_json_resume(id, text, diags);
      break;
    case InputFormat::RenderCv:
      doc = parse_rendercv(id, text, diags);
      break;
    case InputFormat::YamlResume:
      doc = parse_yamlresume(id, text, diags);
      break;
    case InputFormat::Resume:
    case InputFormat::LinkedIn:
      doc = parse_resume(id, text, diags);
      break;
  }
  if (doc && !check_document_limits(*doc, diags)) return std::nullopt;
  return doc;
}

}  // namespace

std::optional<model::Document> read_document_bytes(const std::string& path, std::string_view raw,
                                                   model::SourceManager& sources,
                                                   diag::Diagnostics& diags) {
  std::string problem;
  std::optional<InputFormat> format = detect_format(path, raw, problem);
  if (!format) {
    // Registered as text, so the error can quote the first line.
    std::uint32_t id = add_source(path, raw, InputFormat::Resume, sources, diags);
    if (id == 0) return std::nullopt;
    diags.error(model::SourceSpan{id, 1, 1, 1, 2}, problem)
        .hints.push_back(
            "name the format with --from rendercv, --from yamlresume or --from resume");
    return std::nullopt;
  }
  return read_document_bytes(path, raw, *format, sources, diags);
}

std::optional<model::Document> read_document(const std::string& path, model::SourceManager& sources,
                                             diag::Diagnostics& diags) {
  // A resume may come through a pipe (/dev/stdin, <(...)): read it once, whatever it is.
  std::string err;
  bool too_large = false;
  std::optional<std::string> raw = base::read_file(path, err, base::kMaxInputBytes, &too_large);
  if (!raw) {
    diag::report_read_failure(path, "cannot read file", err, too_large, sources, diags);
    return std::nullopt;
  }
  return read_document_bytes(path, *raw, sources, diags);
}

std::optional<model::Document> read_document_bytes(const std::string& path, std::string_view raw,
                                                   InputFormat format,
                                                   model::SourceManager& sources,
                                                   diag::Diagnostics& diags) {
  if (format == InputFormat::LinkedIn) {
    std::optional<model::Document> doc = read_linkedin_zip(path, raw, sources, diags);
    if (doc && !check_document_limits(*doc, diags)) return std::nullopt;
    return doc;
  }
  return parse_registered(add_source(path, raw, format, sources, diags), format, sources, diags);
}

}  // namespace tailor::reader
