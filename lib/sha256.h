// SHA-256 of a byte string, as lowercase hex (for document.source.sha256).
#pragma once

#include <string>
#include <string_view>

namespace fengong {

std::string Sha256Hex(std::string_view bytes);

}  // namespace fengong
