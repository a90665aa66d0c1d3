// Part of stage 1 (decode): bytes in a named encoding to UTF-8, keeping where each byte sequence
// that is not valid in that encoding was. ICU does the conversion; this header hides it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "status.h"

namespace fengong {

// One byte sequence the converter could not read.
struct BadSequence {
  size_t text_offset = 0;  // where its U+FFFD stands in Converted::text
  std::string bytes;       // the offending bytes, as read
};

struct Converted {
  std::string text;              // UTF-8; each bad sequence became one U+FFFD
  std::vector<BadSequence> bad;  // the first ConvertOptions::max_recorded bad sequences
  size_t bad_count = 0;          // all of them
};

struct ConvertOptions {
  // Stop at the first bad sequence (for --strict: the text after it is not needed).
  // Default: false.
  bool stop_at_first_bad = false;
  // The bytes are a prefix of the input (a detection sample): a character cut off at the end is
  // not a bad sequence. Default: false.
  bool prefix_only = false;
  // How many bad sequences to keep in Converted::bad. Default: 100.
  size_t max_recorded = 100;
};

// Converts `bytes` from `encoding` (any name or alias ICU knows) to UTF-8. Fails with
// kInvalidArgument when ICU does not know the encoding; bad byte sequences never fail the call.
Result<Converted> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                const ConvertOptions& options = {});

// The name output records for `encoding`: its MIME name ("GB18030", "Big5", "UTF-16LE"), else its
// IANA name ("GBK", "UTF-32BE"), else ICU's own name; "" when ICU does not know it.
std::string StandardEncodingName(const std::string& encoding);

// "\xC4\xE3" for the bytes, as a message shows them.
std::string HexBytes(std::string_view bytes);

}  // namespace fengong
