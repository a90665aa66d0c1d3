// One input of `fengong parse`: read, parse, emit and (with -o DIR) write it. Runs on a worker
// thread: everything it shares with other jobs is read-only.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "grammar.h"
#include "inputs.h"
#include "model.h"
#include "pipeline.h"

namespace fengong::cli {

enum class OutputFormat { kYaml, kJson, kJsonLines, kCsv };

// What every job of a batch shares, read-only.
struct JobSettings {
  // The compiled grammars. REQUIRES: not null, outlives the jobs.
  const RuleSet* rules = nullptr;
  // How to read the bytes (encoding, invalid bytes). Default: detect, replace.
  DecodeOptions decode;
  // The script of the output strings. Default: as printed.
  OutputScript script = OutputScript::kAsPrinted;
  // An input larger than this fails unread. Default: no limit.
  size_t max_input_bytes = std::numeric_limits<size_t>::max();
  // Default: YAML.
  OutputFormat format = OutputFormat::kYaml;
  // Hand the emitted text back (standard output, a JSONL or CSV file). Default: no.
  bool keep_text = false;
  // Hand the model back (--sqlite). Default: no.
  bool keep_document = false;
  // Put the parser's warnings into the messages. Default: yes.
  bool echo_warnings = true;
};

// One input and where its output goes.
struct Job {
  InputFile input;
  // The file to write (-o DIR), or "" when the caller takes the text.
  std::string output;
  // When not empty, the job is refused with this reason and nothing is read.
  std::string refused;
};

struct JobResult {
  int exit_code = 0;     // 0 when parsed (and written); else the input's exit status
  std::string messages;  // for stderr, whole lines: warnings, or the error with its caret
  std::string reason;    // on failure, one line: "path: reason"
  std::string text;      // the emitted output, when keep_text
  std::optional<Document> document;  // when keep_document
  uint64_t bytes = 0;                // input bytes read
  size_t warnings = 0;
};

JobResult RunJob(const Job& job, const JobSettings& settings);

}  // namespace fengong::cli
