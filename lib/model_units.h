// Part of stage 6 (model): who a unit is. A name as printed becomes its canonical name, level
// (区, 县, 市 …) and functional role (grammars/units.yaml), so that 区人社局 and
// 区人力资源和社会保障局 are one office and a Chongqing 区教委 plays the role of a Hubei 县教育局.
//
// A name is read in three steps (units.yaml explains them in full): a collective (各街道) is
// recognised whole; otherwise a bracketed alias is set aside, level rules split off the level, and
// the body is looked up among the offices' names; failing that, the longest office name inside the
// body gives the role alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar.h"
#include "model.h"

namespace fengong {

struct UnitIdentity {
  std::optional<std::string> canonical;  // null only for a name with nothing to read
  std::optional<std::string> level;      // 区, 县, 市, 州, 省, 旗 … as printed
  std::optional<std::string> role;       // a role key of units.yaml, or null when unknown
  bool collective = false;

  std::string Dump() const;  // "unit{区人力资源和社会保障局 区 human-resources}"
};

// Who `name` (as printed) is.
UnitIdentity IdentifyUnit(std::string_view name, const RuleSet& rules);

// Fills canonical, level, role and collective of every entry. An entry the extraction already
// marked collective stays collective.
void IdentifyUnits(const RuleSet& rules, std::vector<UnitEntry>* units);

}  // namespace fengong
