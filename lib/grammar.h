// The rule set: every grammar file (grammars/*.yaml) loaded, validated and compiled once.
// Stage code asks the rule set for its patterns and word lists; none builds a pattern of its own.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "grammar_builtin.h"
#include "pattern.h"
#include "status.h"

namespace fengong {

class KeywordSet;  // keyword_set.h

enum class ColumnRole {
  kUnknown, kNumber, kCategory, kContent, kLead, kResponsible, kReference, kOther
};
enum class UnitRole { kLead, kResponsible };

// numbering.yaml: one outline marker style.
struct NumberingRule {
  std::string name;
  int rank = 0;          // outline depth of the style: 1 = 一、, 2 = （一）, 3 = 1. …
  Pattern pattern;       // anchored at the start of a folded line; group 1 holds the numeral
};

// tables.yaml: a header name and the column role it names.
struct ColumnName {
  std::string name;
  ColumnRole role = ColumnRole::kUnknown;
};

// annotations.yaml: a word that introduces or closes a list of units.
struct UnitWord {
  std::string word;
  UnitRole role = UnitRole::kResponsible;
};

// units.yaml: one way a unit name splits into place, level and body.
struct LevelRule {
  Pattern pattern;         // groups: 1 place (may be empty), 2 level, 3 body (unless `body` is set)
  std::string body;        // a fixed body for names whose level sits inside them (团区委 → 团委)
  std::string canonical;   // with `body`: the canonical name, {level} replaced (团{level}委)
  bool known_body_only = false;  // the split counts only when its body is an office name
};

// units.yaml: an office's names, canonical first, and the role it plays.
struct Office {
  std::string role;
  std::vector<std::string> names;
};

struct CollectiveRule {
  std::string role;
  Pattern pattern;
};

struct UnitRules {
  Pattern ignored;        // characters dropped before bodies are compared (和, 与)
  Pattern alias_bracket;  // groups: 1 main name, 2 bracketed alias
  std::vector<LevelRule> levels;
  std::vector<CollectiveRule> collectives;
  std::vector<Office> offices;              // in file order
  std::vector<std::string> roles;           // role keys in file order
  std::map<std::string, size_t> office_of;  // a name with `ignored` removed → index in offices
};

// themes.yaml: a theme and the keywords that reveal it.
struct ThemeRule {
  std::string key;
  std::vector<std::string> keywords;
};

struct ThemeRules {
  int title_weight = 3;
  int heading_weight = 2;
  int text_weight = 1;
  int min_score = 2;
  std::vector<ThemeRule> themes;  // in file order: the earlier wins a tie
  // Every theme's keywords, theme after theme, in one set built once by the loader (so no
  // document pays for it); null in rules made by hand, whose user builds one.
  std::shared_ptr<const KeywordSet> keywords;
};

// Every theme's keywords, theme after theme: the ids of ThemeRules::keywords.
std::vector<std::string> AllKeywords(const ThemeRules& themes);

// comparators.yaml: a word that bounds a figure, and the comparator it means ("~" = about).
struct ComparatorWord {
  std::string word;
  std::string symbol;
};

// targets.yaml: a word that makes a figure recur, and the period it names (annual, weekly …).
struct PeriodWord {
  std::string word;
  std::string period;
};

struct RuleSet {
  // numbering.yaml
  std::vector<NumberingRule> numbering;
  // tables.yaml
  std::vector<ColumnName> column_names;
  size_t longest_column_name_chars = 0;  // of column_names, in code points (0: not counted)
  Pattern cell_line_break;             // <br> inside a markdown cell: a line break of the cell
  Pattern reference_step;              // 二 / （一） / 1 of a cell pointing to the body (group 1)
  Pattern reference_list;              // 、 between two steps of one level
  Pattern reference_range;             // 至 between the ends of a range of steps
  // annotations.yaml
  std::vector<UnitWord> labels;        // 牵头单位： …, longest first
  std::vector<std::string> other_labels;  // 督办单位： …: a list that names no unit of the task
  Pattern label_separator;             // the colon after a label
  std::vector<UnitWord> verbs;         // X牵头，Y配合, longest first
  std::vector<UnitWord> running_verbs; // 县司法局牵头开展… in a task's own sentences
  std::vector<std::string> in_charge;  // X负责，Y参与: X's verb, which makes X the lead …
  std::vector<std::string> supporting; // … when a later list has one of these verbs
  std::vector<std::string> co_lead;    // 由X会同Y、Z…: X leads, Y and Z work with it
  std::vector<std::string> clause_verbs;  // 研究, 加强 …: where the list after 会同 ends
  std::vector<std::string> running_modals;  // 要 of 市民政局要牵头: no part of the list
  Pattern list_separator;              // between two unit names
  std::vector<std::string> open_list;  // trailing 等 forms, longest first
  Pattern unit_shape;                  // a name that reads as an organisation
  Pattern collective;                  // 各街道, 各成员单位 …
  Pattern not_unit;                    // names that look like units but are not
  Pattern name_lead_in;                // 由 of 由X负责, not part of the name
  Pattern first_unit_leads;            // a note that each list's first unit leads
  Pattern lead_mark;                   // （牵头） after a name of a list: that unit leads
  // artefacts.yaml
  std::vector<Pattern> inline_artefacts;  // removed from the printed text
  std::vector<Pattern> line_artefacts;    // whole lines that are not the document's text
  Pattern any_line_artefact;              // line_artefacts as one pattern: one search per line
  Pattern bare_page_number;  // a line of one small number (group 1): a page number among others
  Pattern footnote;          // a page's footnote line: ① or 注：① (group 1 the mark)
  Pattern page_tail;  // a line that opens a web page's or article's tail (打印本页, 往期推荐)
  Pattern character_reference;  // &ldquo; &#8220; &#x201C; (groups: decimal, hex, name)
  std::map<std::string, std::string> named_references;  // ldquo -> “
  // structure.yaml
  Pattern non_task_section;  // headings whose sections hold no tasks (指导思想 …)
  Pattern task_section;      // words that keep a heading a task section despite the above
  Pattern past_section;      // non-task sections that report what was done (baselines)
  Pattern appendix;          // a line that starts an appendix (附件)
  Pattern notes_start;       // 注：1.… after the body: notes, not tasks
  Pattern attachment_list;   // 附件：1.… 2.…, a notice's list before its signature
  Pattern table_caption;     // a table's caption line (…分工表)
  Pattern table_pointer;     // a paragraph before a table that points to it (…见下表。)
  Pattern appendix_pointer;  // a heading's paragraph that points to the appendix (…详见附件。)
  Pattern sentence_end;      // characters that close a sentence or paragraph
  Pattern annotation_end;    // a line that ends with a unit annotation is closed
  Pattern enumeration_clause;  // （1）…；: one clause of an item's enumeration, no item of its own
  Pattern title_end;         // a line that ends like a document title is closed
  Pattern back_matter_line;  // （此件公开发布）, 抄送 … after the body
  Pattern official_line;     // 牵头领导：… after an item: persons, no task text
  Pattern deadline_line;     // 完成时限：… after an item or a group: a date, no task text
  Pattern lead_line;         // 市住建局牵头： over the items it leads
  Pattern field_label;       // 索引号： 发文字号：: a web page's information box, not a table
  Pattern annotation_lead_in;  // 以上任务由 / —— before a paragraph that is an annotation in words
  // metadata.yaml
  Pattern title_keyword;
  Pattern front_matter_skip;
  Pattern notice_title;      // 关于印发《X》的通知; group 1 = X
  Pattern date;              // groups: year, month, day
  Pattern date_chinese;      // the same in Chinese numerals
  Pattern date_in_subtitle;  // ——2024年1月9日在…会议上: groups year, month, day
  Pattern issuer_print_date;  // …办公室 2023年3月17日印发: groups issuer, year, month, day
  Pattern doc_number;
  Pattern doc_number_labelled;  // 发文字号：X in an information box; group 1 = X
  Pattern issuer_labelled;      // 发布机构：X; group 1 = X
  Pattern date_labelled;        // 成文日期：2024年03月05日: groups year, month, day
  Pattern period_five_year_plan;  // “十四五”: group 1 the numeral after 十
  Pattern issuer;
  Pattern region_prefix;     // one administrative name at the start of a title
  Pattern region_in_text;    // a county or district named in the body; group 1
  Pattern region_not;        // 全县, 本区 …
  Pattern region_not_in_text;  // in running text also: 山区, 城区 … (common nouns there)
  Pattern region_not_before;   // the character after a name in the body: 县域, 区级
  Pattern period_range;      // groups: from, to
  Pattern period_year;       // group: year
  Pattern draft_note;        // （征求意见稿）
  // units.yaml
  UnitRules units;
  // themes.yaml
  ThemeRules themes;
  // measures.yaml
  std::vector<std::string> measure_words;  // longest first
  Pattern not_after_measure;  // a measure word that starts a longer word (一次性)
  Pattern not_after_number;   // right after a number: no figure there (60岁以上老年人)
  Pattern chinese_one_after;  // words after which 一 is a figure (组建一支)
  Pattern chinese_one_closing_after;  // before a 一 count closing its clause (创建…基地一个)
  std::vector<std::string> bounded_measure_words;  // only after digits, with a comparator (6类以上)
  std::vector<std::string> clause_end_measure_words;  // of those, read at a clause end too (8部。)
  std::vector<std::string> calendar_measure_words;  // of those, a year after 4 digits (2023年)
  std::vector<std::string> tenths_words;  // after one Chinese digit: a share in tenths (三成)
  Pattern tenths_not_after;   // after such a word: it starts a longer word (一成不变)
  std::vector<std::string> duration_measures;      // time units (小时, 分钟 …)
  Pattern duration_done;      // after a duration: what must be done in it (2小时办结)
  Pattern time_limit_done;    // after a duration: 内 and a service's act (3个工作日内办结)
  Pattern date_offset_before;  // before a duration: a calendar point and 前 (季度末前5个工作日)
  std::vector<std::string> frequency_measures;  // how many times (次): 每半年通报一次
  // comparators.yaml, each list longest first
  std::vector<ComparatorWord> comparators_before;  // right before the number
  std::vector<ComparatorWord> comparators_after;   // right after the measure word
  std::vector<std::string> range_separators;
  std::vector<std::string> list_joiners;  // longest first: 、, 和 … between members of a list
  std::vector<std::string> stretch_words;
  std::vector<std::string> full_coverage;
  // targets.yaml
  Pattern deadline;          // group 1: the year
  Pattern this_year;         // 年内: the document's year
  std::vector<PeriodWord> periods;  // longest first
  Pattern not_before;        // 第 … right before a number
  Pattern structure_count;   // right after a measure word: the document's own structure
  Pattern structure_count_chinese;  // the same, for counts in Chinese numerals (八项规定)
  Pattern removed_before;    // 消除 before 56人以上大班额: a threshold of what is removed
  Pattern removed_after;     // …大班额全部消除 after it: the same
  Pattern condition_after;   // 方可 after a figure: a condition, not a figure to reach
  Pattern scope_before;      // 对 before 1万立方米以上的企业: a threshold of whom a measure covers
  Pattern starting_point_before;  // 由… before the figure a change starts from (a baseline)
  Pattern starting_point_after;   // …提高到 after it
  Pattern count_then_list;   // right after a measure word: a colon and a list of points (三项工作:①)
  Pattern rate_scope;        // right after a measure word: a rate given as a share (39个…优良率90%)
  Pattern achieved;          // a figure already reached: baseline
  Pattern past_lead_in;      // a clause of a past time only (近年来): the sentence reports
  Pattern unitless_metric;   // before a bare number: a coefficient or index (系数为0.641)
  Pattern reference;         // a figure quoted for comparison
  Pattern metric_head;       // cut from the head of a metric
};

// Loads and compiles `files`. A bad file or pattern fails with the grammar file's name, line and
// RE2's message.
Result<RuleSet> LoadRuleSet(const std::vector<GrammarFile>& files);

// The built-in grammar files, each replaced by the file of the same name in `overrides`, plus
// the override files that have no built-in counterpart.
std::vector<GrammarFile> MergeGrammarFiles(const std::vector<GrammarFile>& overrides);

}  // namespace fengong
