// Part of stage 5: the plan's metadata from its front matter — the plan's own title (not the
// notice's), region, issuer, 文号, date and period.
#pragma once

#include <vector>

#include "grammar.h"
#include "model.h"
#include "normalize.h"

namespace fengong {

// `front_matter` holds the paragraphs before the body, `back_matter` those that close it (an
// issuer and date signed at the end); `body_sample` more text to find a region in when the title
// and issuer name none.
DocumentMeta ExtractMeta(const std::vector<Passage>& front_matter,
                         const std::vector<Passage>& back_matter,
                         const std::vector<const Passage*>& body_sample, const RuleSet& rules);

// `printed` with whitespace runs beside CJK text removed (a PDF line wrap inside a title).
std::string CollapseCjkSpaces(std::string_view printed);

}  // namespace fengong
