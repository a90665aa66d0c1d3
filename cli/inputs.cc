#include "inputs.h"

#include <fmt/format.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Components(const std::string& path) {
  std::vector<std::string> parts;
  for (const fs::path& part : fs::path(path)) {
    if (!part.empty() && part != "/") parts.push_back(part.string());
  }
  return parts;
}

bool HasWildcard(const std::string& component) {
  return component.find_first_of("*?[") != std::string::npos;
}

bool MatchFrom(const std::vector<std::string>& pattern, size_t p,
               const std::vector<std::string>& path, size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == "**") {
    for (size_t k = s; k <= path.size(); ++k) {
      if (MatchFrom(pattern, p + 1, path, k)) return true;
    }
    return false;
  }
  return s < path.size() && GlobMatchComponent(pattern[p], path[s]) &&
         MatchFrom(pattern, p + 1, path, s + 1);
}

// `pattern` comes split: a glob is split once and matched against every file of a walk.
bool MatchComponents(const std::vector<std::string>& pattern, const std::string& path) {
  return MatchFrom(pattern, 0, Components(path), 0);
}

// What identifies a file whatever path names it: device and inode.
using FileId = std::pair<uint64_t, uint64_t>;

std::optional<FileId> IdOf(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileId{static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino)};
}

// Collects the inputs, dropping a file already taken. Keeps a few bytes per file: batches of
// many thousand files stay small.
class Collector {
 public:
  explicit Collector(const std::vector<std::string>& skip) {
    for (const std::string& path : skip) {
      if (std::optional<FileId> id = IdOf(path)) skip_.insert(*id);
    }
  }

  void Add(std::string path, std::string relative, uint64_t size) {
    std::optional<FileId> id = path == "-" ? std::nullopt : IdOf(path);
    bool fresh = id ? taken_.insert(*id).second : unknown_.insert(path).second;
    if (fresh) list_.files.push_back(InputFile{std::move(path), std::move(relative), size});
  }

  void Problem(const std::string& argument, const std::string& reason) {
    list_.problems.push_back(Status::Error(Status::Code::kIo, reason, SourcePos{argument}));
  }

  bool Skipped(const std::string& path) const {
    if (skip_.empty()) return false;
    std::optional<FileId> id = IdOf(path);
    return id && skip_.count(*id) > 0;
  }

  InputList Take() { return std::move(list_); }

 private:
  std::set<FileId> skip_;
  std::set<FileId> taken_;
  std::set<std::string> unknown_;  // paths that do not exist (yet): by name
  InputList list_;
};

struct Found {
  std::string relative;  // below the walked folder, "/"-separated
  std::string path;
  uint64_t size;
};

// Every regular, visible file below `folder` (whose path below the walk's root is `prefix`).
void Walk(const std::string& folder, const std::string& prefix, Collector* collector,
          std::vector<Found>* files) {
  std::error_code error;
  fs::directory_iterator it(folder, error), end;
  if (error) {
    collector->Problem(folder, fmt::format("cannot read the folder: {}", error.message()));
    return;
  }
  for (; it != end; it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::string path = entry.path().string();
    if (name.empty() || name[0] == '.' || collector->Skipped(path)) continue;
    std::error_code kind_error;
    if (entry.is_directory(kind_error) && !entry.is_symlink(kind_error)) {
      Walk(path, prefix + name + "/", collector, files);
    } else if (entry.is_regular_file(kind_error)) {
      std::error_code size_error;
      uint64_t size = entry.file_size(size_error);
      files->push_back(Found{prefix + name, std::move(path), size_error ? 0 : size});
    }
  }
  if (error) {
    collector->Problem(folder, fmt::format("cannot read the folder: {}", error.message()));
  }
}

// The files below `root`, sorted by their path below it (byte order).
std::vector<Found> SortedWalk(const std::string& root, Collector* collector) {
  std::vector<Found> found;
  Walk(root, "", collector, &found);
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.relative < b.relative; });
  return found;
}

uint64_t SizeOf(const std::string& path) {
  std::error_code error;
  uint64_t size = fs::file_size(path, error);
  return error ? 0 : size;
}

// A path as a command-line argument or a list entry: a folder is walked, anything else is a file.
void AddPath(const std::string& path, const std::string& relative, Collector* collector) {
  std::error_code error;
  if (path != "-" && fs::is_directory(path, error)) {
    std::vector<Found> found = SortedWalk(path, collector);
    if (found.empty())
      collector->Problem(path, "the folder holds no file (hidden ones are skipped)");
    for (Found& file : found)
      collector->Add(std::move(file.path), std::move(file.relative), file.size);
    return;
  }
  collector->Add(path, relative, path == "-" ? 0 : SizeOf(path));
}

std::string FileName(const std::string& path) {
  return path == "-" ? "stdin" : fs::path(path).filename().string();
}

void AddGlob(const std::string& pattern, Collector* collector) {
  std::vector<std::string> parts = Components(pattern);
  size_t literal = 0;
  while (literal < parts.size() && !HasWildcard(parts[literal])) ++literal;
  if (literal == parts.size()) {  // no wildcard: a plain path
    AddPath(pattern, FileName(pattern), collector);
    return;
  }
  fs::path base = pattern.front() == '/' ? fs::path("/") : fs::path();
  for (size_t i = 0; i < literal; ++i) base /= parts[i];
  std::vector<std::string> rest(parts.begin() + literal, parts.end());  // matched below base
  std::string root = base.empty() ? "." : base.string();
  std::error_code error;
  size_t matched = 0;
  if (fs::is_directory(root, error)) {
    for (Found& file : SortedWalk(root, collector)) {
      if (!MatchComponents(rest, file.relative)) continue;
      std::string path = base.empty() ? file.relative : std::move(file.path);
      collector->Add(std::move(path), std::move(file.relative), file.size);
      ++matched;
    }
  }
  if (matched == 0) collector->Problem(pattern, "no file matches this pattern");
}

// A list entry keeps its listed path below the output folder when that stays inside it.
std::string ListedRelative(const std::string& entry) {
  fs::path path(entry);
  if (path.is_absolute()) return FileName(entry);
  for (const fs::path& part : path) {
    if (part == "..") return FileName(entry);
  }
  return path.lexically_normal().generic_string();
}

void AddList(const std::string& list, Collector* collector) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list != "-") {
    file.open(list);
    if (!file) {
      collector->Problem(list, "cannot open the list of files");
      return;
    }
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    AddPath(line, ListedRelative(line), collector);
  }
}

}  // namespace

bool GlobMatchComponent(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

bool GlobMatch(const std::string& pattern, const std::string& path) {
  return MatchComponents(Components(pattern), path);
}

InputList ExpandInputs(const InputOptions& options) {
  Collector collector(options.skip);
  for (const std::string& path : options.paths) AddPath(path, FileName(path), &collector);
  for (const std::string& glob : options.globs) AddGlob(glob, &collector);
  for (const std::string& list : options.lists) AddList(list, &collector);
  return collector.Take();
}

}  // namespace fengong::cli
