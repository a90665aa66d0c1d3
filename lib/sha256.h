// SHA-256 of a byte string, as lowercase hex (for document.source.sha256).
#pragma once

#include <string>
#include <string_view>

namespace fengong {

std::string Sha256Hex(std::string_view bytes);

// The same digest, always from the portable block function (Sha256Hex uses the processor's SHA
// instructions when it has them): tests compare the two.
std::string Sha256HexPortableForTesting(std::string_view bytes);

}  // namespace fengong
