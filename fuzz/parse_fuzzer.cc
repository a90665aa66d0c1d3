// libFuzzer target: arbitrary bytes through the whole pipeline, decode to emit, as `fengong parse`
// runs it. Build and run: README.md, "Fuzzing and sanitizers".
//
// The input's length picks the options (default, --strict, --to-simplified, a forced encoding),
// so one corpus explores every path without spending input bytes on flags, and the samples seed
// it unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "emit.h"
#include "grammar.h"
#include "grammar_builtin.h"
#include "pipeline.h"

namespace {

const fengong::RuleSet& Rules() {
  static const fengong::RuleSet* rules = [] {
    fengong::Result<fengong::RuleSet> loaded = fengong::LoadRuleSet(fengong::BuiltinGrammarFiles());
    if (!loaded.ok()) {
      std::fprintf(stderr, "parse_fuzzer: %s\n", loaded.status().ToString().c_str());
      std::abort();
    }
    return new fengong::RuleSet(std::move(loaded.value()));
  }();
  return *rules;
}

fengong::ParseOptions OptionsFor(size_t size) {
  fengong::ParseOptions options;
  options.source_path = "fuzz.txt";
  switch (size % 5) {
    case 1: options.decode.invalid_bytes = fengong::InvalidBytes::kFail; break;
    case 2: options.script = fengong::OutputScript::kSimplified; break;
    case 3: options.decode.encoding = "GB18030"; break;
    case 4: options.decode.encoding = "UTF-16LE"; break;
    default: break;
  }
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fengong::Result<fengong::Document> document =
      fengong::ParseDocument(bytes, Rules(), OptionsFor(size));
  if (!document.ok()) return 0;
  // Both writers run over whatever the parser made of the bytes.
  std::string yaml = fengong::Emit(document.value(), fengong::Format::kYaml);
  std::string json = fengong::Emit(document.value(), fengong::Format::kJson);
  if (yaml.empty() || json.empty()) std::abort();
  return 0;
}
