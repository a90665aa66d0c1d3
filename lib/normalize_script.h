// Part of stage 2 (normalize): Traditional characters in the matching view.
//
// Matching runs on a Simplified view, so that a plan printed in Traditional characters (繁體)
// yields the same tasks, units and targets: the fold maps each Traditional ideograph to its
// Simplified form, one code point to one, so the offset map back to the printed text stays exact.
#pragma once

namespace fengong {

// The Simplified form of the ideograph `c` (區 → 区, 協 → 协), or `c` itself when it has no
// single-code-point Simplified form or is not an ideograph. A table lookup, no ICU call.
char32_t SimplifiedForm(char32_t c);

}  // namespace fengong
