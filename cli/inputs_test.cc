#include "inputs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

// A temp folder holding `files` (relative paths), removed at the end of the test.
struct TempTree {
  explicit TempTree(const std::vector<std::string>& files) {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("fengong-inputs-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(root);
    for (const std::string& file : files) {
      fs::create_directories((root / file).parent_path());
      std::ofstream(root / file) << file;
    }
  }
  ~TempTree() { fs::remove_all(root); }
  std::string operator/(const std::string& relative) const { return (root / relative).string(); }
  fs::path root;
};

// "relative" of each file, and "!argument" for each problem.
std::vector<std::string> Dump(const InputList& list) {
  std::vector<std::string> out;
  for (const InputFile& file : list.files) out.push_back(file.relative);
  for (const Status& problem : list.problems) out.push_back("!" + problem.message());
  return out;
}

struct GlobCase {
  const char* pattern;
  const char* path;
  bool matches;
};

constexpr GlobCase kGlobCases[] = {
    {"*.txt", "a.txt", true},
    {"*.txt", "d/a.txt", false},  // * stays within one folder
    {"**/*.txt", "a.txt", true},  // ** may be no folder at all
    {"**/*.txt", "d/e/a.txt", true},
    {"d/**/a.txt", "d/a.txt", true},
    {"d/**", "d/e/a.txt", true},
    {"d/*/a.txt", "d/a.txt", false},
    {"?.txt", "ab.txt", false},
    {"[ab].txt", "b.txt", true},
    {"*.txt", ".hidden.txt", false},  // a leading dot is matched only explicitly
    {"规划*.txt", "规划纲要.txt", true},
};

TEST_CASE("GlobMatch: * ? [..] within a name, ** across folders") {
  for (const GlobCase& row : kGlobCases) {
    CAPTURE(row.pattern);
    CAPTURE(row.path);
    CHECK(GlobMatch(row.pattern, row.path) == row.matches);
  }
}

TEST_CASE("ExpandInputs: a folder gives its visible files, sorted, relative to the folder") {
  TempTree tree({"plans/b.txt", "plans/a/z.txt", "plans/a/y.doc", "plans/.git/x.txt",
                 "plans/.hidden.txt", "plans/c.txt"});
  InputOptions options;
  options.paths = {tree / "plans"};
  InputList list = ExpandInputs(options);
  CHECK(Dump(list) == std::vector<std::string>{"a/y.doc", "a/z.txt", "b.txt", "c.txt"});
  CHECK(list.files[2].path == (fs::path(tree / "plans") / "b.txt").string());
  CHECK(list.files[2].size == std::string("plans/b.txt").size());
}

TEST_CASE("ExpandInputs: paths keep their order; a file named twice is read once") {
  TempTree tree({"d/a.txt", "d/b.txt"});
  InputOptions options;
  options.paths = {tree / "d/b.txt", tree / "d/a.txt", tree / "d", tree / "d/../d/b.txt"};
  CHECK(Dump(ExpandInputs(options)) == std::vector<std::string>{"b.txt", "a.txt"});
}

TEST_CASE("ExpandInputs: a missing file is kept for the read to report; empty finds are problems") {
  TempTree tree({"d/a.txt", "empty/.keep"});
  InputOptions options;
  options.paths = {tree / "missing.txt", tree / "empty"};
  options.globs = {tree / "d/*.pdf"};
  CHECK(Dump(ExpandInputs(options)) ==
        std::vector<std::string>{"missing.txt",
                                 "!the folder holds no file (hidden ones are skipped)",
                                 "!no file matches this pattern"});
}

TEST_CASE("ExpandInputs: a glob's files are relative to the folder before its first wildcard") {
  TempTree tree({"p/x/1.txt", "p/y/z/2.txt", "p/y/3.md", "p/4.txt"});
  InputOptions options;
  options.globs = {tree / "p/**/*.txt"};
  CHECK(Dump(ExpandInputs(options)) == std::vector<std::string>{"4.txt", "x/1.txt", "y/z/2.txt"});
}

TEST_CASE("ExpandInputs: a list keeps its order and its relative paths; the output is skipped") {
  TempTree tree({"in/a.txt", "in/b.txt", "in/out/old.yaml", "list.txt"});
  std::ofstream(tree / "list.txt") << "in/b.txt\r\n\n" << (tree / "in/a.txt") << "\n";
  fs::path cwd = fs::current_path();
  fs::current_path(tree.root);
  InputOptions options;
  options.lists = {"list.txt"};
  options.paths = {"in"};
  options.skip = {"in/out"};
  InputList list = ExpandInputs(options);
  fs::current_path(cwd);
  // The folder first (paths come before lists), then only what the list adds.
  CHECK(Dump(list) == std::vector<std::string>{"a.txt", "b.txt"});
  options.paths.clear();
  fs::current_path(tree.root);
  list = ExpandInputs(options);
  fs::current_path(cwd);
  CHECK(Dump(list) == std::vector<std::string>{"in/b.txt", "a.txt"});
}

}  // namespace
}  // namespace fengong::cli
