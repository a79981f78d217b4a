// The built-in role profiles (templates/roles/), loaded once per test program.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/roles_folder.hpp"
#include "support/test_support.hpp"
#include "transform/rules.hpp"

namespace tailor::test {

struct BuiltInRoles {
  model::SourceManager sources;
  transform::RuleSet rules;
  diag::Diagnostics diags;
  BuiltInRoles() { test::load_rules_dir(source_path("templates/roles"), sources, rules, diags); }
};

inline const BuiltInRoles& built_in_roles() {
  static BuiltInRoles l;
  return l;
}

/// A built-in profile by name; a failed expectation when there is none.
inline const transform::Profile& built_in_role(const std::string& name) {
  const transform::Profile* p = transform::find_profile(built_in_roles().rules, name);
  EXPECT_NE(p, nullptr) << name;
  return *p;
}

}  // namespace tailor::test
