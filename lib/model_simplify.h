// The document in Simplified characters (--to-simplified), for analysts who compare plans from
// Traditional and Simplified sources side by side. Works on the model, after extraction: the
// parse itself already matched on a Simplified view (normalize_script.h).
#pragma once

#include "model.h"

namespace fengong {

// Which script output strings are written in.
enum class OutputScript {
  kAsPrinted,   // as the input printed them
  kSimplified,  // every output string through ICU's Hant-Hans transliterator
};

// Rewrites every string of `document` in Simplified characters, except source (a path, a hash and
// names), then merges what the rewrite made equal: repeated unit names in a task's lists, and
// entries of the unit index.
void ToSimplified(Document* document);

}  // namespace fengong
