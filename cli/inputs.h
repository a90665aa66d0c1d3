// Which files a batch reads: command-line paths, folders walked recursively, glob patterns and
// lists of paths, expanded into one list in a stable order without duplicates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "status.h"

namespace fengong::cli {

// One file to parse.
struct InputFile {
  std::string path;      // as it is read and recorded in document.source.path; "-" = stdin
  std::string relative;  // its path below the folder or glob base it came from (the file name
                         // for a path given directly): what an output folder mirrors
  uint64_t size = 0;     // bytes, for progress; 0 when unknown (standard input, missing file)
};

struct InputOptions {
  // Files, folders or "-", in command-line order. Default: none.
  std::vector<std::string> paths;
  // Glob patterns: * ? [...] within a path component, ** for any number of folders.
  // Default: none.
  std::vector<std::string> globs;
  // Files listing one path a line ("-" = standard input); each path is taken like `paths`.
  // Default: none.
  std::vector<std::string> lists;
  // Files and folders a walk never takes (the batch's own outputs). Default: none.
  std::vector<std::string> skip;
};

struct InputList {
  std::vector<InputFile> files;
  // Arguments that gave no file: a glob that matched nothing, a list or folder that cannot be
  // read. Each names the argument; the batch reports them as failures.
  std::vector<Status> problems;
};

// Expands the options, in this order: `paths`, then `globs`, then `lists`. A path that is not a
// folder is taken as it is (a missing file fails when it is read, with the reason). A folder gives
// its regular files, recursively, skipping hidden files and folders (names starting with "."),
// not following symbolic links to folders, sorted by their relative path (byte order); a glob
// gives its matches sorted the same way; a list keeps its order. A file already taken (same
// canonical path) is not taken again.
InputList ExpandInputs(const InputOptions& options);

// True when `name` (one path component, no "/") matches the glob component `pattern`.
bool GlobMatchComponent(const std::string& pattern, const std::string& name);

// True when the relative path `path` ("a/b/c.txt") matches `pattern` ("**/*.txt").
bool GlobMatch(const std::string& pattern, const std::string& path);

}  // namespace fengong::cli
