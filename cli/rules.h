// What every subcommand that parses plans needs: the rule set and the exit status of a failure.
#pragma once

#include <string>
#include <vector>

#include "grammar.h"
#include "status.h"

namespace fengong::cli {

// Loads the built-in grammars, or those with `grammar_dir`'s files in their place. *files
// receives the grammar files used, for quoting a bad line in the error message.
Result<RuleSet> LoadRules(const std::string& grammar_dir, std::vector<GrammarFile>* files);

// The text of the grammar file a status names ("grammars/units.yaml"), or "".
std::string GrammarText(const std::vector<GrammarFile>& files, const std::string& file);

// The documented exit status for a failed status.
int ExitCodeFor(const Status& status);

}  // namespace fengong::cli
