#include "io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "atomic_file.h"

namespace fengong::cli {

namespace fs = std::filesystem;

namespace {

Status TooLarge(const std::string& path, size_t max_bytes, size_t size = 0) {
  std::string weight = size > 0 ? fmt::format("{:.1f} MB", size / 1e6)
                                : fmt::format("over {:.1f} MB", max_bytes / 1e6);
  return Status::Error(Status::Code::kNotText,
                       fmt::format("the input is {}, over the {:.0f} MB limit for one plan (a plan "
                                   "is rarely over 1 MB; --max-input-mb raises the limit)",
                                   weight, max_bytes / 1e6),
                       SourcePos{path});
}

// Reads `in` to its end, failing as soon as it holds more than `max_bytes`. With the size known
// beforehand the buffer is allocated once, so reading costs the input's size and no more.
Result<std::string> ReadAll(std::FILE* in, const std::string& path, size_t expected_size,
                            size_t max_bytes) {
  std::string bytes;
  bytes.reserve(std::min(expected_size, max_bytes));
  char chunk[64 * 1024];
  for (;;) {
    size_t n = std::fread(chunk, 1, sizeof chunk, in);
    if (n > max_bytes - bytes.size()) return TooLarge(path, max_bytes);
    bytes.append(chunk, n);
    if (n == sizeof chunk) continue;
    if (std::ferror(in)) {
      return Status::Error(Status::Code::kIo, fmt::format("read failed: {}", std::strerror(errno)),
                           SourcePos{path});
    }
    return bytes;
  }
}

}  // namespace

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  if (path == "-") return ReadAll(stdin, path, 0, max_bytes);
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    std::string why = !error || error == std::errc::no_such_file_or_directory
                          ? "no such file"
                          : fmt::format("cannot read: {}", error.message());
    return Status::Error(Status::Code::kIo, why, SourcePos{path});
  }
  if (fs::is_directory(status)) {
    return Status::Error(Status::Code::kIo, "is a directory, not a file", SourcePos{path});
  }
  size_t size = fs::is_regular_file(status) ? fs::file_size(path, error) : 0;
  if (error) size = 0;
  if (size > max_bytes) return TooLarge(path, max_bytes, size);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!in) {
    return Status::Error(Status::Code::kIo, fmt::format("cannot open: {}", std::strerror(errno)),
                         SourcePos{path});
  }
  return ReadAll(in.get(), path, size, max_bytes);
}

Status WriteAtomically(const std::string& path, const std::string& bytes) {
  Result<std::unique_ptr<AtomicFile>> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  if (Status appended = file.value()->Append(bytes); !appended.ok()) return appended;
  return file.value()->Commit();
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
        pad += c == '\t' ? '\t' : ' ';
        if (c >= 0xE0) pad += ' ';  // CJK characters are two columns wide
        ++column;
      }
      out += "  " + pad + "^\n";
    }
  }
  return out;
}

std::string TextForMessages(const std::string& bytes, DecodeOptions options) {
  options.invalid_bytes = InvalidBytes::kReplace;
  Diagnostics ignored;
  Result<DecodedText> decoded = Decode(bytes, options, &ignored);
  return decoded.ok() ? decoded.value().text : "";
}

}  // namespace fengong::cli
