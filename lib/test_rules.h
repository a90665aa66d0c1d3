// Test-only helper: the built-in rule set, loaded once for every *_test.cc.
#pragma once

#include <doctest/doctest.h>

#include "grammar.h"
#include "grammar_builtin.h"

namespace fengong {

// The rule set compiled from the built-in grammars/*.yaml. A grammar that fails to load stops
// the calling test (REQUIRE) with the loader's message, since nothing else can run without it.
inline const RuleSet& TestRules() {
  static const RuleSet* rules = [] {
    Result<RuleSet> loaded = LoadRuleSet(BuiltinGrammarFiles());
    INFO(loaded.status().ToString());
    REQUIRE(loaded.ok());
    return new RuleSet(std::move(loaded.value()));
  }();
  return *rules;
}

}  // namespace fengong
