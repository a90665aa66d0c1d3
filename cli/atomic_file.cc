#include "atomic_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fengong::cli {

namespace fs = std::filesystem;

std::string AtomicFile::TemporaryFor(const std::string& path) {
  fs::path target(path);
  return (target.parent_path() /
          fmt::format(".{}.{}.tmp", target.filename().string(), static_cast<long>(getpid())))
      .string();
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  std::string temporary = TemporaryFor(path);
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    return Status::Error(Status::Code::kIo, fmt::format("cannot write: {}", std::strerror(errno)),
                         SourcePos{path});
  }
  return std::unique_ptr<AtomicFile>(new AtomicFile(path, std::move(temporary), file));
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_) std::remove(temporary_.c_str());
}

Status AtomicFile::Fail(const std::string& message) {
  return Status::Error(Status::Code::kIo, message, SourcePos{path_});
}

Status AtomicFile::Append(std::string_view bytes) {
  if (file_ == nullptr) return Fail("write after close");
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return Fail(fmt::format("write failed: {}", std::strerror(errno)));
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return Fail("commit after close");
  bool flushed = std::fflush(file_) == 0;
  int error = errno;
  flushed = std::fclose(file_) == 0 && flushed;
  file_ = nullptr;
  if (!flushed) return Fail(fmt::format("write failed: {}", std::strerror(error)));
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return Fail(fmt::format("cannot rename into place: {}", std::strerror(errno)));
  }
  committed_ = true;
  return Status::Ok();
}

}  // namespace fengong::cli
