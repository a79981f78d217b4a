#include "writer/image_alt.hpp"

namespace tailor::writer {

std::string photo_alt(const model::Document& doc) {
  const model::Field& name = doc.header.name;
  return name.empty() ? "Photo" : "Photo of " + name.value;
}

std::string logo_alt(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.resize(dot);
  for (char& c : name) {
    if (c == '-' || c == '_' || c == '.') c = ' ';
  }
  return name.empty() ? "logo" : name;
}

}  // namespace tailor::writer
