#include "normalize_references.h"

#include <cstdlib>
#include <string_view>
#include <vector>

#include "utf8.h"

namespace fengong {
namespace {

// Sets *out to the text the reference whose groups these are stands for; false when it is not one
// to replace.
bool ReferencedText(const std::vector<std::string_view>& groups, const RuleSet& rules,
                    std::string* out) {
  out->clear();
  if (!groups[2].empty()) {
    auto it = rules.named_references.find(std::string(groups[2]));
    if (it == rules.named_references.end()) return false;
    *out = it->second;
    return true;
  }
  const bool decimal = !groups[0].empty();
  const std::string digits(decimal ? groups[0] : groups[1]);
  const unsigned long code = std::strtoul(digits.c_str(), nullptr, decimal ? 10 : 16);
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
  AppendUtf8(static_cast<char32_t>(code), out);
  return true;
}

}  // namespace

std::string ReplaceCharacterReferences(std::string text, const RuleSet& rules) {
  if (text.find('&') == std::string::npos || rules.character_reference.empty()) return text;
  std::string out;
  std::string replacement;
  std::vector<std::string_view> groups;
  size_t from = 0, begin = 0, end = 0;
  while (rules.character_reference.Find(text, from, &begin, &end, &groups)) {
    groups.resize(3);
    if (ReferencedText(groups, rules, &replacement)) {
      out.append(text, from, begin - from);
      out += replacement;
    } else {
      out.append(text, from, end - from);
    }
    from = end;
  }
  if (from == 0) return text;
  out.append(text, from, std::string::npos);
  return out;
}

}  // namespace fengong
