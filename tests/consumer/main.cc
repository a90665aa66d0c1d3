// A program outside fengong's tree, built against the installed package: one plan in, its JSON out.
#include <fengong/emit.h>
#include <fengong/pipeline.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::stringstream bytes;
  bytes << std::ifstream(argv[1], std::ios::binary).rdbuf();
  fengong::Result<fengong::RuleSet> rules = fengong::LoadRuleSet(fengong::BuiltinGrammarFiles());
  fengong::ParseOptions options;
  options.source_path = argv[1];
  fengong::Result<fengong::Document> document =
      fengong::ParseDocument(bytes.str(), rules.value(), options);
  if (!document.ok()) return std::cerr << document.status().ToString() << "\n", 1;
  std::cout << fengong::Emit(document.value(), fengong::Format::kJson);
}
