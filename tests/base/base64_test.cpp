// Base64 against the RFC 4648 section 10 test vectors, and bytes that are not text.
#include <gtest/gtest.h>

#include <string>

#include "base/base64.hpp"

using tailor::base::base64;

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

TEST(Base64, BinaryBytesAndLongInputStayOneLine) {
  EXPECT_EQ(base64(std::string("\x89PNG\r\n\x1A\n\0\xFF", 10)), "iVBORw0KGgoA/w==");
  std::string long_input(3000, '\xFB');
  std::string encoded = base64(long_input);
  EXPECT_EQ(encoded.size(), 4000u);
  EXPECT_EQ(encoded.find('\n'), std::string::npos);
  EXPECT_EQ(encoded.substr(0, 8), "+/v7+/v7");
}
