#include "io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>

namespace fengong::cli {

namespace fs = std::filesystem;

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    return Status::Error(Status::Code::kIo, "no such file", SourcePos{path});
  }
  if (fs::is_directory(status)) {
    return Status::Error(Status::Code::kIo, "is a directory, not a file", SourcePos{path});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(Status::Code::kIo, fmt::format("cannot open: {}", std::strerror(errno)),
                         SourcePos{path});
  }
  // Read in blocks straight into the string (not a character at a time through an iterator).
  std::string bytes;
  uintmax_t size = fs::file_size(path, error);
  if (!error) bytes.reserve(static_cast<size_t>(size));
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    bytes.append(block, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return Status::Error(Status::Code::kIo, "read failed", SourcePos{path});
  return bytes;
}

Status WriteAtomically(const std::string& path, const std::string& bytes) {
  fs::path target(path);
  fs::path temp = target.parent_path() /
                  fmt::format(".{}.{}.tmp", target.filename().string(), static_cast<long>(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status::Error(Status::Code::kIo,
                           fmt::format("cannot write: {}", std::strerror(errno)), SourcePos{path});
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return Status::Error(Status::Code::kIo, "write failed", SourcePos{path});
    }
  }
  std::error_code error;
  fs::rename(temp, target, error);
  if (error) {
    fs::remove(temp, error);
    return Status::Error(Status::Code::kIo, fmt::format("cannot rename into place"),
                         SourcePos{path});
  }
  return Status::Ok();
}

Result<std::vector<GrammarFile>> ReadGrammarDir(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return Status::Error(Status::Code::kIo, "grammar folder not found", SourcePos{dir});
  }
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".yaml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<GrammarFile> files;
  for (const fs::path& p : paths) {
    Result<std::string> text = ReadInput(p.string());
    if (!text.ok()) return text.status();
    files.push_back(GrammarFile{p.filename().string(), text.value()});
  }
  return files;
}

namespace {

std::string LineOf(const std::string& source, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = source.find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  size_t end = source.find('\n', start);
  return source.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

std::string FormatError(const Status& status, const std::string& source) {
  const SourcePos& pos = status.pos();
  std::string where = pos.file.empty() ? "fengong" : pos.file;
  if (pos.line > 0) where += fmt::format(":{}", pos.line);
  if (pos.column > 0) where += fmt::format(":{}", pos.column);
  std::string out = fmt::format("{}: error: {}\n", where, status.message());
  if (pos.line > 0 && !source.empty()) {
    std::string line = LineOf(source, pos.line);
    out += "  " + line + "\n";
    if (pos.column > 0) {
      // The caret sits under the column counted in bytes of ASCII, characters elsewhere.
      std::string pad;
      size_t column = 0;
      for (size_t i = 0; i < line.size() && column + 1 < static_cast<size_t>(pos.column); ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : (c < 0x80 ? ' ' : ' ');
        if (c >= 0xE0) pad += ' ';  // CJK characters are two columns wide
        ++column;
      }
      out += "  " + pad + "^\n";
    }
  }
  return out;
}

}  // namespace fengong::cli
