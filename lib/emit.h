// Stage 7: the model as YAML (default) or JSON, with every schema key present in a fixed order.
// Same model, same bytes.
#pragma once

#include <string>

#include "model.h"

namespace fengong {

enum class Format { kYaml, kJson };

std::string Emit(const Document& document, Format format);

}  // namespace fengong
