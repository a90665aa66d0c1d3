// Errors as values: a leveldb-style Status with a code, a message and an optional source position.
#pragma once

#include <string>
#include <utility>

namespace fengong {

// A position in an input or grammar file. line and column are 1-based; 0 means unknown.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

class Status {
 public:
  // What failed. The CLI maps each code to its documented exit status.
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's request cannot be carried out
    kNotText,          // the input bytes are not a text document (binary, PDF, empty, …)
    kBadEncoding,      // the input cannot be decoded under the requested encoding
    kBadGrammar,       // a grammar file does not load or a pattern does not compile
    kIo,               // reading or writing failed (only the CLI produces these)
    kInternal,
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(Code code, std::string message, SourcePos pos = {}) {
    return Status(code, std::move(message), std::move(pos));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourcePos& pos() const { return pos_; }
  // A copy of this status whose position names `file` when it had none.
  Status WithFile(const std::string& file) const;

  // "file:line:col: message", or just the message when no position is known.
  std::string ToString() const;

 private:
  Status(Code code, std::string message, SourcePos pos)
      : code_(code), message_(std::move(message)), pos_(std::move(pos)) {}

  Code code_ = Code::kOk;
  std::string message_;
  SourcePos pos_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() { return value_; }
  const T& value() const { return value_; }

 private:
  Status status_;
  T value_{};
};

}  // namespace fengong
