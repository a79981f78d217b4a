#include "reader/yaml_depth.hpp"

#include <vector>

namespace tailor::reader {

namespace {

/// True when the content of a line (comment removed) ends in a block scalar header such as
/// "|", ">-" or "|2+" that follows a key, a "- " or starts the line.
bool opens_block_scalar(std::string_view content) {
  while (!content.empty() && (content.back() == ' ' || content.back() == '\t')) {
    content.remove_suffix(1);
  }
  std::size_t i = content.size();
  while (i > 0 && (content[i - 1] == '-' || content[i - 1] == '+' ||
                   (content[i - 1] >= '0' && content[i - 1] <= '9'))) {
    --i;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) return false;
  --i;
  return i == 0 || content[i - 1] == ' ';
}

}  // namespace

YamlDepth yaml_depth(std::string_view text, int limit) {
  YamlDepth best;
  std::vector<std::size_t> indents;  // columns of the open block levels
  int flow = 0;                      // open brackets of a flow collection
  char quote = 0;                    // the quote a flow scalar is open in
  long block_scalar = -1;            // indentation of the line that opened a block scalar
  auto note = [&](int depth, std::size_t at) {
    if (depth > best.depth) {
      best.depth = depth;
      best.offset = at;
    }
    return depth > limit;
  };
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    std::size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    bool blank = i == line.size() || line[i] == '#';
    if (block_scalar >= 0 && (blank || static_cast<long>(i) > block_scalar)) {
      start = end + 1;
      continue;  // the content of a block scalar is text, not structure
    }
    block_scalar = -1;
    if (blank && flow == 0 && quote == 0) {
      start = end + 1;
      continue;
    }
    std::size_t content_start = i;
    if (flow == 0 && quote == 0) {
      auto open = [&](std::size_t col) {
        while (!indents.empty() && indents.back() >= col) indents.pop_back();
        indents.push_back(col);
        return note(static_cast<int>(indents.size()), start + col);
      };
      if (open(i)) return best;
      // "- - - x": every indicator opens a sequence inside the last.
      while (i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
        ++i;
        while (i < line.size() && line[i] == ' ') ++i;
        if (i < line.size() && open(i)) return best;
      }
    }
    // Flow collections and quotes. Outside a flow collection a bracket opens one only where a
    // value starts: at the start of the content, after ": " or after "- ".
    char prev = 0;  // the last non-space character before i on this line
    std::size_t comment = line.size();
    for (std::size_t k = content_start; k < line.size(); ++k) {
      char c = line[k];
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          ++k;
        } else if (c == quote) {
          if (quote == '\'' && k + 1 < line.size() && line[k + 1] == '\'') {
            ++k;
          } else {
            quote = 0;
          }
        }
        prev = c;
        continue;
      }
      if (c == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) {
        comment = k;
        break;
      }
      bool value_start = k == content_start || prev == ':' || prev == '-' ||
                         (flow > 0 && (prev == ',' || prev == '[' || prev == '{'));
      if ((c == '"' || c == '\'') && (value_start || flow > 0)) {
        if (value_start) quote = c;
      } else if ((c == '[' || c == '{') && (flow > 0 || value_start)) {
        ++flow;
        if (note(static_cast<int>(indents.size()) + flow, start + k)) return best;
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      }
      if (c != ' ' && c != '\t') prev = c;
    }
    if (flow == 0 && quote == 0 && opens_block_scalar(line.substr(0, comment))) {
      block_scalar = static_cast<long>(content_start);
    }
    start = end + 1;
  }
  return best;
}

}  // namespace tailor::reader
