// Letter-spaced headings leave joining scripts alone (the Persian heading of
// client.pdf_scripts came apart letter by letter when classic gained letter-spacing).
#include <gtest/gtest.h>

#include "writer/pdf/cursive.hpp"

namespace tailor::writer::pdf {
namespace {

TEST(Cursive, JoiningScriptsAreKeptFromLetterSpacing) {
  EXPECT_TRUE(has_joining_letters("خلاصه"));          // Persian
  EXPECT_TRUE(has_joining_letters("الخبرة"));         // Arabic
  EXPECT_TRUE(has_joining_letters("ܫܠܡܐ"));           // Syriac
  EXPECT_TRUE(has_joining_letters("Summary خلاصه"));  // mixed
  EXPECT_FALSE(has_joining_letters("EXPERIENCE"));
  EXPECT_FALSE(has_joining_letters("תקציר"));  // Hebrew letters do not join
  EXPECT_FALSE(has_joining_letters("İŞ TƏCRÜBƏSİ"));
  EXPECT_FALSE(has_joining_letters("技能"));
  EXPECT_FALSE(has_joining_letters(""));
}

}  // namespace
}  // namespace tailor::writer::pdf
