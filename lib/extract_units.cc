#include "extract_units.h"

#include <algorithm>

#include <fmt/format.h>

#include "utf8.h"

namespace fengong {
namespace {

bool IsOpenBracket(char32_t c) {
  return c == '(' || c == '[' || c == U'〔' || c == U'【' || c == '{' || c == U'「';
}
bool IsCloseBracket(char32_t c) {
  return c == ')' || c == ']' || c == U'〕' || c == U'】' || c == '}' || c == U'」';
}
// The same for one character given as its bytes.
bool IsCloseBracket(std::string_view s) {
  size_t pos = 0;
  return !s.empty() && IsCloseBracket(NextCodePoint(s, &pos)) && pos == s.size();
}

// The code point at folded[pos] as a string view, and its byte length.
std::string_view CharAt(std::string_view folded, size_t pos) {
  size_t next = pos;
  NextCodePoint(folded, &next);
  return folded.substr(pos, next - pos);
}

// Splits folded bytes [begin, end) of `text` at list separators outside brackets.
std::vector<std::pair<size_t, size_t>> SplitRanges(const Passage& text, size_t begin, size_t end,
                                                   const RuleSet& rules) {
  std::vector<std::pair<size_t, size_t>> ranges;
  std::string_view folded = std::string_view(text.folded()).substr(0, end);
  PrefixScanner separators(rules.list_separator, folded);
  int depth = 0;
  size_t start = begin, pos = begin;
  while (pos < end) {
    size_t next = pos;
    const char32_t c = NextCodePoint(folded, &next);
    size_t length = 0;
    if (IsOpenBracket(c)) {
      ++depth;
    } else if (IsCloseBracket(c)) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && separators.MatchAt(pos, &length) && length > 0) {
      ranges.emplace_back(start, pos);
      pos += length;
      start = pos;
      continue;
    }
    pos = next;
  }
  ranges.emplace_back(start, end);
  return ranges;
}

// Removes a trailing 等 form (and closing punctuation) from a name; sets *open when found.
std::string CleanName(std::string name, const RuleSet& rules, bool* open) {
  for (bool changed = true; changed && !name.empty();) {
    changed = false;
    for (std::string_view tail : {"。", "：", ":", "，", ",", "、", ";", "；", "."}) {
      if (EndsWith(name, tail)) {
        name.resize(name.size() - tail.size());
        changed = true;
      }
    }
    for (const std::string& word : rules.open_list) {
      if (name.size() > word.size() && EndsWith(name, word)) {
        name.resize(name.size() - word.size());
        *open = true;
        changed = true;
        break;
      }
    }
  }
  return std::string(Trim(name));
}

bool LooksLikeUnit(const std::string& name, const RuleSet& rules);

// "区科协 区教委": names printed with spaces between them, which the folded view (where list
// separators are matched) no longer has. Split only when every part reads as a unit, so that a
// name with a stray space inside stays whole.
std::vector<std::string> SplitAtSpaces(const std::string& name, const RuleSet& rules) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < name.size()) {
    size_t space = name.find_first_of(" \t", pos);
    size_t wide = name.find("\u3000", pos);
    size_t cut = std::min(space, wide);
    if (cut == std::string::npos) cut = name.size();
    if (cut > pos) parts.push_back(name.substr(pos, cut - pos));
    pos = cut + (cut == wide ? 3 : 1);
  }
  if (parts.size() < 2) return {name};
  for (const std::string& part : parts) {
    if (!LooksLikeUnit(part, rules)) return {name};
  }
  return parts;
}

// 由区科协负责: a word that leads into the list is not part of the first name.
std::string WithoutLeadIn(const std::string& name, const RuleSet& rules) {
  size_t length = 0;
  if (!rules.name_lead_in.MatchPrefix(name, &length) || length == 0) return name;
  std::string rest = name.substr(length);
  return LooksLikeUnit(rest, rules) ? rest : name;
}

std::vector<std::string> NamesIn(const Passage& text, size_t begin, size_t end,
                                 const RuleSet& rules, bool* open) {
  std::vector<std::string> names;
  for (auto [b, e] : SplitRanges(text, begin, end, rules)) {
    std::string name = CleanName(text.PrintedRange(b, e), rules, open);
    if (name.empty()) continue;
    for (const std::string& part : SplitAtSpaces(name, rules)) {
      names.push_back(WithoutLeadIn(part, rules));
    }
  }
  std::vector<std::string> unique;
  AppendUnique(names, &unique);
  return unique;
}

// Stricter than LooksLikeUnit: in running text a clause opening with 各 is no list of units.
bool HasUnitShape(const std::string& name, const RuleSet& rules) {
  std::string folded = Fold(name);
  return !rules.not_unit.Contains(folded) && rules.unit_shape.Contains(folded);
}

// LooksLikeUnit of a name already folded, less the not_unit test.
bool HasUnitOrCollectiveShape(const std::string& folded, const RuleSet& rules) {
  return rules.unit_shape.Contains(folded) || rules.collective.Contains(folded);
}

bool LooksLikeUnit(const std::string& name, const RuleSet& rules) {
  std::string folded = Fold(name);
  return !rules.not_unit.Contains(folded) && HasUnitOrCollectiveShape(folded, rules);
}

// Every name of both lists reads as an organisation, and there is at least one. `shape_only`:
// a name must end as an organisation's does (HasUnitShape), opening with 各 is not enough.
bool AllLookLikeUnits(const UnitList& units, const RuleSet& rules, bool shape_only = false) {
  for (const auto* list : {&units.lead, &units.responsible}) {
    for (const std::string& name : *list) {
      if (!(shape_only ? HasUnitShape(name, rules) : LooksLikeUnit(name, rules))) return false;
    }
  }
  return !units.lead.empty() || !units.responsible.empty();
}

// Most names of the list read as organisations. Entries the grammar names as no units (a date,
// 完成时限：2024年底前 after the list) are left out of the count: DropNonUnits removes them.
bool PlausibleUnits(const UnitList& units, const RuleSet& rules) {
  size_t total = 0, good = 0;
  for (const auto* list : {&units.lead, &units.responsible}) {
    for (const std::string& name : *list) {
      const std::string folded = Fold(name);
      if (rules.not_unit.Contains(folded)) continue;
      ++total;
      good += HasUnitOrCollectiveShape(folded, rules);
    }
  }
  return total > 0 && good * 2 > total;
}

// A list that reads as units may still carry a time limit or a date (完成时限：2022年12月底,
// 2025年底前): entries the grammar names as no units are dropped.
void DropNonUnits(UnitList* units, const RuleSet& rules) {
  for (auto* list : {&units->lead, &units->responsible}) {
    list->erase(std::remove_if(list->begin(), list->end(),
                               [&](const std::string& name) {
                                 return rules.not_unit.Contains(Fold(name));
                               }),
                list->end());
  }
}

struct LabelHit {
  size_t begin;  // where the label starts
  size_t end;    // where its list starts
  UnitRole role;
  bool names_units = true;  // false for 督办单位： and the like: its list is left out
};

std::vector<LabelHit> FindLabels(std::string_view folded, const RuleSet& rules) {
  std::vector<LabelHit> hits;
  for (const UnitWord& label : rules.labels) {
    for (size_t at = FindBytes(folded, label.word); at != std::string_view::npos;
         at = FindBytes(folded, label.word, at + 1)) {
      bool inside_other = std::any_of(hits.begin(), hits.end(), [&](const LabelHit& h) {
        return at >= h.begin && at < h.end;
      });
      size_t sep = 0;
      size_t after = at + label.word.size();
      if (inside_other || !rules.label_separator.MatchPrefix(folded.substr(after), &sep)) continue;
      hits.push_back(LabelHit{at, after + sep, label.role});
    }
  }
  // A supervising office (督办单位：区督查室) checks the work and does none of it: its label ends
  // the list before it and its own list is no unit of the task.
  for (const std::string& word : rules.other_labels) {
    for (size_t at = FindBytes(folded, word); at != std::string_view::npos;
         at = FindBytes(folded, word, at + 1)) {
      size_t sep = 0;
      size_t after = at + word.size();
      if (!rules.label_separator.MatchPrefix(folded.substr(after), &sep)) continue;
      hits.push_back(LabelHit{at, after + sep, UnitRole::kResponsible, /*names_units=*/false});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const LabelHit& a, const LabelHit& b) { return a.begin < b.begin; });
  return hits;
}

std::vector<std::string>* ListFor(UnitList* units, UnitRole role) {
  return role == UnitRole::kLead ? &units->lead : &units->responsible;
}

std::optional<UnitList> ReadVerbs(const Passage& text, size_t begin, size_t end,
                                  const RuleSet& rules);

// One label's list [begin, end). A list whose clauses name their roles with verbs (责任单位：X牵头，
// Y配合) is read by the verbs when they name a lead; else every name takes the label's role (a
// closing 按职责分工负责 is cut off the last name).
void AppendLabelledList(const Passage& text, size_t begin, size_t end, UnitRole role,
                        const RuleSet& rules, UnitList* units) {
  // Most lists name no verb: the cheap look for one spares them a second reading.
  std::string_view list = std::string_view(text.folded()).substr(begin, end - begin);
  const bool names_verb = std::any_of(rules.verbs.begin(), rules.verbs.end(), [&](const UnitWord& verb) {
    return FindBytes(list, verb.word) != std::string_view::npos;
  });
  if (std::optional<UnitList> by_verbs =
          names_verb ? ReadVerbs(text, begin, end, rules) : std::nullopt) {
    units->open_list = units->open_list || by_verbs->open_list;
    if (!by_verbs->lead.empty()) {
      AppendUnique(by_verbs->lead, &units->lead);
      AppendUnique(by_verbs->responsible, &units->responsible);
    } else {
      AppendUnique(by_verbs->responsible, ListFor(units, role));
    }
    return;
  }
  AppendUnique(NamesIn(text, begin, end, rules, &units->open_list), ListFor(units, role));
}

std::optional<UnitList> ReadLabelled(const Passage& text, size_t begin, size_t end,
                                     const RuleSet& rules) {
  std::string_view folded = std::string_view(text.folded()).substr(0, end);
  std::vector<LabelHit> hits = FindLabels(folded.substr(0, end), rules);
  hits.erase(std::remove_if(hits.begin(), hits.end(),
                            [&](const LabelHit& h) { return h.begin < begin; }),
             hits.end());
  if (hits.empty()) return std::nullopt;
  UnitList units;
  for (size_t i = 0; i < hits.size(); ++i) {
    size_t stop = i + 1 < hits.size() ? hits[i + 1].begin : end;
    if (!hits[i].names_units) continue;
    AppendLabelledList(text, hits[i].end, stop, hits[i].role, rules, &units);
  }
  return units;
}

bool Listed(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// X负责，Y参与: the first clause closes with an in-charge verb and a later one with a supporting
// verb.
bool InChargeWithSupport(const std::vector<std::string>& verbs, const RuleSet& rules) {
  if (verbs.size() < 2 || !Listed(rules.in_charge, verbs.front())) return false;
  return std::any_of(verbs.begin() + 1, verbs.end(),
                     [&](const std::string& verb) { return Listed(rules.supporting, verb); });
}

// The role verb that closes the clause after at least one character (X负责), or nullptr.
const UnitWord* ClosingVerb(std::string_view clause, const RuleSet& rules) {
  for (const UnitWord& verb : rules.verbs) {
    if (clause.size() > verb.word.size() && EndsWith(clause, verb.word)) return &verb;
  }
  return nullptr;
}

bool EndsWithVerb(std::string_view clause, const RuleSet& rules) {
  return ClosingVerb(clause, rules) != nullptr;
}

// Where the clause from `start` ends: at the first comma or semicolon, or earlier at a 、 right
// after a role verb (X负责、Y参与: the 、 joins two clauses, not two names). Sets *width to the
// separator's length.
size_t ClauseStop(std::string_view folded, size_t start, size_t end, const RuleSet& rules,
                  size_t* width) {
  size_t stop = folded.find_first_of(",;", start);
  if (stop == std::string_view::npos || stop > end) stop = end;
  *width = 1;
  constexpr std::string_view kListComma = "、";
  for (size_t at = FindBytes(folded.substr(0, stop), kListComma, start);
       at != std::string_view::npos; at = FindBytes(folded.substr(0, stop), kListComma, at + 1)) {
    if (EndsWithVerb(folded.substr(start, at - start), rules)) {
      *width = kListComma.size();
      return at;
    }
  }
  return stop;
}

// Where `text` ends before a modal word (要, 应) closing it, else its size.
size_t EndBeforeModal(std::string_view text, const RuleSet& rules) {
  for (const std::string& modal : rules.running_modals) {
    if (text.size() > modal.size() && EndsWith(text, modal)) {
      return text.size() - modal.size();
    }
  }
  return text.size();
}

// 由X会同Y: a first name that joins the lead (X, a modal 要 cut off) to the first unit working
// with it (Y) by a co-lead word. Appends X to *lead and leaves Y as the first name; false (and no
// change) when the name holds no such word or either side is no unit.
bool SplitCoLead(std::vector<std::string>* names, std::vector<std::string>* lead,
                 const RuleSet& rules) {
  if (names->empty()) return false;
  const std::string& first = names->front();
  for (const std::string& word : rules.co_lead) {
    size_t at = first.find(word);
    if (at == std::string::npos || at == 0) continue;
    std::string before = WithoutLeadIn(first.substr(0, EndBeforeModal(first.substr(0, at), rules)),
                                       rules);
    std::string after = first.substr(at + word.size());
    if (!HasUnitShape(before, rules) || !LooksLikeUnit(after, rules)) return false;
    AppendUnique({before}, lead);
    names->front() = after;
    return true;
  }
  return false;
}

// X牵头，Y配合: clauses split at commas and semicolons, each closed by a verb.
std::optional<UnitList> ReadVerbs(const Passage& text, size_t begin, size_t end,
                                  const RuleSet& rules) {
  std::string_view folded = text.folded();
  UnitList units;
  bool any_verb = false;
  std::vector<std::string> verbs_seen;  // each clause's verb, "" for none
  std::vector<std::string> first_names;
  size_t start = begin;
  while (start < end) {
    size_t width = 1;
    size_t stop = ClauseStop(folded, start, end, rules, &width);
    size_t clause_end = stop;
    UnitRole role = UnitRole::kResponsible;
    verbs_seen.emplace_back();
    if (const UnitWord* verb = ClosingVerb(folded.substr(start, stop - start), rules)) {
      clause_end -= verb->word.size();
      role = verb->role;
      any_verb = true;
      verbs_seen.back() = verb->word;
    }
    std::vector<std::string> names = NamesIn(text, start, clause_end, rules, &units.open_list);
    SplitCoLead(&names, &units.lead, rules);
    if (verbs_seen.size() == 1) first_names = names;
    AppendUnique(names, ListFor(&units, role));
    start = stop + width;
  }
  if (!any_verb) return std::nullopt;
  if (InChargeWithSupport(verbs_seen, rules) && units.lead.empty() && !first_names.empty()) {
    units.lead = first_names;
    units.responsible.erase(units.responsible.begin(),
                            units.responsible.begin() + std::min(first_names.size(),
                                                                 units.responsible.size()));
  }
  return units;
}

// （责任单位：X、Y，排第一位的为牵头单位）: the annotation's own note that its first unit leads. The
// note is no unit; a list without a lead opens with it.
bool DropFirstLeadsNote(UnitList* units, const RuleSet& rules) {
  bool noted = false;
  for (auto* list : {&units->lead, &units->responsible}) {
    auto note = std::remove_if(list->begin(), list->end(), [&](const std::string& name) {
      return rules.first_unit_leads.Contains(Fold(name));
    });
    noted = noted || note != list->end();
    list->erase(note, list->end());
  }
  return noted;
}

std::optional<UnitList> ReadInner(const Passage& text, size_t begin, size_t end,
                                  const RuleSet& rules) {
  std::optional<UnitList> units = ReadLabelled(text, begin, end, rules);
  if (!units) units = ReadVerbs(text, begin, end, rules);
  if (!units) {
    units = UnitList();
    units->responsible = NamesIn(text, begin, end, rules, &units->open_list);
  }
  bool first_leads = DropFirstLeadsNote(&*units, rules);
  if (!PlausibleUnits(*units, rules)) return std::nullopt;
  DropNonUnits(&*units, rules);
  if (first_leads) LeadFromFirst(&*units);
  return units;
}

// Moves back over closing punctuation and spaces at the end of the folded text.
size_t EndBeforePunctuation(std::string_view folded) {
  size_t end = folded.size();
  while (end > 0) {
    size_t prev = end;
    PrevCodePoint(folded, &prev);
    std::string_view c = folded.substr(prev, end - prev);
    if (c == "。" || c == "." || c == ";" || c == "；" || c == " " || c == "," || c == "，") {
      end = prev;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

std::string UnitList::Dump() const {
  return fmt::format("units{{lead[{}] resp[{}]{}}}", fmt::join(lead, ","),
                     fmt::join(responsible, ","), open_list ? " open" : "");
}

void LeadFromFirst(UnitList* units) {
  if (!units->lead.empty() || units->responsible.empty()) return;
  units->lead.push_back(units->responsible.front());
  units->responsible.erase(units->responsible.begin());
}

bool MentionsLead(std::string_view folded, const RuleSet& rules) {
  for (const auto* words : {&rules.labels, &rules.verbs}) {
    for (const UnitWord& word : *words) {
      if (word.role == UnitRole::kLead && FindBytes(folded, word.word) != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

void LiftMarkedLeads(UnitList* units, const RuleSet& rules) {
  std::vector<std::string> responsible;
  for (std::string& name : units->responsible) {
    std::vector<uint32_t> to_printed;
    const std::string folded = Fold(name, &to_printed);  // 區科協（牽頭） as 区科协(牵头)
    size_t begin = 0, end = 0;
    if (!MentionsLead(folded, rules) || !rules.lead_mark.Find(folded, 0, &begin, &end) ||
        begin == 0) {
      responsible.push_back(std::move(name));
      continue;
    }
    AppendUnique({std::string(Trim(std::string_view(name).substr(0, to_printed[begin])))},
                 &units->lead);
  }
  units->responsible = std::move(responsible);
}

void AppendUnique(const std::vector<std::string>& names, std::vector<std::string>* list) {
  if (names.empty()) return;
  std::vector<std::string> folded_list;  // each name folded once, not once per comparison
  folded_list.reserve(list->size() + names.size());
  for (const std::string& have : *list) folded_list.push_back(Fold(have));
  for (const std::string& name : names) {
    std::string folded = Fold(name);
    if (std::find(folded_list.begin(), folded_list.end(), folded) != folded_list.end()) continue;
    list->push_back(name);
    folded_list.push_back(std::move(folded));
  }
}

namespace {

// The bracketed annotation whose closing bracket ends at folded offset `end`, or nullopt.
std::optional<Annotation> BracketedBefore(const Passage& text, size_t end, const RuleSet& rules,
                                          Diagnostics* diagnostics) {
  std::string_view folded = std::string_view(text.folded()).substr(0, end);
  if (end == 0) return std::nullopt;
  size_t close = end;
  PrevCodePoint(folded, &close);
  std::string_view close_char = folded.substr(close, end - close);
  if (!IsCloseBracket(close_char)) return std::nullopt;
  int depth = 0;
  size_t pos = end;
  while (pos > 0) {
    PrevCodePoint(folded, &pos);
    size_t next = pos;
    const char32_t c = NextCodePoint(folded, &next);  // as printed at pos, even if malformed
    if (IsCloseBracket(c)) ++depth;
    if (IsOpenBracket(c) && --depth == 0) break;
  }
  if (depth != 0) return std::nullopt;
  std::string_view open_char = CharAt(folded, pos);
  std::optional<UnitList> units = ReadInner(text, pos + open_char.size(), close, rules);
  if (!units) return std::nullopt;
  bool paired = (open_char == "(" && close_char == ")") || (open_char == "[" && close_char == "]") ||
                (open_char == "〔" && close_char == "〕") || (open_char == "【" && close_char == "】");
  if (!paired) {
    diagnostics->Warn(text.LineAt(pos), WarningCode::kUnmatchedBracket,
                      fmt::format("unit annotation opens with {} and closes with {}",
                                  text.PrintedRange(pos, pos + open_char.size()),
                                  text.PrintedRange(close, end)));
  }
  return Annotation{*units, pos};
}

// An annotation that never closes: the last 〔 or 【 before `end`, followed by a label.
std::optional<Annotation> UnclosedBefore(const Passage& text, size_t end, const RuleSet& rules,
                                         Diagnostics* diagnostics) {
  std::string_view folded = text.folded();
  for (std::string_view open : {"〔", "【"}) {
    size_t pos = FindLastBytes(folded, open);
    if (pos == std::string_view::npos) continue;
    std::vector<LabelHit> labels = FindLabels(folded.substr(pos), rules);
    if (labels.empty() || labels.front().begin > open.size()) continue;
    std::optional<UnitList> units = ReadInner(text, pos + open.size(), end, rules);
    if (!units) continue;
    diagnostics->Warn(text.LineAt(pos), WarningCode::kUnclosedAnnotation,
                      fmt::format("unit annotation opens with {} and never closes", open));
    return Annotation{*units, pos};
  }
  return std::nullopt;
}

// An annotation printed as the item's last sentence, with no bracket: "…。配合单位：X、Y。". The
// sentence after the last 。 before `end` opens with a label.
std::optional<Annotation> LabelledSentenceBefore(const Passage& text, size_t end,
                                                 const RuleSet& rules) {
  std::string_view folded = std::string_view(text.folded()).substr(0, end);
  size_t stop = FindLastBytes(folded, "。");
  if (stop == std::string_view::npos) return std::nullopt;
  size_t start = stop + std::string_view("。").size();
  while (start < end && folded[start] == ' ') ++start;
  std::vector<LabelHit> labels = FindLabels(folded.substr(start), rules);
  if (labels.empty() || labels.front().begin != 0) return std::nullopt;
  std::optional<UnitList> units = ReadInner(text, start, end, rules);
  if (!units) return std::nullopt;
  return Annotation{*units, start};
}

// An annotation in words printed as the item's last sentence, with no bracket: "…。由X负责，Y
// 配合。", "…。——X、Y负责". The sentence closes with a role verb and every name in it reads as a
// unit, so a sentence of the task's own (各乡镇要高度重视，县教育局负责指导) is never taken.
std::optional<Annotation> VerbSentenceBefore(const Passage& text, size_t end, const RuleSet& rules) {
  std::string_view folded = std::string_view(text.folded()).substr(0, end);
  size_t stop = FindLastBytes(folded, "。");
  if (stop == std::string_view::npos) return std::nullopt;
  size_t start = stop + std::string_view("。").size();
  while (start < end && folded[start] == ' ') ++start;
  if (start >= end || !EndsWithVerb(folded.substr(start), rules)) return std::nullopt;
  std::optional<UnitList> units = ReadVerbs(text, start, end, rules);
  if (!units || !AllLookLikeUnits(*units, rules, /*shape_only=*/true)) return std::nullopt;
  return Annotation{*units, start};
}

}  // namespace

std::optional<Annotation> FindTrailingAnnotation(const Passage& text, const RuleSet& rules,
                                                 Diagnostics* diagnostics) {
  size_t end = EndBeforePunctuation(text.folded());
  std::optional<Annotation> found = BracketedBefore(text, end, rules, diagnostics);
  if (!found) {
    std::optional<Annotation> unclosed = UnclosedBefore(text, end, rules, diagnostics);
    if (unclosed) return unclosed;
    std::optional<Annotation> labelled = LabelledSentenceBefore(text, end, rules);
    return labelled ? labelled : VerbSentenceBefore(text, end, rules);
  }
  // 〔牵头单位：X〕〔责任单位：Y〕: annotations printed one after the other make one list.
  while (std::optional<Annotation> earlier = BracketedBefore(
             text, EndBeforePunctuation(std::string_view(text.folded()).substr(0, found->begin)),
             rules, diagnostics)) {
    AppendUnique(found->units.lead, &earlier->units.lead);
    AppendUnique(found->units.responsible, &earlier->units.responsible);
    earlier->units.open_list = earlier->units.open_list || found->units.open_list;
    found = earlier;
  }
  return found;
}

namespace {

// The label word a bracket at `at` holds alone (【牵头单位】), with the bracket's end, or nullptr.
const UnitWord* BracketedLabelAt(std::string_view folded, size_t at, const RuleSet& rules,
                                 size_t* end) {
  constexpr std::string_view kOpen = "【", kClose = "】";
  if (folded.compare(at, kOpen.size(), kOpen) != 0) return nullptr;
  size_t close = FindBytes(folded, kClose, at);
  if (close == std::string_view::npos) return nullptr;
  std::string_view inner = Trim(folded.substr(at + kOpen.size(), close - at - kOpen.size()));
  for (const UnitWord& label : rules.labels) {
    if (inner == label.word) {
      *end = close + kClose.size();
      return &label;
    }
  }
  return nullptr;
}

// Where the last list of a leading annotation ends: at the first comma or the first space after
// `list_begin`. The folded view drops a space beside CJK text, so the space is looked for in the
// printed text and its folded offset is that of the printed text before it.
size_t LeadingListEnd(const Passage& text, size_t list_begin) {
  size_t end = text.folded().find(',', list_begin);
  const std::string& printed = text.printed();
  for (size_t space = printed.find_first_of(" \t"); space != std::string::npos;
       space = printed.find_first_of(" \t", space + 1)) {
    size_t folded_at = Fold(std::string_view(printed).substr(0, space)).size();
    if (folded_at > list_begin) return std::min(end, folded_at);
  }
  return end;
}

}  // namespace

std::optional<Annotation> FindLeadingAnnotation(const Passage& text, const RuleSet& rules) {
  std::string_view folded = text.folded();
  size_t list_begin = 0;
  const UnitWord* label = BracketedLabelAt(folded, 0, rules, &list_begin);
  if (label == nullptr) return std::nullopt;
  UnitList units;
  while (label != nullptr) {
    size_t next_open = FindBytes(folded, "【", list_begin);
    size_t next_end = 0;
    const UnitWord* next = next_open == std::string_view::npos
                               ? nullptr
                               : BracketedLabelAt(folded, next_open, rules, &next_end);
    // The last list runs to the first space or comma (a name list uses 、 within).
    size_t list_end = next != nullptr ? next_open : LeadingListEnd(text, list_begin);
    if (list_end == std::string_view::npos) return std::nullopt;
    AppendUnique(NamesIn(text, list_begin, list_end, rules, &units.open_list),
                 ListFor(&units, label->role));
    if (next == nullptr) {
      if (!AllLookLikeUnits(units, rules)) return std::nullopt;
      size_t text_begin = list_end;
      while (text_begin < folded.size() && (folded[text_begin] == ' ' || folded[text_begin] == ',')) {
        ++text_begin;
      }
      return Annotation{units, folded.size(), text_begin};
    }
    label = next;
    list_begin = next_end;
  }
  return std::nullopt;
}

namespace {

// Where `clause` opens with a list of organisations followed by a role verb: the verb's role and
// where the list ends, or nullopt. Every name of the list must read as an organisation.
std::optional<std::pair<UnitRole, size_t>> LeadingListVerb(const Passage& text, size_t begin,
                                                           size_t end, const RuleSet& rules) {
  std::string_view clause = std::string_view(text.folded()).substr(begin, end - begin);
  // The verb that comes first decides; at one position the longest (统筹牵头 before 牵头).
  const UnitWord* first = nullptr;
  size_t first_at = std::string_view::npos;
  for (const UnitWord& verb : rules.running_verbs) {
    size_t at = FindBytes(clause, verb.word);
    if (at < first_at) first = &verb, first_at = at;
  }
  if (first == nullptr || first_at == 0) return std::nullopt;
  // 市民政局要牵头: the modal between the list and its verb is no part of the last name.
  const size_t list_end = EndBeforeModal(clause.substr(0, first_at), rules);
  bool open = false;
  std::vector<std::string> names = NamesIn(text, begin, begin + list_end, rules, &open);
  bool all_units = !names.empty() && std::all_of(names.begin(), names.end(),
                                                 [&](const std::string& name) {
                                                   return HasUnitShape(name, rules);
                                                 });
  if (!all_units) return std::nullopt;
  return std::pair{first->role, begin + list_end};
}

// 由X会同Y、Z研究制定…: a clause that opens with a unit, a co-lead word and a list of units that
// runs into the clause's verb. X leads, the list is responsible; nullopt for any other clause.
std::optional<UnitList> CoLeadClause(const Passage& text, size_t begin, size_t end,
                                     const RuleSet& rules) {
  std::string_view clause = std::string_view(text.folded()).substr(begin, end - begin);
  for (const std::string& word : rules.co_lead) {
    size_t at = FindBytes(clause, word);
    if (at == std::string_view::npos || at == 0) continue;
    const size_t list_begin = at + word.size();
    size_t list_end = std::string_view::npos;
    for (const std::string& verb : rules.clause_verbs) {
      list_end = std::min(list_end, FindBytes(clause, verb, list_begin));
    }
    if (list_end == std::string_view::npos || list_end == list_begin) return std::nullopt;
    UnitList units;
    std::vector<std::string> lead = NamesIn(
        text, begin, begin + EndBeforeModal(clause.substr(0, at), rules), rules, &units.open_list);
    units.responsible = NamesIn(text, begin + list_begin, begin + list_end, rules,
                                &units.open_list);
    if (lead.size() != 1) return std::nullopt;
    units.lead = lead;
    if (!AllLookLikeUnits(units, rules, /*shape_only=*/true)) return std::nullopt;
    return units;
  }
  return std::nullopt;
}

}  // namespace

std::optional<UnitList> UnitsBeforeColon(const Passage& text, const RuleSet& rules) {
  std::string_view folded = text.folded();
  size_t colon = folded.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      FindBytes(folded.substr(0, colon), "。") != std::string_view::npos) {
    return std::nullopt;
  }
  std::optional<UnitList> units = ReadVerbs(text, 0, colon, rules);
  if (units) return AllLookLikeUnits(*units, rules) ? units : std::nullopt;
  // 机关工委、组织部：要…: a list with no verb names the units responsible, when every name ends as
  // an organisation's does and none is a label (责任单位：X is an annotation, read elsewhere).
  units = UnitList();
  units->responsible = NamesIn(text, 0, colon, rules, &units->open_list);
  for (const std::string& name : units->responsible) {
    for (const UnitWord& label : rules.labels) {
      if (name == label.word) return std::nullopt;
    }
  }
  if (!AllLookLikeUnits(*units, rules, /*shape_only=*/true)) return std::nullopt;
  return units;
}

UnitList UnitsInRunningText(const Passage& text, const RuleSet& rules) {
  if (std::optional<UnitList> opening = UnitsBeforeColon(text, rules)) return *opening;
  std::string_view folded = text.folded();
  UnitList units;
  size_t start = 0;
  while (start < folded.size()) {
    size_t stop = std::min(folded.find_first_of(",;", start), FindBytes(folded, "。", start));
    if (stop == std::string_view::npos) stop = folded.size();
    if (auto found = LeadingListVerb(text, start, stop, rules)) {
      AppendUnique(NamesIn(text, start, found->second, rules, &units.open_list),
                   ListFor(&units, found->first));
    } else if (auto co_lead = CoLeadClause(text, start, stop, rules)) {
      AppendUnique(co_lead->lead, &units.lead);
      AppendUnique(co_lead->responsible, &units.responsible);
    }
    if (stop < folded.size()) NextCodePoint(folded, &stop);
    start = stop;
  }
  return units;
}

std::vector<std::string> HeadingLead(const Passage& heading, const RuleSet& rules) {
  std::string_view folded = heading.folded();
  size_t end = EndBeforePunctuation(folded);
  while (end > 0 && folded[end - 1] == ':') end = EndBeforePunctuation(folded.substr(0, end - 1));
  // A count of the items in brackets after the verb (（共5项）) is no part of it.
  if (end > 0 && folded[end - 1] == ')') {
    size_t open = folded.rfind('(', end - 1);
    if (open != std::string_view::npos) end = open;
  }
  std::string_view head = folded.substr(0, end);
  for (const UnitWord& verb : rules.verbs) {
    if (verb.role != UnitRole::kLead || head.size() <= verb.word.size() ||
        head.substr(head.size() - verb.word.size()) != verb.word) {
      continue;
    }
    bool open = false;
    std::vector<std::string> names = NamesIn(heading, 0, end - verb.word.size(), rules, &open);
    bool all_units = !names.empty() &&
                     std::all_of(names.begin(), names.end(), [&](const std::string& name) {
                       return LooksLikeUnit(name, rules);
                     });
    return all_units ? names : std::vector<std::string>();
  }
  return {};
}

std::optional<UnitList> ReadAnnotation(const Passage& text, const RuleSet& rules,
                                       Diagnostics* diagnostics) {
  std::optional<Annotation> bracketed = FindTrailingAnnotation(text, rules, diagnostics);
  if (bracketed && bracketed->begin == 0) return bracketed->units;
  return ReadInner(text, 0, EndBeforePunctuation(text.folded()), rules);
}

std::vector<std::string> SplitUnitCell(const Cell& cell, const RuleSet& rules, bool* open_list) {
  std::vector<std::string> names;
  for (const Passage& line : cell.lines) {
    AppendUnique(NamesIn(line, 0, line.folded().size(), rules, open_list), &names);
  }
  return names;
}

}  // namespace fengong
