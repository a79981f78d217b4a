// The link policy: only https, http, mailto and tel become links, in every writer.
#include <gtest/gtest.h>

#include "base/links.hpp"

using namespace tailor::base;

TEST(Links, SafeSchemesPass) {
  EXPECT_EQ(normalise_link("https://github.com/aysel-h"), "https://github.com/aysel-h");
  EXPECT_EQ(normalise_link("mailto:a@b.az"), "mailto:a@b.az");
  EXPECT_EQ(normalise_link("tel:+994550000000"), "tel:+994550000000");
  EXPECT_EQ(normalise_link("HTTP://x.org"), "HTTP://x.org");
}

TEST(Links, DangerousSchemesNeverBecomeLinks) {
  EXPECT_EQ(normalise_link("javascript:alert(1)"), "");
  EXPECT_EQ(normalise_link("  JavaScript:alert(1)"), "");
  EXPECT_EQ(normalise_link("file:///etc/passwd"), "");
  EXPECT_EQ(normalise_link("data:text/html,x"), "");
  EXPECT_EQ(check_link("vbscript:x"), LinkCheck::UnsafeScheme);
}

TEST(Links, BareHostsGetHttps) {
  EXPECT_EQ(normalise_link("github.com/aysel"), "https://github.com/aysel");
  EXPECT_EQ(normalise_link("not a url"), "");
  EXPECT_EQ(normalise_link("localhost"), "");
}
