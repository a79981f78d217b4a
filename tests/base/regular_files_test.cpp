// The special-file policy: resources only as regular files (a FIFO never blocks), outputs
// never replace a FIFO, a device or a link.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "base/files.hpp"
#include "base/regular_files.hpp"

namespace fs = std::filesystem;
using namespace tailor::base;

namespace {

fs::path scratch(const char* name) {
  fs::path dir = fs::temp_directory_path() /
                 ("tailor-special-" + std::string(name) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST(RegularFiles, FifoResourceIsRefusedWithoutBlocking) {
  fs::path dir = scratch("fifo-read");
  std::string fifo = (dir / "logo.png").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string err;
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(read_regular_file(fifo, err));  // no writer: a blocking open would hang here
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  EXPECT_NE(err.find("FIFO"), std::string::npos) << err;
  EXPECT_NE(err.find("not a regular file"), std::string::npos) << err;
  EXPECT_FALSE(check_regular_resource(fifo, err));
  fs::remove_all(dir);
}

TEST(RegularFiles, DeviceResourceIsRefusedAndRegularFileRead) {
  std::string err;
  EXPECT_FALSE(read_regular_file("/dev/zero", err));
  EXPECT_NE(err.find("character device"), std::string::npos) << err;
  fs::path dir = scratch("regular");
  std::ofstream(dir / "a.style") << "x";
  auto bytes = read_regular_file((dir / "a.style").string(), err);
  ASSERT_TRUE(bytes) << err;
  EXPECT_EQ(*bytes, "x");
  EXPECT_TRUE(check_regular_resource((dir / "missing").string(), err));
  fs::remove_all(dir);
}

TEST(RegularFiles, OutputOverFifoDeviceOrLinkIsRefusedAndLeftAlone) {
  fs::path dir = scratch("targets");
  std::string fifo = (dir / "cv.pdf").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string link = (dir / "out.txt").string();
  fs::create_symlink("/proc/self/fd/1", link);
  std::string err;
  EXPECT_FALSE(check_output_target(fifo, err));
  EXPECT_NE(err.find("FIFO"), std::string::npos) << err;
  EXPECT_FALSE(write_file_atomic(fifo, "pdf", err));
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_FALSE(write_file_atomic(link, "text", err));
  EXPECT_NE(err.find("symbolic link to /proc/self/fd/1"), std::string::npos) << err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_FALSE(check_output_target("/dev/null", err));
  EXPECT_NE(err.find("character device"), std::string::npos) << err;
  // No temporary file was made for any of them.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
  // A regular file and a new name are fine.
  EXPECT_TRUE(check_output_target((dir / "new.pdf").string(), err));
  EXPECT_TRUE(write_file_atomic((dir / "new.pdf").string(), "x", err)) << err;
  EXPECT_TRUE(check_output_target((dir / "new.pdf").string(), err));
  fs::remove_all(dir);
}
