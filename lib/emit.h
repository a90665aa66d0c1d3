// Stage 7: the model as YAML (default), JSON or a JSON line, with every schema key present in a
// fixed order. Same model, same bytes. Batch formats over many models: emit_csv.h.
#pragma once

#include <string>
#include <string_view>

#include "model.h"

namespace fengong {

enum class Format {
  kYaml,      // block YAML, ends with a newline
  kJson,      // indented JSON, ends with a newline
  kJsonLine,  // the same JSON on one line (no newline inside, strings escape U+2028/U+2029)
              // followed by "\n": one document a line of a JSON Lines stream
};

std::string Emit(const Document& document, Format format);

// `text` as a JSON string literal, quotes included, escaped as Emit escapes it (also a valid
// YAML double-quoted scalar).
std::string JsonString(std::string_view text);

}  // namespace fengong
