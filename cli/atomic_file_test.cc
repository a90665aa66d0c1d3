#include "atomic_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("fengong-atomic-test-" + std::to_string(getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  size_t Entries() const { return std::distance(fs::directory_iterator(path), {}); }
  fs::path path;
};

TEST_CASE("AtomicFile: the file appears on Commit, whole") {
  TempDir dir;
  std::string target = (dir.path / "all.jsonl").string();
  std::ofstream(target) << "old";
  auto file = AtomicFile::Create(target);
  REQUIRE(file.ok());
  CHECK(file.value()->Append("one\n").ok());
  CHECK(file.value()->Append("two\n").ok());
  CHECK(Read(target) == "old");  // readers see the old file until the rename
  CHECK(fs::exists(AtomicFile::TemporaryFor(target)));
  CHECK(file.value()->Commit().ok());
  CHECK(Read(target) == "one\ntwo\n");
  CHECK(dir.Entries() == 1);
}

TEST_CASE("AtomicFile: dropped without Commit, it leaves no temporary and no file") {
  TempDir dir;
  std::string target = (dir.path / "all.csv").string();
  {
    auto file = AtomicFile::Create(target);
    REQUIRE(file.ok());
    CHECK(file.value()->Append("partial").ok());
  }
  CHECK(dir.Entries() == 0);
}

TEST_CASE("AtomicFile: a folder that does not exist fails with the path") {
  auto file = AtomicFile::Create("/nonexistent-folder/x.csv");
  REQUIRE(!file.ok());
  CHECK(file.status().pos().file == "/nonexistent-folder/x.csv");
  CHECK(file.status().message().rfind("cannot write: ", 0) == 0);
}

}  // namespace
}  // namespace fengong::cli
