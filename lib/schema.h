// The JSON Schema (draft 2020-12) of the canonical document, fengong/1. It lives as data in
// schemas/fengong-1.schema.json and is compiled in at build time (like the grammars), so the
// binary, the installed share/fengong/ copy and the tests read one text.
#pragma once

#include <string_view>

namespace fengong {

// The schema's text, JSON ending with a newline. The $id is "urn:fengong:schema:fengong-1".
std::string_view JsonSchema();

}  // namespace fengong
