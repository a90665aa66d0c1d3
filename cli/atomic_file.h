// An output file that appears whole or not at all: bytes go to a hidden temporary file beside
// it, which Commit() renames into place. Destroyed without a Commit() (a failed write, an
// interrupted batch), it removes the temporary, so nothing half-written is left behind.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "status.h"

namespace fengong::cli {

class AtomicFile {
 public:
  // Opens the temporary for `path`. Fails (kIo, naming `path`) when it cannot be created.
  static Result<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Status Append(std::string_view bytes);
  // Flushes and renames the temporary into place. REQUIRES: not committed yet.
  Status Commit();

  // The temporary's name for `path`: ".<name>.<pid>.tmp" in the same folder.
  static std::string TemporaryFor(const std::string& path);

 private:
  AtomicFile(std::string path, std::string temporary, std::FILE* file)
      : path_(std::move(path)), temporary_(std::move(temporary)), file_(file) {}
  Status Fail(const std::string& message);

  std::string path_;
  std::string temporary_;
  std::FILE* file_;  // owned; null once closed
  bool committed_ = false;
};

}  // namespace fengong::cli
