// A saved parse output (schema fengong/1, YAML or JSON) read back into the model, so that diff
// can compare plans parsed earlier with plans given as text.
#pragma once

#include <string_view>

#include "model.h"
#include "status.h"

namespace fengong {

// True when `bytes` start like a saved output (a YAML `schema: fengong/…` line or a JSON object
// with a "schema" key) rather than a plan's text.
bool LooksLikeSavedOutput(std::string_view bytes);

// Reads a saved output. Fails (kInvalidArgument, with the line and column of the offending node)
// on YAML that does not parse, another schema, a missing key or a value of the wrong type.
// Warnings with a code this version does not know are dropped: diff does not use them.
Result<Document> LoadDocument(std::string_view text);

}  // namespace fengong
