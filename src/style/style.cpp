#include "style/style.hpp"

namespace tailor::style {

PageSize page_size(Paper paper) {
  switch (paper) {
    case Paper::A4:
      return {595.276, 841.89};
    case Paper::Letter:
      return {612, 792};
  }
  return {595.276, 841.89};
}

const char* to_string(Paper paper) { return paper == Paper::Letter ? "letter" : "a4"; }

}  // namespace tailor::style
