// The grammar files compiled into the binary (generated from grammars/*.yaml at build time).
#pragma once

#include <string>
#include <vector>

namespace fengong {

struct GrammarFile {
  std::string name;  // file name, e.g. "numbering.yaml"
  std::string text;  // the YAML text
};

const std::vector<GrammarFile>& BuiltinGrammarFiles();

}  // namespace fengong
