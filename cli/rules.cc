#include "rules.h"

#include "exit_codes.h"
#include "io.h"

namespace fengong::cli {

Result<RuleSet> LoadRules(const std::string& grammar_dir, std::vector<GrammarFile>* files) {
  std::vector<GrammarFile> overrides;
  if (!grammar_dir.empty()) {
    Result<std::vector<GrammarFile>> read = ReadGrammarDir(grammar_dir);
    if (!read.ok()) return read.status();
    overrides = read.value();
  }
  *files = MergeGrammarFiles(overrides);
  return LoadRuleSet(*files);
}

std::string GrammarText(const std::vector<GrammarFile>& files, const std::string& file) {
  for (const GrammarFile& f : files) {
    if (file == "grammars/" + f.name) return f.text;
  }
  return "";
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotText:
    case Status::Code::kBadEncoding:
      return kExitNotText;
    case Status::Code::kBadGrammar:
      return kExitBadGrammar;
    case Status::Code::kIo:
      return kExitUnreadable;
    default:
      return kExitNotText;
  }
}

}  // namespace fengong::cli
