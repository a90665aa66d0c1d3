#include "status.h"

#include <fmt/format.h>

namespace fengong {

Status Status::WithFile(const std::string& file) const {
  Status copy = *this;
  if (copy.pos_.file.empty()) copy.pos_.file = file;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  if (pos_.file.empty() && pos_.line == 0) return message_;
  std::string where = pos_.file.empty() ? "<input>" : pos_.file;
  if (pos_.line > 0) where += fmt::format(":{}", pos_.line);
  if (pos_.column > 0) where += fmt::format(":{}", pos_.column);
  return fmt::format("{}: {}", where, message_);
}

}  // namespace fengong
