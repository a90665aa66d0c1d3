#include "model_units.h"

#include "normalize.h"
#include "utf8.h"

namespace fengong {
namespace {

// One way of cutting a name: the place before the level, the level, and the body after it.
struct Split {
  std::string place;
  std::string level;
  std::string body;
  const LevelRule* rule = nullptr;  // null: the whole name, no level
};

// The office whose names include `body`, or null.
const Office* ExactOffice(std::string_view body, const UnitRules& units) {
  auto it = units.office_of.find(units.ignored.RemoveAll(body));
  return it == units.office_of.end() ? nullptr : &units.offices[it->second];
}

// A one-character office name (委 of 区委) is too short to be looked for inside other names.
constexpr size_t kShortestContained = 2;

// The office with the longest name inside `body`, or null; the earlier office wins a tie.
const Office* ContainedOffice(std::string_view body, const UnitRules& units) {
  std::string key = units.ignored.RemoveAll(body);
  size_t best = units.offices.size(), best_length = 0;
  for (const auto& [name, index] : units.office_of) {
    if (CodePointCount(name) < kShortestContained || key.find(name) == std::string::npos) continue;
    if (name.size() > best_length || (name.size() == best_length && index < best)) {
      best = index;
      best_length = name.size();
    }
  }
  return best < units.offices.size() ? &units.offices[best] : nullptr;
}

// Every split the level rules allow, in rule order, then the whole name with no level.
std::vector<Split> Splits(const std::string& main, const UnitRules& units) {
  std::vector<Split> splits;
  for (const LevelRule& rule : units.levels) {
    std::vector<std::string_view> groups;
    size_t length = 0;
    if (!rule.pattern.MatchPrefix(main, &length, &groups) || length != main.size()) continue;
    Split split{std::string(groups[0]), std::string(groups[1]), rule.body, &rule};
    if (rule.body.empty()) split.body = std::string(groups[2]);
    splits.push_back(std::move(split));
  }
  splits.push_back(Split{"", "", main, nullptr});
  return splits;
}

std::string CanonicalName(const Split& split, const Office& office) {
  if (split.rule != nullptr && !split.rule->canonical.empty()) {
    std::string name = split.rule->canonical;
    size_t at = name.find("{level}");
    if (at != std::string::npos) name.replace(at, 7, split.level);
    return split.place + name;
  }
  return split.place + split.level + office.names.front();
}

UnitIdentity Collective(const std::string& folded, const UnitRules& units) {
  UnitIdentity identity;
  for (const CollectiveRule& rule : units.collectives) {
    if (rule.pattern.Contains(folded)) {
      identity.collective = true;
      identity.role = rule.role;
      break;
    }
  }
  return identity;
}

// The name without its bracketed alias: 区规划自然资源局(地震局) → 区规划自然资源局.
std::string MainName(const std::string& folded, const UnitRules& units) {
  std::vector<std::string_view> groups;
  size_t length = 0;
  if (units.alias_bracket.MatchPrefix(folded, &length, &groups) && length == folded.size()) {
    return std::string(groups[0]);
  }
  return folded;
}

UnitIdentity ByOffice(const std::string& main, const UnitRules& units) {
  std::vector<Split> splits = Splits(main, units);
  UnitIdentity identity;
  identity.canonical = main;
  for (const Split& split : splits) {
    if (const Office* office = ExactOffice(split.body, units)) {
      identity.canonical = CanonicalName(split, *office);
      if (!split.level.empty()) identity.level = split.level;
      identity.role = office->role;
      return identity;
    }
  }
  // No exact office: the first trustworthy split gives the level, the body's contents the role.
  for (const Split& split : splits) {
    if (split.rule != nullptr && split.rule->known_body_only) continue;
    if (!split.level.empty()) identity.level = split.level;
    if (const Office* office = ContainedOffice(split.body, units)) identity.role = office->role;
    return identity;
  }
  return identity;
}

}  // namespace

std::string UnitIdentity::Dump() const {
  std::string out = "unit{" + canonical.value_or("null") + " " + level.value_or("-") + " " +
                    role.value_or("null");
  if (collective) out += " collective";
  return out + "}";
}

UnitIdentity IdentifyUnit(std::string_view name, const RuleSet& rules) {
  std::string folded = Fold(name);
  if (folded.empty()) return UnitIdentity();
  UnitIdentity identity = Collective(folded, rules.units);
  if (identity.collective) {
    identity.canonical = folded;
    return identity;
  }
  return ByOffice(MainName(folded, rules.units), rules.units);
}

void IdentifyUnits(const RuleSet& rules, std::vector<UnitEntry>* units) {
  for (UnitEntry& entry : *units) {
    UnitIdentity identity = IdentifyUnit(entry.name, rules);
    entry.canonical = identity.canonical;
    entry.level = identity.level;
    entry.role = identity.role;
    entry.collective = entry.collective || identity.collective;
  }
}

}  // namespace fengong
