// Stage 1: input bytes to UTF-8 text with "\n" line ends, recording what the bytes were.
//
// Order: refuse other file formats by their leading bytes (PDF, DOCX, XLSX, DOC, images,
// archives); take the encoding from --encoding, else a byte-order mark, else detect it
// (decode_detect.h); convert; then refuse markup (HTML) and text that is empty or only whitespace.
#pragma once

#include <string>
#include <string_view>

#include "diagnostics.h"
#include "status.h"

namespace fengong {

// What to do with byte sequences that are not valid in the input's encoding.
enum class InvalidBytes {
  kReplace,  // each becomes U+FFFD, with an invalid-bytes warning naming its line
  kFail,     // the first one fails the decode with its line:column (--strict)
};

struct DecodeOptions {
  // The encoding to read the bytes as: any name ICU knows ("UTF-8", "GB18030", "GBK", "Big5",
  // "UTF-16LE", …). Default: "" = a byte-order mark, else detection among UTF-8, GB18030, Big5
  // and UTF-16.
  std::string encoding;
  // Default: kReplace (one bad byte in a long plan should not cost the analyst the whole plan).
  InvalidBytes invalid_bytes = InvalidBytes::kReplace;
};

struct DecodedText {
  std::string text;      // UTF-8, no BOM, "\n" line ends
  std::string encoding;  // what the input was decoded from: "UTF-8", "GB18030", "UTF-16LE", …
};

// Fails with kNotText for empty, whitespace-only or binary input and for other formats (PDF,
// DOCX, XLSX, DOC, HTML, images, archives): the message says what the file is. Fails with
// kInvalidArgument for an encoding name ICU does not know, and with kBadEncoding (with the
// line:column of the first bad sequence) for invalid bytes under InvalidBytes::kFail.
// Under kReplace, each line with invalid bytes gets an invalid-bytes warning, and a line longer
// than 64 KiB a long-line warning (its line breaks were probably lost in extraction).
Result<DecodedText> Decode(std::string_view bytes, const DecodeOptions& options,
                           Diagnostics* diagnostics);

}  // namespace fengong
