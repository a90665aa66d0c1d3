#include "model.h"

#include <cmath>

#include <fmt/format.h>

namespace fengong {
std::string FormatNumber(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  return fmt::format("{}", value);
}

std::string Target::Dump() const {
  std::string out = fmt::format("target{{{}{}", comparator == "range" ? "" : comparator,
                                FormatNumber(value));
  if (value_max) out += "-" + FormatNumber(*value_max);
  if (unit) out += " " + *unit;
  if (stretch) out += " stretch";
  if (period) out += " " + *period;
  if (deadline) out += fmt::format(" by{}", *deadline);
  if (kind != "target") out += " " + kind;
  return out + "}";
}

std::string Task::Dump() const {
  std::string out = fmt::format("task{{{} lead[{}] resp[{}]", id, fmt::join(lead, ","),
                                fmt::join(responsible, ","));
  if (open_list) out += " open";
  for (const Target& target : targets) out += " " + target.Dump();
  return out + "}";
}

}  // namespace fengong
