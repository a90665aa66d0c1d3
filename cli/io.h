// File and terminal I/O for the CLI: the library itself does none.
#pragma once

#include <string>
#include <vector>

#include "grammar.h"
#include "status.h"

namespace fengong::cli {

// Reads a whole file ("-" is standard input). kIo errors name the path.
Result<std::string> ReadInput(const std::string& path);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that a
// reader never sees a half-written file.
Status WriteAtomically(const std::string& path, const std::string& bytes);

// The grammar files in `dir` (every *.yaml), for overriding the built-in ones.
Result<std::vector<GrammarFile>> ReadGrammarDir(const std::string& dir);

// "file:line:col: error: message", then the source line and a caret under the column, when
// `source` (the file's text) is given and the status has a line.
std::string FormatError(const Status& status, const std::string& source = "");

}  // namespace fengong::cli
