// Part of stage 2 (normalize): character references that a web page's copy left in the text.
//
// Copying a plan out of a page's source or a CMS editor keeps its HTML character references
// (&ldquo;三个责任&rdquo;, 2024&mdash;2026年, &nbsp;&nbsp; as indentation, &#8220;). An analyst reads
// the characters they stand for, so the printed text gets them: quotes, dashes and spaces match as
// they would had the page been copied from the browser.
#pragma once

#include <string>

#include "grammar.h"

namespace fengong {

// `text` with each character reference the grammar knows replaced (artefacts.yaml:
// character_reference, named_references). Numeric references to NUL, surrogates or past U+10FFFF
// and unknown names stay as printed.
std::string ReplaceCharacterReferences(std::string text, const RuleSet& rules);

}  // namespace fengong
