// The compiled-in data and the user's folders: the binary holds exactly templates/, and a
// user's file of the same name wins, TAILOR_DATA_DIR before XDG_DATA_HOME.
#include "data/files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "data/builtin.hpp"
#include "support/test_support.hpp"

namespace tailor::data {
namespace {

namespace fs = std::filesystem;

/// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

TEST(BuiltinData, HoldsEveryTemplateFileByteForByte) {
  std::size_t on_disk = 0;
  for (const char* kind : {"roles", "styles", "locales"}) {
    for (const auto& e :
         fs::directory_iterator(test::source_path(std::string("templates/") + kind))) {
      ++on_disk;
      std::string rel = std::string(kind) + "/" + e.path().filename().string();
      std::optional<std::string_view> text = builtin_text("builtin:" + rel);
      ASSERT_TRUE(text) << rel << " is not compiled in";
      EXPECT_EQ(*text, test::slurp(e.path().string())) << rel;
    }
  }
  EXPECT_EQ(builtin_files().size(), on_disk);
}

TEST(BuiltinData, ListsBuiltinsUnderStableNames) {
  ScopedEnv data("TAILOR_DATA_DIR", "");
  ScopedEnv xdg("XDG_DATA_HOME", fresh_dir("tailor-data-empty").string());
  std::optional<File> classic = find("styles", "classic.style");
  ASSERT_TRUE(classic);
  EXPECT_EQ(classic->path, "builtin:styles/classic.style");
  EXPECT_FALSE(find("styles", "no-such.style"));
  EXPECT_FALSE(builtin_text("templates/styles/classic.style"));
  EXPECT_FALSE(builtin_text("builtin:styles/no-such.style"));
}

TEST(BuiltinData, UserFoldersReplaceByNameAndAdd) {
  fs::path env_dir = fresh_dir("tailor-data-env"), xdg_dir = fresh_dir("tailor-data-xdg");
  write(env_dir / "styles" / "classic.style", "name: mine\n");
  write(xdg_dir / "tailor" / "styles" / "classic.style", "name: xdg\n");
  write(xdg_dir / "tailor" / "styles" / "green.style", "name: green\n");
  write(xdg_dir / "tailor" / "locales" / "xx.txt", "not a locale\n");
  ScopedEnv data("TAILOR_DATA_DIR", env_dir.string());
  ScopedEnv xdg("XDG_DATA_HOME", xdg_dir.string());
  EXPECT_EQ(find("styles", "classic.style")->path, (env_dir / "styles" / "classic.style").string());
  EXPECT_EQ(find("styles", "green.style")->path,
            (xdg_dir / "tailor" / "styles" / "green.style").string());
  std::vector<File> styles = list("styles", ".style");
  std::vector<std::string> names;
  for (const File& f : styles) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"classic.style", "compact.style", "datecolumn.style",
                                             "engineering.style", "green.style", "modern.style",
                                             "sidebar.style"}));
  EXPECT_EQ(styles[1].path, "builtin:styles/compact.style");
  for (const File& f : list("locales", ".locale")) EXPECT_NE(f.name, "xx.txt");
}

TEST(BuiltinData, XdgDataHomeDefaultsToLocalShare) {
  fs::path home = fresh_dir("tailor-data-home");
  write(home / ".local" / "share" / "tailor" / "roles" / "mine.rules", "role \"Mine\"\n");
  ScopedEnv data("TAILOR_DATA_DIR", "");
  ScopedEnv xdg("XDG_DATA_HOME", "");
  ScopedEnv h("HOME", home.string());
  EXPECT_EQ(user_dirs("roles"),
            (std::vector<std::string>{(home / ".local/share/tailor/roles").string()}));
}

}  // namespace
}  // namespace tailor::data
