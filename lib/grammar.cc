#include "grammar.h"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "keyword_set.h"
#include "utf8.h"

namespace fengong {

std::vector<std::string> AllKeywords(const ThemeRules& themes) {
  std::vector<std::string> keywords;
  for (const ThemeRule& theme : themes.themes) {
    keywords.insert(keywords.end(), theme.keywords.begin(), theme.keywords.end());
  }
  return keywords;
}

namespace {

// One grammar file being read: its parsed YAML and a way to make positioned errors.
class GrammarReader {
 public:
  GrammarReader(const GrammarFile& file, YAML::Node root) : file_(file), root_(std::move(root)) {}

  Status Error(const YAML::Node& node, const std::string& message) const {
    SourcePos pos{"grammars/" + file_.name, 0, 0};
    if (node.IsDefined() && !node.Mark().is_null()) {
      pos.line = node.Mark().line + 1;
      pos.column = node.Mark().column + 1;
    }
    return Status::Error(Status::Code::kBadGrammar, message, pos);
  }

  // The string list under `key`; missing keys fail.
  Status Words(const YAML::Node& parent, const char* key, std::vector<std::string>* out) const {
    YAML::Node node = parent[key];
    if (!node.IsDefined()) return Error(parent, fmt::format("missing key '{}'", key));
    if (!node.IsSequence()) return Error(node, fmt::format("'{}' must be a list", key));
    for (const auto& item : node) {
      if (!item.IsScalar()) return Error(item, fmt::format("'{}' entries must be strings", key));
      out->push_back(item.as<std::string>());
    }
    return Status::Ok();
  }

  // Compiles the pattern under `key` (a string, or a list of alternatives joined with |).
  Status Regex(const YAML::Node& parent, const char* key, Pattern* out) const {
    YAML::Node node = parent[key];
    if (!node.IsDefined()) return Error(parent, fmt::format("missing key '{}'", key));
    std::string source;
    if (node.IsScalar()) {
      source = node.as<std::string>();
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (!source.empty()) source += "|";
        source += "(?:" + item.as<std::string>() + ")";
        Status status = CheckOne(item);
        if (!status.ok()) return status;
      }
    } else {
      return Error(node, fmt::format("'{}' must be a pattern or a list of patterns", key));
    }
    return Compile(node, source, out);
  }

  // Compiles each pattern of the list under `key`.
  Status RegexList(const YAML::Node& parent, const char* key, std::vector<Pattern>* out) const {
    YAML::Node node = parent[key];
    if (!node.IsSequence()) return Error(parent, fmt::format("'{}' must be a list of patterns", key));
    for (const auto& item : node) {
      Pattern pattern;
      Status status = Compile(item, item.as<std::string>(), &pattern);
      if (!status.ok()) return status;
      out->push_back(std::move(pattern));
    }
    return Status::Ok();
  }

  // A pattern that matches any of the literal words under `key`.
  Status WordPattern(const YAML::Node& parent, const char* key, Pattern* out) const {
    std::vector<std::string> words;
    Status status = Words(parent, key, &words);
    if (!status.ok()) return status;
    std::sort(words.begin(), words.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string source;
    for (const auto& word : words) source += (source.empty() ? "" : "|") + RE2::QuoteMeta(word);
    return Compile(parent[key], "(?:" + source + ")", out);
  }

  const YAML::Node& root() const { return root_; }

 private:
  Status CheckOne(const YAML::Node& item) const {
    Pattern probe;
    return Compile(item, item.as<std::string>(), &probe);
  }

  Status Compile(const YAML::Node& node, const std::string& source, Pattern* out) const {
    std::string error;
    *out = Pattern::Compile(source, &error);
    if (out->empty()) return Error(node, fmt::format("bad pattern '{}': {}", source, error));
    return Status::Ok();
  }

  const GrammarFile& file_;
  YAML::Node root_;
};

void SortLongestFirst(std::vector<UnitWord>* words) {
  std::stable_sort(words->begin(), words->end(), [](const UnitWord& a, const UnitWord& b) {
    return a.word.size() > b.word.size();
  });
}

Status LoadNumbering(const GrammarReader& in, RuleSet* rules) {
  YAML::Node markers = in.root()["markers"];
  if (!markers.IsSequence()) return in.Error(in.root(), "'markers' must be a list");
  for (const auto& marker : markers) {
    NumberingRule rule;
    if (!marker["name"] || !marker["rank"]) return in.Error(marker, "a marker needs name and rank");
    rule.name = marker["name"].as<std::string>();
    rule.rank = marker["rank"].as<int>();
    Status status = in.Regex(marker, "pattern", &rule.pattern);
    if (!status.ok()) return status;
    if (rule.pattern.group_count() < 1) return in.Error(marker, "a marker pattern needs group 1");
    rules->numbering.push_back(std::move(rule));
  }
  return Status::Ok();
}

Status LoadTables(const GrammarReader& in, RuleSet* rules) {
  static const std::map<std::string, ColumnRole> kRoles = {
      {"number", ColumnRole::kNumber},      {"category", ColumnRole::kCategory},
      {"content", ColumnRole::kContent},    {"lead", ColumnRole::kLead},
      {"responsible", ColumnRole::kResponsible}, {"reference", ColumnRole::kReference},
      {"other", ColumnRole::kOther}};
  YAML::Node columns = in.root()["columns"];
  if (!columns.IsMap()) return in.Error(in.root(), "'columns' must map roles to header names");
  for (const auto& entry : columns) {
    auto role = kRoles.find(entry.first.as<std::string>());
    if (role == kRoles.end()) return in.Error(entry.first, "unknown column role");
    std::vector<std::string> names;
    Status status = in.Words(columns, entry.first.as<std::string>().c_str(), &names);
    if (!status.ok()) return status;
    for (size_t i = 0; i < names.size(); ++i) {
      rules->column_names.push_back(ColumnName{names[i], role->second});
      rules->longest_column_name_chars =
          std::max(rules->longest_column_name_chars, CodePointCount(names[i]));
    }
  }
  for (auto [key, out] : {std::pair{"cell_line_break", &rules->cell_line_break},
                          std::pair{"reference_step", &rules->reference_step},
                          std::pair{"reference_list", &rules->reference_list},
                          std::pair{"reference_range", &rules->reference_range}}) {
    Status status = in.Regex(in.root(), key, out);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status LoadUnitWords(const GrammarReader& in, const char* key, std::vector<UnitWord>* out) {
  YAML::Node node = in.root()[key];
  for (const char* role : {"lead", "responsible"}) {
    std::vector<std::string> words;
    Status status = in.Words(node, role, &words);
    if (!status.ok()) return status;
    for (auto& word : words) {
      out->push_back(UnitWord{word, role[0] == 'l' ? UnitRole::kLead : UnitRole::kResponsible});
    }
  }
  SortLongestFirst(out);
  return Status::Ok();
}

Status LoadAnnotations(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  std::vector<std::function<Status()>> steps = {
      [&] { return LoadUnitWords(in, "labels", &rules->labels); },
      [&] { return in.Words(root, "other_labels", &rules->other_labels); },
      [&] { return LoadUnitWords(in, "verbs", &rules->verbs); },
      [&] { return LoadUnitWords(in, "running_verbs", &rules->running_verbs); },
      [&] { return in.Words(root, "in_charge", &rules->in_charge); },
      [&] { return in.Words(root, "supporting", &rules->supporting); },
      [&] { return in.Words(root, "co_lead", &rules->co_lead); },
      [&] { return in.Words(root, "clause_verbs", &rules->clause_verbs); },
      [&] { return in.Words(root, "running_modals", &rules->running_modals); },
      [&] { return in.Regex(root, "label_separator", &rules->label_separator); },
      [&] { return in.Regex(root, "list_separator", &rules->list_separator); },
      [&] { return in.Words(root, "open_list", &rules->open_list); },
      [&] { return in.Regex(root, "unit_shape", &rules->unit_shape); },
      [&] { return in.Regex(root, "collective", &rules->collective); },
      [&] { return in.Regex(root, "not_unit", &rules->not_unit); },
      [&] { return in.Regex(root, "name_lead_in", &rules->name_lead_in); },
      [&] { return in.Regex(root, "first_unit_leads", &rules->first_unit_leads); },
      [&] { return in.Regex(root, "lead_mark", &rules->lead_mark); },
  };
  for (auto& step : steps) {
    Status status = step();
    if (!status.ok()) return status;
  }
  std::sort(rules->open_list.begin(), rules->open_list.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return Status::Ok();
}

// named_references: a map of reference name (ldquo) to the text it stands for (“).
Status LoadNamedReferences(const GrammarReader& in, std::map<std::string, std::string>* out) {
  YAML::Node node = in.root()["named_references"];
  if (!node.IsMap()) return in.Error(in.root(), "'named_references' must map names to text");
  for (const auto& entry : node) {
    if (!entry.second.IsScalar()) {
      return in.Error(entry.second, "a named reference must stand for a string");
    }
    (*out)[entry.first.as<std::string>()] = entry.second.as<std::string>();
  }
  return Status::Ok();
}

Status LoadArtefacts(const GrammarReader& in, RuleSet* rules) {
  Status status = in.RegexList(in.root(), "inline", &rules->inline_artefacts);
  if (!status.ok()) return status;
  status = in.RegexList(in.root(), "lines", &rules->line_artefacts);
  if (!status.ok()) return status;
  status = in.Regex(in.root(), "bare_page_number", &rules->bare_page_number);
  if (!status.ok()) return status;
  status = in.Regex(in.root(), "footnote", &rules->footnote);
  if (!status.ok()) return status;
  status = in.Regex(in.root(), "page_tail", &rules->page_tail);
  if (!status.ok()) return status;
  status = in.Regex(in.root(), "character_reference", &rules->character_reference);
  if (!status.ok()) return status;
  status = LoadNamedReferences(in, &rules->named_references);
  if (!status.ok()) return status;
  return in.Regex(in.root(), "lines", &rules->any_line_artefact);
}

Status LoadStructure(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  for (auto [key, out] : {std::pair{"non_task_section", &rules->non_task_section},
                          std::pair{"task_section", &rules->task_section},
                          std::pair{"past_section", &rules->past_section},
                          std::pair{"appendix", &rules->appendix},
                          std::pair{"attachment_list", &rules->attachment_list},
                          std::pair{"notes_start", &rules->notes_start},
                          std::pair{"table_caption", &rules->table_caption},
                          std::pair{"table_pointer", &rules->table_pointer},
                          std::pair{"appendix_pointer", &rules->appendix_pointer},
                          std::pair{"sentence_end", &rules->sentence_end},
                          std::pair{"title_end", &rules->title_end},
                          std::pair{"annotation_end", &rules->annotation_end},
                          std::pair{"enumeration_clause", &rules->enumeration_clause},
                          std::pair{"back_matter_line", &rules->back_matter_line},
                          std::pair{"official_line", &rules->official_line},
                          std::pair{"deadline_line", &rules->deadline_line},
                          std::pair{"lead_line", &rules->lead_line},
                          std::pair{"field_label", &rules->field_label},
                          std::pair{"annotation_lead_in", &rules->annotation_lead_in}}) {
    Status status = in.Regex(root, key, out);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status LoadMetadata(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  for (auto [key, out] : {std::pair{"title_keyword", &rules->title_keyword},
                          std::pair{"front_matter_skip", &rules->front_matter_skip},
                          std::pair{"notice_title", &rules->notice_title},
                          std::pair{"date", &rules->date},
                          std::pair{"date_chinese", &rules->date_chinese},
                          std::pair{"date_in_subtitle", &rules->date_in_subtitle},
                          std::pair{"issuer_print_date", &rules->issuer_print_date},
                          std::pair{"doc_number", &rules->doc_number},
                          std::pair{"doc_number_labelled", &rules->doc_number_labelled},
                          std::pair{"issuer_labelled", &rules->issuer_labelled},
                          std::pair{"date_labelled", &rules->date_labelled},
                          std::pair{"period_five_year_plan", &rules->period_five_year_plan},
                          std::pair{"issuer", &rules->issuer},
                          std::pair{"region_prefix", &rules->region_prefix},
                          std::pair{"region_in_text", &rules->region_in_text},
                          std::pair{"region_not", &rules->region_not},
                          std::pair{"region_not_in_text", &rules->region_not_in_text},
                          std::pair{"region_not_before", &rules->region_not_before},
                          std::pair{"period_range", &rules->period_range},
                          std::pair{"period_year", &rules->period_year},
                          std::pair{"draft_note", &rules->draft_note}}) {
    Status status = in.Regex(root, key, out);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

template <typename T>
void SortByWordLength(std::vector<T>* items, const std::string& (*word)(const T&)) {
  std::stable_sort(items->begin(), items->end(),
                   [word](const T& a, const T& b) { return word(a).size() > word(b).size(); });
}

const std::string& Self(const std::string& s) { return s; }
const std::string& ComparatorText(const ComparatorWord& c) { return c.word; }
const std::string& PeriodText(const PeriodWord& p) { return p.word; }

Status RunSteps(const std::vector<std::function<Status()>>& steps) {
  for (const auto& step : steps) {
    Status status = step();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status LoadMeasures(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  Status status = RunSteps({
      [&] { return in.Words(root, "measure_words", &rules->measure_words); },
      [&] { return in.Regex(root, "not_after_measure", &rules->not_after_measure); },
      [&] { return in.Regex(root, "not_after_number", &rules->not_after_number); },
      [&] { return in.Regex(root, "chinese_one_after", &rules->chinese_one_after); },
      [&] {
        return in.Regex(root, "chinese_one_closing_after", &rules->chinese_one_closing_after);
      },
      [&] { return in.Words(root, "calendar_measure_words", &rules->calendar_measure_words); },
      [&] { return in.Words(root, "tenths_words", &rules->tenths_words); },
      [&] { return in.Regex(root, "tenths_not_after", &rules->tenths_not_after); },
      [&] { return in.Words(root, "bounded_measure_words", &rules->bounded_measure_words); },
      [&] {
        return in.Words(root, "clause_end_measure_words", &rules->clause_end_measure_words);
      },
      [&] { return in.Words(root, "duration_measures", &rules->duration_measures); },
      [&] { return in.Regex(root, "duration_done", &rules->duration_done); },
      [&] { return in.Regex(root, "time_limit_done", &rules->time_limit_done); },
      [&] { return in.Regex(root, "date_offset_before", &rules->date_offset_before); },
      [&] { return in.Words(root, "frequency_measures", &rules->frequency_measures); },
  });
  SortByWordLength(&rules->measure_words, Self);
  SortByWordLength(&rules->bounded_measure_words, Self);
  return status;
}

// A map of symbol (or period name) to word list, flattened into (word, symbol) pairs.
template <typename T>
Status LoadKeyedWords(const GrammarReader& in, const YAML::Node& parent, const char* key,
                      const std::vector<std::string>& allowed, std::vector<T>* out) {
  YAML::Node node = parent[key];
  if (!node.IsMap()) return in.Error(parent, fmt::format("'{}' must map names to word lists", key));
  for (const auto& entry : node) {
    std::string name = entry.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return in.Error(entry.first, fmt::format("unknown name '{}' under '{}'", name, key));
    }
    std::vector<std::string> words;
    Status status = in.Words(node, name.c_str(), &words);
    if (!status.ok()) return status;
    for (auto& word : words) out->push_back(T{word, name});
  }
  return Status::Ok();
}

Status LoadComparators(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  const std::vector<std::string> symbols = {">=", ">", "=", "<=", "<", "~"};
  Status status = RunSteps({
      [&] { return LoadKeyedWords(in, root, "before", symbols, &rules->comparators_before); },
      [&] { return LoadKeyedWords(in, root, "after", symbols, &rules->comparators_after); },
      [&] { return in.Words(root, "range_separators", &rules->range_separators); },
      [&] { return in.Words(root, "list_joiners", &rules->list_joiners); },
      [&] { return in.Words(root, "stretch", &rules->stretch_words); },
      [&] { return in.Words(root, "full_coverage", &rules->full_coverage); },
  });
  SortByWordLength(&rules->comparators_before, ComparatorText);
  SortByWordLength(&rules->comparators_after, ComparatorText);
  SortByWordLength(&rules->list_joiners, Self);
  return status;
}

Status LoadTargets(const GrammarReader& in, RuleSet* rules) {
  const YAML::Node& root = in.root();
  const std::vector<std::string> periods = {"annual", "per_semester", "quarterly", "monthly",
                                            "weekly"};
  Status status = RunSteps({
      [&] { return in.Regex(root, "deadline", &rules->deadline); },
      [&] { return in.Regex(root, "this_year", &rules->this_year); },
      [&] { return LoadKeyedWords(in, root, "periods", periods, &rules->periods); },
      [&] { return in.Regex(root, "not_before", &rules->not_before); },
      [&] { return in.Regex(root, "structure_count", &rules->structure_count); },
      [&] { return in.Regex(root, "structure_count_chinese", &rules->structure_count_chinese); },
      [&] { return in.Regex(root, "count_then_list", &rules->count_then_list); },
      [&] { return in.Regex(root, "rate_scope", &rules->rate_scope); },
      [&] { return in.Regex(root, "removed_before", &rules->removed_before); },
      [&] { return in.Regex(root, "removed_after", &rules->removed_after); },
      [&] { return in.Regex(root, "scope_before", &rules->scope_before); },
      [&] { return in.Regex(root, "condition_after", &rules->condition_after); },
      [&] { return in.Regex(root, "starting_point_before", &rules->starting_point_before); },
      [&] { return in.Regex(root, "starting_point_after", &rules->starting_point_after); },
      [&] { return in.Regex(root, "achieved", &rules->achieved); },
      [&] { return in.Regex(root, "past_lead_in", &rules->past_lead_in); },
      [&] { return in.Regex(root, "unitless_metric", &rules->unitless_metric); },
      [&] { return in.Regex(root, "reference", &rules->reference); },
      [&] { return in.Regex(root, "metric_head", &rules->metric_head); },
  });
  SortByWordLength(&rules->periods, PeriodText);
  return status;
}

Status LoadLevelRule(const GrammarReader& in, const YAML::Node& node, LevelRule* rule) {
  Status status = in.Regex(node, "pattern", &rule->pattern);
  if (!status.ok()) return status;
  if (node["body"]) rule->body = node["body"].as<std::string>();
  if (node["canonical"]) rule->canonical = node["canonical"].as<std::string>();
  if (node["known_body_only"]) rule->known_body_only = node["known_body_only"].as<bool>();
  int needed = rule->body.empty() ? 3 : 2;
  if (rule->pattern.group_count() < needed) {
    return in.Error(node, fmt::format("a level pattern needs {} groups (place, level{})", needed,
                                      needed == 3 ? ", body" : ""));
  }
  if (!rule->body.empty() && rule->canonical.empty()) {
    return in.Error(node, "a level rule with a fixed body needs a canonical template");
  }
  return Status::Ok();
}

Status LoadCollectives(const GrammarReader& in, UnitRules* units) {
  YAML::Node node = in.root()["collectives"];
  if (!node.IsMap()) return in.Error(in.root(), "'collectives' must map roles to patterns");
  for (const auto& entry : node) {
    std::string role = entry.first.as<std::string>();
    std::vector<Pattern> patterns;
    Status status = in.RegexList(node, role.c_str(), &patterns);
    if (!status.ok()) return status;
    for (Pattern& pattern : patterns) units->collectives.push_back({role, std::move(pattern)});
  }
  return Status::Ok();
}

// Registers one office. A name held by another office is an error: it would be ambiguous.
Status AddOffice(const GrammarReader& in, const YAML::Node& node, Office office,
                 UnitRules* units) {
  for (const std::string& name : office.names) {
    std::string key = units->ignored.RemoveAll(name);
    auto [it, inserted] = units->office_of.emplace(key, units->offices.size());
    if (!inserted && it->second != units->offices.size()) {
      return in.Error(node, fmt::format("office name '{}' is listed under two offices", name));
    }
  }
  units->offices.push_back(std::move(office));
  return Status::Ok();
}

Status LoadRoles(const GrammarReader& in, UnitRules* units) {
  YAML::Node roles = in.root()["roles"];
  if (!roles.IsMap()) return in.Error(in.root(), "'roles' must map role keys to offices");
  for (const auto& entry : roles) {
    std::string role = entry.first.as<std::string>();
    if (!entry.second.IsSequence()) return in.Error(entry.second, "a role needs a list of offices");
    units->roles.push_back(role);
    for (const auto& office_node : entry.second) {
      Office office{role, {}};
      if (!office_node.IsSequence() || office_node.size() == 0) {
        return in.Error(office_node, "an office is a non-empty list of names");
      }
      for (const auto& name : office_node) office.names.push_back(name.as<std::string>());
      Status status = AddOffice(in, office_node, std::move(office), units);
      if (!status.ok()) return status;
    }
  }
  return Status::Ok();
}

Status LoadUnits(const GrammarReader& in, RuleSet* rules) {
  UnitRules& units = rules->units;
  Status status = in.Regex(in.root(), "ignored", &units.ignored);
  if (status.ok()) status = in.Regex(in.root(), "alias_bracket", &units.alias_bracket);
  if (!status.ok()) return status;
  if (units.alias_bracket.group_count() < 2) {
    return in.Error(in.root()["alias_bracket"], "alias_bracket needs groups 1 (name), 2 (alias)");
  }
  YAML::Node levels = in.root()["levels"];
  if (!levels.IsSequence()) return in.Error(in.root(), "'levels' must be a list");
  for (const auto& node : levels) {
    LevelRule rule;
    status = LoadLevelRule(in, node, &rule);
    if (!status.ok()) return status;
    units.levels.push_back(std::move(rule));
  }
  status = LoadCollectives(in, &units);
  if (!status.ok()) return status;
  return LoadRoles(in, &units);
}

Status LoadThemes(const GrammarReader& in, RuleSet* rules) {
  ThemeRules& themes = rules->themes;
  YAML::Node weights = in.root()["weights"];
  if (!weights.IsMap()) return in.Error(in.root(), "'weights' must map title/heading/text");
  themes.title_weight = weights["title"].as<int>();
  themes.heading_weight = weights["heading"].as<int>();
  themes.text_weight = weights["text"].as<int>();
  themes.min_score = in.root()["min_score"].as<int>();
  YAML::Node list = in.root()["themes"];
  if (!list.IsMap()) return in.Error(in.root(), "'themes' must map theme keys to keywords");
  for (const auto& entry : list) {
    ThemeRule theme{entry.first.as<std::string>(), {}};
    Status status = in.Words(list, theme.key.c_str(), &theme.keywords);
    if (!status.ok()) return status;
    themes.themes.push_back(std::move(theme));
  }
  themes.keywords = std::make_shared<const KeywordSet>(AllKeywords(themes));
  return Status::Ok();
}

using Loader = Status (*)(const GrammarReader&, RuleSet*);

const std::map<std::string, Loader>& Loaders() {
  static const std::map<std::string, Loader> kLoaders = {
      {"numbering.yaml", LoadNumbering},     {"tables.yaml", LoadTables},
      {"annotations.yaml", LoadAnnotations}, {"artefacts.yaml", LoadArtefacts},
      {"structure.yaml", LoadStructure},     {"metadata.yaml", LoadMetadata},
      {"measures.yaml", LoadMeasures},       {"comparators.yaml", LoadComparators},
      {"targets.yaml", LoadTargets},         {"units.yaml", LoadUnits},
      {"themes.yaml", LoadThemes}};
  return kLoaders;
}

}  // namespace

Result<RuleSet> LoadRuleSet(const std::vector<GrammarFile>& files) {
  RuleSet rules;
  for (const auto& [name, loader] : Loaders()) {
    auto file = std::find_if(files.begin(), files.end(),
                             [&wanted = name](const GrammarFile& f) { return f.name == wanted; });
    if (file == files.end()) {
      return Status::Error(Status::Code::kBadGrammar,
                           fmt::format("grammar file grammars/{} is missing", name));
    }
    YAML::Node root;
    try {
      root = YAML::Load(file->text);
    } catch (const YAML::Exception& e) {
      return Status::Error(Status::Code::kBadGrammar, e.msg,
                           SourcePos{"grammars/" + name, e.mark.line + 1, e.mark.column + 1});
    }
    try {
      Status status = loader(GrammarReader(*file, root), &rules);
      if (!status.ok()) return status;
    } catch (const YAML::Exception& e) {
      return Status::Error(Status::Code::kBadGrammar, e.msg,
                           SourcePos{"grammars/" + name, e.mark.line + 1, e.mark.column + 1});
    }
  }
  return rules;
}

std::vector<GrammarFile> MergeGrammarFiles(const std::vector<GrammarFile>& overrides) {
  std::vector<GrammarFile> merged = BuiltinGrammarFiles();
  for (const auto& file : overrides) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const GrammarFile& f) { return f.name == file.name; });
    if (same != merged.end()) {
      *same = file;
    } else {
      merged.push_back(file);
    }
  }
  return merged;
}

}  // namespace fengong
