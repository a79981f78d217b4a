#include "style/style.hpp"

#include <algorithm>

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

Style with_margins_shrunk(const Style& st, double shrink) {
  Style out = st;
  if (st.min_margin < 0 || shrink <= 0) return out;
  for (double* m : {&out.margin_top, &out.margin_right, &out.margin_bottom, &out.margin_left}) {
    if (*m > st.min_margin) *m = std::max(st.min_margin, *m - shrink);
  }
  return out;
}

double max_margin_shrink(const Style& st) {
  if (st.min_margin < 0) return 0;
  return std::max({0.0, st.margin_top - st.min_margin, st.margin_right - st.min_margin,
                   st.margin_bottom - st.min_margin, st.margin_left - st.min_margin});
}

const char* to_string(Paper paper) { return paper == Paper::Letter ? "letter" : "a4"; }

}  // namespace tailor::style
