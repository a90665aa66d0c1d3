// Stage 1: input bytes to UTF-8 text with "\n" line ends, recording what the bytes were.
#pragma once

#include <string>
#include <string_view>

#include "diagnostics.h"
#include "status.h"

namespace fengong {

struct DecodeOptions {
  // The encoding to read the bytes as ("UTF-8", "GB18030", "UTF-16LE", …). Default: "" = detect
  // from a BOM, then UTF-8 if the bytes are valid UTF-8, else GB18030.
  std::string encoding;
};

struct DecodedText {
  std::string text;      // UTF-8, no BOM, "\n" line ends
  std::string encoding;  // what the input was decoded from
};

// Fails with kNotText for empty or binary input and for files that are other formats (PDF, DOCX,
// XLSX, HTML is accepted as text), and with kBadEncoding when a forced encoding is unknown.
// Invalid byte sequences are replaced with U+FFFD and reported to `diagnostics` with their line.
Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           Diagnostics* diagnostics);

}  // namespace fengong
