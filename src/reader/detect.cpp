// Which reader an input goes to: by its extension, and by its content where the extension
// does not settle it (a ZIP named anything, a .yaml of either YAML format, YAML on stdin).
#include <cctype>
#include <filesystem>

#include "reader/reader.hpp"

namespace tailor::reader {

namespace {

std::string extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_zip(std::string_view raw) {
  return raw.size() >= 4 && raw[0] == 'P' && raw[1] == 'K' &&
         ((raw[2] == 3 && raw[3] == 4) || (raw[2] == 5 && raw[3] == 6));
}

/// The keys written at column 0 ("cv:", "content:"), up to the first 200 lines; comments, the
/// "---" document marker and blank lines are skipped.
struct TopKeys {
  bool cv = false, content = false, first_is_yaml_key = false;
};

TopKeys top_keys(std::string_view raw) {
  TopKeys keys;
  bool first = true;
  std::size_t start = raw.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a byte order mark
  for (int n = 0; n < 200 && start < raw.size(); ++n) {
    std::size_t nl = raw.find('\n', start);
    std::string_view line = raw.substr(start, nl == std::string_view::npos ? raw.npos : nl - start);
    start = nl == std::string_view::npos ? raw.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line[0] == ' ' || line == "---") continue;
    std::size_t colon = line.find(':');
    std::string_view key = line.substr(0, colon);
    bool is_key = colon != std::string_view::npos && colon > 0 &&
                  (colon + 1 == line.size() || line[colon + 1] == ' ') &&
                  key.find_first_of(" \t\"'[{") == std::string_view::npos;
    if (first)
      keys.first_is_yaml_key = is_key && (key == "cv" || key == "content" || key == "locale" ||
                                          key == "layouts" || key == "design");
    first = false;
    if (!is_key) continue;
    if (key == "cv") keys.cv = true;
    if (key == "content") keys.content = true;
  }
  return keys;
}

}  // namespace

InputFormat input_format_for(const std::string& path) {
  std::string ext = extension(path);
  if (ext == ".json") return InputFormat::JsonResume;
  if (ext == ".zip") return InputFormat::LinkedIn;
  if (ext == ".yaml" || ext == ".yml") return InputFormat::RenderCv;
  return InputFormat::Resume;
}

std::optional<InputFormat> format_from_name(const std::string& name) {
  if (name == "resume") return InputFormat::Resume;
  if (name == "json") return InputFormat::JsonResume;
  if (name == "rendercv") return InputFormat::RenderCv;
  if (name == "yamlresume") return InputFormat::YamlResume;
  if (name == "linkedin") return InputFormat::LinkedIn;
  return std::nullopt;
}

std::optional<InputFormat> detect_format(const std::string& path, std::string_view raw,
                                         std::string& problem) {
  std::string ext = extension(path);
  if (is_zip(raw)) return InputFormat::LinkedIn;
  if (ext == ".zip") return InputFormat::LinkedIn;  // the ZIP reader says what is wrong
  if (ext == ".json") return InputFormat::JsonResume;
  if (ext == ".resume") return InputFormat::Resume;
  bool yaml_ext = ext == ".yaml" || ext == ".yml";
  TopKeys keys = top_keys(raw);
  if (!yaml_ext && !keys.first_is_yaml_key) return InputFormat::Resume;
  if (keys.cv && keys.content) {
    problem =
        "cannot tell which YAML resume format this is: it has both cv: (RenderCV) and content: "
        "(YAMLResume) at the top";
    return std::nullopt;
  }
  if (keys.cv) return InputFormat::RenderCv;
  if (keys.content) return InputFormat::YamlResume;
  problem =
      "cannot tell which YAML resume format this is: it has neither cv: (RenderCV) nor "
      "content: (YAMLResume) at the top";
  return std::nullopt;
}

}  // namespace tailor::reader
