#include "inputs.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
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

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
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

// Collects the inputs, dropping a file already taken.
class Collector {
 public:
  explicit Collector(const std::vector<std::string>& skip) {
    for (const std::string& path : skip) {
      std::error_code error;
      if (fs::exists(path, error)) skip_.push_back(fs::path(path));
    }
  }

  void Add(const std::string& path, const std::string& relative, uint64_t size) {
    std::error_code error;
    std::string key = path == "-" ? "-" : fs::weakly_canonical(path, error).string();
    if (error) key = path;
    if (!taken_.insert(key).second) return;
    list_.files.push_back(InputFile{path, relative, size});
  }

  void Problem(const std::string& argument, const std::string& reason) {
    list_.problems.push_back(Status::Error(Status::Code::kIo, reason, SourcePos{argument}));
  }

  bool Skipped(const fs::path& path) const {
    for (const fs::path& skip : skip_) {
      std::error_code error;
      if (fs::equivalent(path, skip, error)) return true;
    }
    return false;
  }

  InputList Take() { return std::move(list_); }

 private:
  std::vector<fs::path> skip_;
  std::set<std::string> taken_;
  InputList list_;
};

// Every regular, visible file below `root` as (path, size), sorted by the path relative to root.
void Walk(const fs::path& root, Collector* collector,
          std::vector<std::pair<fs::path, uint64_t>>* files) {
  std::error_code error;
  fs::directory_iterator it(root, error), end;
  if (error) {
    collector->Problem(root.string(), fmt::format("cannot read the folder: {}", error.message()));
    return;
  }
  for (; it != end; it.increment(error)) {
    const fs::directory_entry& entry = *it;
    if (IsHidden(entry.path()) || collector->Skipped(entry.path())) continue;
    std::error_code kind_error;
    if (entry.is_directory(kind_error) && !entry.is_symlink(kind_error)) {
      Walk(entry.path(), collector, files);
    } else if (entry.is_regular_file(kind_error)) {
      std::error_code size_error;
      uint64_t size = entry.file_size(size_error);
      files->emplace_back(entry.path(), size_error ? 0 : size);
    }
  }
  if (error) {
    collector->Problem(root.string(), fmt::format("cannot read the folder: {}", error.message()));
  }
}

struct Found {
  std::string relative;  // below the walked folder, "/"-separated
  fs::path path;
  uint64_t size;
};

std::vector<Found> SortedWalk(const fs::path& root, Collector* collector) {
  std::vector<std::pair<fs::path, uint64_t>> files;
  Walk(root, collector, &files);
  std::vector<Found> found;
  for (auto& [path, size] : files) {
    found.push_back(Found{path.lexically_relative(root).generic_string(), path, size});
  }
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
    for (const Found& file : found) collector->Add(file.path.string(), file.relative, file.size);
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
  std::string rest;
  for (size_t i = literal; i < parts.size(); ++i) rest += (rest.empty() ? "" : "/") + parts[i];
  fs::path root = base.empty() ? fs::path(".") : base;
  std::error_code error;
  size_t matched = 0;
  if (fs::is_directory(root, error)) {
    for (const Found& file : SortedWalk(root, collector)) {
      if (!GlobMatch(rest, file.relative)) continue;
      collector->Add(base.empty() ? file.relative : file.path.string(), file.relative, file.size);
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
  return MatchFrom(Components(pattern), 0, Components(path), 0);
}

InputList ExpandInputs(const InputOptions& options) {
  Collector collector(options.skip);
  for (const std::string& path : options.paths) AddPath(path, FileName(path), &collector);
  for (const std::string& glob : options.globs) AddGlob(glob, &collector);
  for (const std::string& list : options.lists) AddList(list, &collector);
  return collector.Take();
}

}  // namespace fengong::cli
