// File and terminal I/O for the CLI: the library itself does none.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "decode.h"
#include "grammar.h"
#include "status.h"

namespace fengong::cli {

// What one input may weigh by default: a plan is rarely over 1 MB, and parsing holds about
// fifteen times the input in memory, so this bounds a run's memory to about 1 GB.
inline constexpr size_t kDefaultMaxInputMb = 64;

// Reads a whole file ("-" is standard input). Errors name the path: kIo when it is missing, a
// directory or cannot be opened or read; kNotText when it holds more than `max_bytes` (checked
// before reading, so a huge file costs no memory).
Result<std::string> ReadInput(const std::string& path,
                              size_t max_bytes = std::numeric_limits<size_t>::max());

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that a
// reader never sees a half-written file.
Status WriteAtomically(const std::string& path, const std::string& bytes);

// The grammar files in `dir` (every *.yaml), for overriding the built-in ones.
Result<std::vector<GrammarFile>> ReadGrammarDir(const std::string& dir);

// "file:line:col: error: message", then the source line and a caret under the column, when
// `source` (the file's text) is given and the status has a line.
std::string FormatError(const Status& status, const std::string& source = "");

// The input's text for an error message's source line: `bytes` decoded with replacement, or ""
// when they are no text at all.
std::string TextForMessages(const std::string& bytes, DecodeOptions options);

}  // namespace fengong::cli
