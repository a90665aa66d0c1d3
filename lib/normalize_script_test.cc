#include "normalize_script.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "normalize.h"

namespace fengong {
namespace {

TEST_CASE("SimplifiedForm: Traditional ideographs to Simplified, everything else unchanged") {
  const struct {
    char32_t in, out;
  } cases[] = {
      {U'區', U'区'}, {U'協', U'协'},     {U'頭', U'头'}, {U'責', U'责'},
      {U'衛', U'卫'}, {U'區', U'区'},     {U'发', U'发'}, {U'区', U'区'},
      {U'科', U'科'}, {U'a', U'a'},       {U'「', U'「'},  // punctuation style is not script
      {U'①', U'①'},   {0x20000, 0x20000},
  };
  for (const auto& c : cases) CHECK(static_cast<uint32_t>(SimplifiedForm(c.in)) == c.out);
}

TEST_CASE("Fold: a Traditional plan folds to the Simplified view") {
  const struct {
    std::string_view printed, folded;
  } cases[] = {
      {"（一）實施青少年科學素質提升行動", "(一)实施青少年科学素质提升行动"},
      {"〔牽頭單位：區科協，責任單位：區教育局〕", "〔牵头单位:区科协,责任单位:区教育局〕"},
      {"到２０２５年，全區公民具備科學素質的比例達到１３％",
       "到2025年,全区公民具备科学素质的比例达到13%"},
  };
  for (const auto& c : cases) CHECK(Fold(c.printed) == c.folded);
}

TEST_CASE("Passage: the Simplified view maps back to the Traditional text as printed") {
  Line line;
  line.number = 7;
  line.text = "（二）牽頭單位：區科協";
  Passage passage = Passage::FromLine(line);
  CHECK(passage.folded() == "(二)牵头单位:区科协");
  size_t unit = passage.folded().find("区科协");
  REQUIRE(unit != std::string::npos);
  CHECK(passage.PrintedRange(unit, passage.folded().size()) == "區科協");
  CHECK(passage.Slice(unit, passage.folded().size()).printed() == "區科協");
  CHECK(passage.LineAt(unit) == 7);
}

}  // namespace
}  // namespace fengong
