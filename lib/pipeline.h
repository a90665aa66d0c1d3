// The whole pipeline behind one call: bytes in, canonical document out. No I/O: the caller reads
// the file and writes the result.
#pragma once

#include <string>
#include <string_view>

#include "decode.h"
#include "grammar.h"
#include "model.h"
#include "model_simplify.h"
#include "status.h"

namespace fengong {

struct ParseOptions {
  // Recorded as document.source.path. Default: "-".
  std::string source_path = "-";
  // How to read the bytes. Default: detect.
  DecodeOptions decode;
  // The script of output strings. Default: kAsPrinted.
  OutputScript script = OutputScript::kAsPrinted;
};

// Parses one plan. Fails only when the bytes are not a text document (Status kNotText,
// kBadEncoding); everything else the parser could not settle is in the result's warnings.
Result<Document> ParseDocument(std::string_view bytes, const RuleSet& rules,
                               const ParseOptions& options);

// The library's version, e.g. "0.1.0".
const char* Version();

}  // namespace fengong
