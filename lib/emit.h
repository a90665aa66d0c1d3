// Stage 7: the model as YAML (default) or JSON, with every schema key present in a fixed order.
// Same model, same bytes.
#pragma once

#include <string>
#include <string_view>

#include "model.h"

namespace fengong {

enum class Format { kYaml, kJson };

std::string Emit(const Document& document, Format format);

// `text` as a JSON string literal, quotes included, escaped as Emit escapes it (also a valid
// YAML double-quoted scalar).
std::string JsonString(std::string_view text);

}  // namespace fengong
