#include "structure.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "segment_table.h"
#include "structure_numbering.h"
#include "structure_table.h"
#include "utf8.h"

namespace fengong {
namespace {

// A heading is short: longer numbered paragraphs are items with a body.
constexpr size_t kMaxHeadingChars = 40;
// A title sentence at the head of an item is at most this long.
constexpr size_t kMaxTitleChars = 60;

struct Node {
  int parent = -1;
  Marker marker;
  Passage text;                 // the paragraph after its marker
  std::vector<Passage> body;    // unnumbered paragraphs that follow it
  std::vector<int> children;
  int first_line = 0;
  int last_line = 0;
  bool heading_only = false;
  int task = -1;                // index of the task drawn from this node
  Passage lead_line;            // 市住建局牵头： printed above it (and its siblings), or empty
};

bool IsHeadingOnly(const Passage& text, const RuleSet& rules) {
  const std::string& folded = text.folded();
  if (CodePointCount(folded, kMaxHeadingChars + 1) > kMaxHeadingChars) return false;
  // A heading holds at most one sentence, and it ends the paragraph.
  size_t first_end = folded.find("。");
  return first_end == std::string::npos || first_end + 3 >= folded.size() ||
         !rules.sentence_end.Contains(folded.substr(0, first_end + 3));
}

// A heading that is a name, not a sentence: "主要任务", not "智能技术类课程，开展培训。".
bool IsBareHeading(const Passage& text, const RuleSet& rules) {
  return !rules.sentence_end.Contains(text.folded()) &&
         text.folded().find(',') == std::string::npos;
}

// Whether the folded `inner` text of a bracket reads as a unit annotation: it names a label
// (牵头单位：) or ends with a role verb (区科协牵头).
bool IsAnnotationText(std::string_view inner, const RuleSet& rules) {
  for (const UnitWord& label : rules.labels) {
    if (inner.find(label.word) != std::string_view::npos) return true;
  }
  for (const UnitWord& verb : rules.verbs) {
    if (inner.size() > verb.word.size() &&
        inner.substr(inner.size() - verb.word.size()) == verb.word) {
      return true;
    }
  }
  return false;
}

// A heading as a path label: closing punctuation and a trailing unit annotation cut
// ("实施…提升行动（牵头单位：区教委）" → "实施…提升行动"; the units are read from heading_texts).
// Annotations come in any of these brackets, and not always a matching pair (（…〕).
constexpr std::string_view kOpenBrackets[] = {"(", "〔", "【", "["};
constexpr std::string_view kCloseBrackets[] = {")", "〕", "】", "]"};

std::string HeadingLabel(const Passage& text, const RuleSet& rules) {
  Passage label = WithoutClosingPunctuation(text);
  std::string_view folded = label.folded();
  size_t close = std::string_view::npos;
  for (std::string_view bracket : kCloseBrackets) {
    if (folded.size() > bracket.size() && folded.substr(folded.size() - bracket.size()) == bracket) {
      close = folded.size() - bracket.size();
    }
  }
  if (close == std::string_view::npos) return label.printed();
  size_t open = std::string_view::npos, inner_begin = 0;
  for (std::string_view bracket : kOpenBrackets) {
    size_t at = FindLastBytes(folded.substr(0, close), bracket);
    if (at != std::string_view::npos && (open == std::string_view::npos || at > open)) {
      open = at;
      inner_begin = at + bracket.size();
    }
  }
  if (open == std::string_view::npos || open == 0) return label.printed();
  if (!IsAnnotationText(folded.substr(inner_begin, close - inner_begin), rules)) {
    return label.printed();
  }
  return label.PrintedRange(0, open);
}

bool IsStandaloneAnnotation(const Passage& paragraph, const RuleSet& rules);

// A paragraph led into (以上任务由, (一)至(四)项由) as an annotation and closed by a role verb.
bool IsLedInAnnotation(const Passage& paragraph, const RuleSet& rules) {
  size_t lead_in = 0;
  return rules.annotation_lead_in.MatchPrefix(paragraph.folded(), &lead_in) && lead_in > 0 &&
         IsStandaloneAnnotation(paragraph, rules);
}

// A paragraph that is nothing but a unit annotation: wholly bracketed, or led by a label, or led
// into (以上任务由, ——) and closed by a role verb as one sentence.
bool IsStandaloneAnnotation(const Passage& paragraph, const RuleSet& rules) {
  const std::string& folded = paragraph.folded();
  const std::string& printed = paragraph.printed();
  size_t lead_in = 0;
  if (rules.annotation_lead_in.MatchPrefix(folded, &lead_in) && lead_in > 0) {
    const Passage closed = WithoutClosingPunctuation(paragraph);
    std::string_view rest = closed.folded();
    return rest.size() > lead_in && rest.find("。") == std::string_view::npos &&
           IsAnnotationText(rest.substr(lead_in), rules);
  }
  bool opens = folded.rfind("(", 0) == 0 || printed.rfind("〔", 0) == 0 ||
               printed.rfind("【", 0) == 0 || folded.rfind("[", 0) == 0;
  bool closes = folded.size() > 1 && (folded.back() == ')' || folded.back() == ']' ||
                                      FindLastBytes(printed, "〕") + 3 == printed.size() ||
                                      FindLastBytes(printed, "】") + 3 == printed.size());
  size_t at = opens ? (printed.rfind("〔", 0) == 0 || printed.rfind("【", 0) == 0 ? 3 : 1) : 0;
  std::string_view inner = std::string_view(folded).substr(at);
  // A label counts with its colon (责任：X), not as the head of a longer word (责任领导：).
  for (const UnitWord& label : rules.labels) {
    size_t separator = 0;
    if (inner.rfind(label.word, 0) == 0 &&
        rules.label_separator.MatchPrefix(inner.substr(label.word.size()), &separator)) {
      return true;
    }
  }
  return opens && closes && CodePointCount(folded, 200) < 200 && folded.find("。") == std::string::npos;
}

class OutlineBuilder {
 public:
  OutlineBuilder(const RuleSet& rules, Diagnostics* diagnostics)
      : rules_(rules), diagnostics_(diagnostics) {
    nodes_.emplace_back();  // the root
  }

  // Reads the prose blocks; stops at an appendix line after the body has begun. Captions of the
  // tables in the body are skipped.
  // `first_table_line`: where the first table starts (a table is body too), or INT_MAX.
  void Read(const std::vector<const Block*>& paragraphs, const std::set<const Block*>& captions,
            int first_table_line, Structure* out) {
    std::vector<Entry> entries;
    std::vector<OutlineEntry> outline;
    int next_attachment = 0;  // the number the next line of a notice's 附件：1.… list carries
    for (const Block* block : paragraphs) {
      std::optional<Marker> marker = ParseMarker(block->paragraph.folded(), rules_);
      // (一)至(四)项由X牵头…: a range of labels leads into a group annotation, it opens no item.
      if (marker && IsLedInAnnotation(block->paragraph, rules_)) marker.reset();
      if (marker && marker->rank >= kItemRank && next_attachment > 0 &&
          marker->number == next_attachment) {
        ++next_attachment;  // 2.…任务分工表: the rest of the list names a file, it opens no item
        continue;
      }
      next_attachment = AttachmentListNext(block->paragraph.folded());
      if (marker) {
        Passage rest = block->paragraph.Slice(marker->length, block->paragraph.folded().size());
        bool heading_only = IsHeadingOnly(rest, rules_);
        outline.push_back(OutlineEntry{*marker, block->first_line, heading_only,
                                       heading_only && IsBareHeading(rest, rules_)});
      }
      entries.emplace_back(block, marker);
    }
    RepairMisnumberedTop(&outline, diagnostics_);
    std::vector<bool> closing = ClosingRuns(entries);
    size_t next_marker = 0;
    bool body_started = false;
    bool after_annotation = false;  // the paragraph before was a standalone annotation
    for (size_t i = 0; i < entries.size(); ++i) {
      bool was_after_annotation = std::exchange(after_annotation, false);
      auto& [block, marker] = entries[i];
      if (marker) marker->rank = outline[next_marker++].marker.rank;
      const Passage& paragraph = block->paragraph;
      bool after_body = body_started || block->first_line > first_table_line;
      if (after_body && !marker && rules_.notes_start.Contains(paragraph.folded())) {
        ReadSignature(entries, i + 1, out);
        break;
      }
      if (body_started && rules_.appendix.Contains(paragraph.folded())) {
        if (rules_.attachment_list.Contains(paragraph.folded())) ReadSignature(entries, i + 1, out);
        appendix_line_ = paragraph.first_line();
        break;
      }
      if (body_started && closing[i]) {
        out->back_matter.push_back(paragraph);
      } else if (body_started && !marker &&
                 (captions.count(block) || rules_.official_line.Contains(paragraph.folded()) ||
                  rules_.deadline_line.Contains(paragraph.folded()))) {
        continue;
      } else if (body_started && !marker && PointsToAppendix(paragraph)) {
        continue;
      } else if (body_started && !marker && rules_.lead_line.Contains(paragraph.folded())) {
        lead_line_ = paragraph;
        lead_line_rank_ = -1;
        continue;
      } else if (marker && ListsUnder(*marker, paragraph)) {
        AddBody(paragraph);
      } else if (marker) {
        body_started = true;
        Open(*marker, paragraph);
      } else if (!body_started) {
        out->front_matter.push_back(paragraph);
      } else if (IsStandaloneAnnotation(paragraph, rules_)) {
        AddAnnotation(paragraph, was_after_annotation);
        after_annotation = true;
      } else if (!ClosedByAnnotation()) {
        AddBody(paragraph);
      }
    }
  }

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::map<int, Passage>& annotation_after() const { return annotation_after_; }
  // The line of the appendix that ended the outline, or 0.
  int appendix_line() const { return appendix_line_; }

 private:
  using Entry = std::pair<const Block*, std::optional<Marker>>;

  // After a notice's list of attachments or the notes that close the body: the rest of the list,
  // then the issuer and date (back matter), up to the appendix proper.
  void ReadSignature(const std::vector<Entry>& entries, size_t from, Structure* out) const {
    for (size_t i = from; i < entries.size(); ++i) {
      const auto& [block, marker] = entries[i];
      const std::string& folded = block->paragraph.folded();
      if (rules_.appendix.Contains(folded)) return;
      if (!marker && IsClosingLine(folded)) out->back_matter.push_back(block->paragraph);
    }
  }

  // The issuer, date and notes that close a document (or its body, before an appendix): for
  // each entry, whether it and every entry after it up to the end or the appendix are such lines.
  std::vector<bool> ClosingRuns(const std::vector<Entry>& entries) const {
    std::vector<bool> closing(entries.size(), false);
    bool run = true;
    for (size_t i = entries.size(); i-- > 0;) {
      const std::string& folded = entries[i].first->paragraph.folded();
      if (rules_.appendix.Contains(folded)) {
        run = true;
        continue;
      }
      // A bracketed closing note (（此件主动公开）) is no unit annotation, whatever its shape.
      run = run && !entries[i].second && IsClosingLine(folded) &&
            (rules_.back_matter_line.Contains(folded) ||
             !IsStandaloneAnnotation(entries[i].first->paragraph, rules_));
      closing[i] = run;
    }
    return closing;
  }

  // Whether `paragraph` is all a heading says of its own (二、重点任务 | …具体分工详见附件。): the
  // tasks are the appendix's, the pointer is no task.
  bool PointsToAppendix(const Passage& paragraph) const {
    if (current_ == 0 || !nodes_[current_].heading_only || !nodes_[current_].body.empty()) {
      return false;
    }
    return rules_.appendix_pointer.Contains(paragraph.folded());
  }

  // Whether the current item ended with its unit annotation (…。（X牵头，Y负责）), inline or on a
  // line of its own after it (责任单位：… closing a group): an unnumbered paragraph after it is the
  // document's own closing words (各单位要于…前报送…), not more of it.
  // A heading's annotation line (（一）加强组织领导 | （牵头单位：X）) may still be followed by its body;
  // a numbered item's (1. or deeper) may not, however short the item.
  bool ClosedByAnnotation() const {
    if (current_ == 0) return false;
    if (annotation_after_.count(current_) && nodes_[current_].marker.rank >= kItemRank) return true;
    if (nodes_[current_].heading_only) return false;
    const Node& node = nodes_[current_];
    const Passage& last = node.body.empty() ? node.text : node.body.back();
    return rules_.annotation_end.Contains(last.folded());
  }

  void AddBody(const Passage& paragraph) {
    nodes_[current_].body.push_back(paragraph);
    nodes_[current_].last_line = paragraph.last_line();
  }

  // Whether a deeper marker is a line of the current item's own list: an item with a body that
  // ends in a colon ("重点开发以下课程：") introduces its sub-items as part of its text, and so does
  // an item with a body whose first sub-item is a clause closed by a semicolon (（1）…达标率100%；),
  // the enumeration of one sentence, not an item of its own.
  bool ListsUnder(const Marker& marker, const Passage& paragraph) {
    const Node& node = nodes_[current_];
    if (current_ == 0 || marker.rank <= node.marker.rank) return false;
    if (listing_ == current_) return true;
    // ① points under an item (1. or （1）) are its sub-points, whether or not it has a body.
    if (node.marker.rank >= kItemRank && marker.rank >= kSubPointRank) {
      listing_ = current_;
      return true;
    }
    if (node.heading_only) return false;
    const std::string& last = node.body.empty() ? node.text.folded() : node.body.back().folded();
    if (!rules_.enumeration_clause.Contains(paragraph.folded()) &&
        (last.empty() || last.back() != ':')) {
      return false;
    }
    listing_ = current_;
    return true;
  }

  // An annotation printed after the previous one (牵头单位：… then 责任单位：… on the next line)
  // continues it; the pieces stay apart as list items do.
  void AddAnnotation(const Passage& paragraph, bool continues) {
    auto found = annotation_after_.find(current_);
    if (!continues || found == annotation_after_.end()) {
      annotation_after_[current_] = paragraph;
      return;
    }
    Line separator;
    separator.number = found->second.last_line();
    separator.text = "；";
    found->second.Append(Passage::FromLine(separator));
    found->second.Append(paragraph);
  }

  // After "附件：1.…名单", the number of the list's next line (2); else 0.
  int AttachmentListNext(const std::string& folded) const {
    if (!rules_.attachment_list.Contains(folded)) return 0;
    size_t colon = folded.find(':');
    if (colon == std::string::npos) return 0;
    std::optional<Marker> first = ParseMarker(Trim(std::string_view(folded).substr(colon + 1)), rules_);
    return first && first->number == 1 ? 2 : 0;
  }

  bool IsClosingLine(const std::string& folded) const {
    return rules_.issuer.Contains(folded) || rules_.date.Contains(folded) ||
           rules_.date_chinese.Contains(folded) || rules_.back_matter_line.Contains(folded);
  }

  void Open(const Marker& marker, const Passage& paragraph) {
    int parent = current_;
    while (parent != 0 && nodes_[parent].marker.rank >= marker.rank) parent = nodes_[parent].parent;
    Node node;
    node.parent = parent;
    node.marker = marker;
    node.text = paragraph.Slice(marker.length, paragraph.folded().size());
    node.first_line = paragraph.first_line();
    node.last_line = paragraph.last_line();
    node.heading_only = IsHeadingOnly(node.text, rules_);
    // A lead line holds for the items numbered after it at the level of the first of them; a
    // heading above that level ends it.
    if (!lead_line_.empty()) {
      if (lead_line_rank_ < 0) lead_line_rank_ = marker.rank;
      if (marker.rank < lead_line_rank_) {
        lead_line_ = Passage();
      } else {
        node.lead_line = lead_line_;
      }
    }
    nodes_.push_back(std::move(node));
    current_ = static_cast<int>(nodes_.size()) - 1;
    nodes_[parent].children.push_back(current_);
  }

  const RuleSet& rules_;
  Diagnostics* diagnostics_;
  std::vector<Node> nodes_;
  std::map<int, Passage> annotation_after_;  // node -> annotation printed right after it
  int current_ = 0;
  int appendix_line_ = 0;
  int listing_ = -1;  // the item whose sub-items are read as its text
  Passage lead_line_;       // the last 市住建局牵头： line, while it holds
  int lead_line_rank_ = -1; // the rank of the first item after it
};

class TaskCollector {
 public:
  TaskCollector(const std::vector<Node>& nodes, const std::map<int, Passage>& annotation_after,
                const RuleSet& rules)
      : nodes_(nodes), annotation_after_(annotation_after), rules_(rules) {}

  void Collect(Structure* out) {
    for (int child : nodes_[0].children) Visit(child, {}, {}, {}, Section::kTasks, out);
  }

  // node -> task index, for linking an appendix table to the body.
  const std::map<int, std::vector<int>>& tasks_under() const { return tasks_under_; }

  // The labels of the headings a table starting at `line` stands under, outermost first: the
  // last node before it and its ancestors, less that node when it is a task of its own.
  std::vector<std::string> PathBefore(int line) const {
    int node = 0;
    for (size_t i = 1; i < nodes_.size() && nodes_[i].first_line < line; ++i) node = static_cast<int>(i);
    if (node != 0 && nodes_[node].children.empty() && tasks_under_.count(node)) {
      node = nodes_[node].parent;
    }
    std::vector<std::string> path;
    for (; node != 0; node = nodes_[node].parent) path.insert(path.begin(), NodeLabel(nodes_[node]));
    return path;
  }

 private:
  bool IsNonTaskSection(const Node& node) const {
    const std::string& folded = node.text.folded();
    std::string_view head = std::string_view(folded).substr(0, TitleEnd(node.text) ? TitleEnd(node.text) : folded.size());
    if (!node.heading_only) head = head.substr(0, std::min<size_t>(head.size(), 90));
    return rules_.non_task_section.Contains(head) && !rules_.task_section.Contains(head);
  }

  // What a section holds: tasks, goals (指导思想, 工作目标), or a report of what was done (回顾,
  // 现状), whose figures are baselines.
  enum class Section { kTasks, kGoals, kPast };

  Section SectionOf(const Node& node, Section enclosing) const {
    if (enclosing != Section::kTasks || !IsNonTaskSection(node)) return enclosing;
    return rules_.past_section.Contains(node.text.folded()) ? Section::kPast : Section::kGoals;
  }

  static std::vector<Passage>* TextOf(Section section, Structure* out) {
    return section == Section::kPast ? &out->past_text : &out->goal_text;
  }

  void Visit(int index, std::vector<std::string> path, std::vector<std::string> ids,
             std::vector<Passage> headings, Section section, Structure* out) {
    const Node& node = nodes_[index];
    section = SectionOf(node, section);
    ids.push_back(std::to_string(node.marker.number));
    if (!node.children.empty()) {
      if (section != Section::kTasks || !node.heading_only) {
        TextOf(section, out)->push_back(node.text);
      }
      for (const Passage& p : node.body) TextOf(section, out)->push_back(p);
      path.push_back(NodeLabel(node));
      headings.push_back(node.text);
      size_t first_task = out->tasks.size();
      for (int child : node.children) Visit(child, path, ids, headings, section, out);
      for (size_t t = first_task; t < out->tasks.size(); ++t) tasks_under_[index].push_back(t);
      return;
    }
    if (section != Section::kTasks) {
      TextOf(section, out)->push_back(node.text);
      for (const Passage& p : node.body) TextOf(section, out)->push_back(p);
      return;
    }
    if (node.heading_only && node.body.empty() && !IsShortItem(index)) return;
    out->tasks.push_back(MakeTask(node, index, path, ids, headings));
    tasks_under_[index].push_back(out->tasks.size() - 1);
  }

  // A leaf that reads like a heading but is an item of a list: it closes its sentence
  // ("1.开展科普讲座。"), or it is numbered 1. / （1） or deeper among other leaves. A bare top
  // heading with nothing under it (一、重点任务分工, before a table) is no task.
  bool IsShortItem(int index) const {
    const Node& node = nodes_[index];
    if (rules_.sentence_end.Contains(node.text.folded())) return true;
    if (node.marker.rank < kItemRank) return false;
    for (int sibling : nodes_[node.parent].children) {
      if (sibling != index && nodes_[sibling].children.empty()) return true;
    }
    return false;
  }

  std::string NodeLabel(const Node& node) const {
    if (node.heading_only) return HeadingLabel(node.text, rules_);
    size_t end = TitleEnd(node.text);
    return end ? HeadingLabel(node.text.Slice(0, end), rules_) : HeadingLabel(node.text, rules_);
  }

  TaskDraft MakeTask(const Node& node, int index, std::vector<std::string> path,
                     const std::vector<std::string>& ids, const std::vector<Passage>& headings) {
    TaskDraft task;
    task.id = fmt::format("{}", fmt::join(ids, "."));
    // A bullet (- item) numbers nothing: its numeral value is 0 and the task has no number.
    if (node.marker.number > 0) task.number = node.marker.number;
    task.heading_texts = headings;
    if (!node.lead_line.empty()) task.heading_texts.push_back(node.lead_line);
    if (node.heading_only) {
      task.title = node.text;
      for (const Passage& p : node.body) task.body.Append(p);
      // A section heading whose body is a list of unnumbered items is itself a level of the
      // path; an item's title over its points (9.加强…整治。 一是…二是…) is not.
      if (node.body.size() >= 2 && node.marker.rank < kItemRank) {
        path.push_back(HeadingLabel(node.text, rules_));
      }
    } else {
      size_t end = TitleEnd(node.text);
      if (end > 0) task.title = node.text.Slice(0, end);
      task.body = node.text.Slice(end, node.text.folded().size());
      for (const Passage& p : node.body) task.body.Append(p);
    }
    if (!task.title.empty()) task.title = WithoutClosingPunctuation(task.title);
    task.path = std::move(path);
    task.first_line = node.first_line;
    task.last_line = std::max(node.last_line, task.body.last_line());
    task.group_annotation = GroupAnnotation(index);
    return task;
  }

  // The standalone annotation printed after this item or after later siblings with none between.
  Passage GroupAnnotation(int index) const {
    const Node& parent = nodes_[nodes_[index].parent];
    auto self = std::find(parent.children.begin(), parent.children.end(), index);
    for (auto it = self; it != parent.children.end(); ++it) {
      auto found = annotation_after_.find(*it);
      if (found != annotation_after_.end()) return found->second;
    }
    return Passage();
  }

  const std::vector<Node>& nodes_;
  const std::map<int, Passage>& annotation_after_;
  const RuleSet& rules_;
  std::map<int, std::vector<int>> tasks_under_;
};

std::vector<SectionHeading> SectionHeadings(const std::vector<Node>& nodes) {
  std::vector<SectionHeading> sections;
  for (size_t i = 1; i < nodes.size(); ++i) {
    const Node& node = nodes[i];
    size_t end = node.heading_only ? node.text.folded().size() : TitleEnd(node.text);
    if (end == 0) continue;
    OutlinePath numbering;
    for (int n = static_cast<int>(i); n > 0; n = nodes[n].parent) {
      numbering.insert(numbering.begin(), OutlineStep{nodes[n].marker.rank, nodes[n].marker.number});
    }
    sections.push_back(SectionHeading{static_cast<int>(i), node.parent,
                                      LettersOnly(node.text.folded().substr(0, end)),
                                      std::move(numbering)});
  }
  return sections;
}

// The paragraphs printed right before a table that read as its caption (…分工表) or point to
// it (…具体分工见下表。), and a pointer printed before the caption (…分工如下： / caption / table).
std::set<const Block*> TableCaptions(const Segmented& segmented, const RuleSet& rules) {
  std::set<const Block*> captions;
  const std::vector<Block>& blocks = segmented.blocks;
  auto is_paragraph = [&](size_t i) { return blocks[i].kind == Block::Kind::kParagraph; };
  auto matches = [&](size_t i, const Pattern& pattern) {
    return is_paragraph(i) && pattern.Contains(blocks[i].paragraph.folded());
  };
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (blocks[i].kind != Block::Kind::kTable) continue;
    const bool caption = matches(i - 1, rules.table_caption);
    if (caption || matches(i - 1, rules.table_pointer)) captions.insert(&blocks[i - 1]);
    if (caption && i >= 2 && matches(i - 2, rules.table_pointer)) captions.insert(&blocks[i - 2]);
  }
  return captions;
}

void MakeIdsUnique(std::vector<TaskDraft>* tasks, Diagnostics* diagnostics) {
  std::map<std::string, int> seen;
  for (TaskDraft& task : *tasks) {
    int count = ++seen[task.id];
    if (count > 1) {
      diagnostics->Warn(task.first_line, WarningCode::kDuplicateTaskId,
                        fmt::format("task id {} is used again; this one is {}-{}", task.id,
                                    task.id, count));
      task.id = fmt::format("{}-{}", task.id, count);
    }
  }
}

Layout ChooseLayout(bool prose_tasks, bool appendix_linked,
                    const std::vector<const Table*>& task_tables) {
  if (appendix_linked) return Layout::kProseTable;
  if (!prose_tasks && !task_tables.empty()) {
    switch (task_tables.front()->style) {
      case TableStyle::kCell: return Layout::kCellTable;
      case TableStyle::kTsv: return Layout::kTsvTable;
      case TableStyle::kBox: return Layout::kBoxTable;
    }
  }
  return Layout::kProse;
}

}  // namespace

const char* LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kCellTable: return "cell-table";
    case Layout::kTsvTable: return "tsv-table";
    case Layout::kBoxTable: return "tsv-table";  // a delimited row per line, as schema.md names it
    case Layout::kProse: return "prose";
    case Layout::kNumberedItems: return "numbered-items";
    case Layout::kProseTable: return "prose+table";
  }
  return "prose";
}

Passage WithoutClosingPunctuation(const Passage& text) {
  const std::string& folded = text.folded();
  size_t end = folded.size();
  for (std::string_view stop : {"。", ":", ";"}) {  // the folded view has ： and ； as : and ;
    if (end >= stop.size() && folded.compare(end - stop.size(), stop.size(), stop) == 0) {
      end -= stop.size();
    }
  }
  return end == folded.size() ? text : text.Slice(0, end);
}

size_t TitleEnd(const Passage& item) {
  const std::string& folded = item.folded();
  size_t end = folded.find("。");
  if (end == std::string::npos) return 0;
  end += 3;
  if (end >= folded.size()) return 0;
  std::string_view first = std::string_view(folded).substr(0, end);
  if (CodePointCount(first, kMaxTitleChars + 1) > kMaxTitleChars) return 0;
  if (first.find(',') != std::string_view::npos || first.find(';') != std::string_view::npos) {
    return 0;
  }
  return end;
}

// Whether the front matter prints a notice's title (关于印发…的通知), one line or wrapped.
bool PrintsNoticeTitle(const std::vector<Passage>& front_matter, const RuleSet& rules) {
  std::string folded;
  for (const Passage& p : front_matter) folded += p.folded();
  return rules.notice_title.Contains(folded);
}

// A notice whose own numbered requirements are its body and whose plan is the table in its
// appendix: the paragraphs between the appendix line and that table (the plan's title, its
// opening and goals) are the plan's front matter.
void AddAppendixOpening(const std::vector<const Block*>& paragraphs,
                        const std::vector<const Block*>& tables, int appendix_line,
                        const RuleSet& rules, std::vector<Passage>* front_matter) {
  auto table = std::find_if(tables.begin(), tables.end(),
                            [&](const Block* t) { return t->first_line > appendix_line; });
  if (table == tables.end()) return;
  for (const Block* block : paragraphs) {
    if (block->first_line <= appendix_line || block->first_line >= (*table)->first_line) continue;
    if (rules.appendix.FullMatch(block->paragraph.folded())) continue;  // the bare 附件 line
    front_matter->push_back(block->paragraph);
  }
}

Structure BuildStructure(const Segmented& segmented, const RuleSet& rules,
                         Diagnostics* diagnostics) {
  Structure out;
  std::vector<const Block*> paragraphs;
  std::vector<const Block*> tables;
  for (const Block& block : segmented.blocks) {
    if (block.kind == Block::Kind::kParagraph) {
      out.first_unit_leads =
          out.first_unit_leads || rules.first_unit_leads.Contains(block.paragraph.folded());
      paragraphs.push_back(&block);
    } else {
      tables.push_back(&block);
    }
  }
  OutlineBuilder outline(rules, diagnostics);
  int first_table_line = tables.empty() ? std::numeric_limits<int>::max() : tables[0]->first_line;
  outline.Read(paragraphs, TableCaptions(segmented, rules), first_table_line, &out);
  TaskCollector collector(outline.nodes(), outline.annotation_after(), rules);
  collector.Collect(&out);
  const bool prose_tasks = !out.tasks.empty();

  bool appendix_linked = false;
  std::vector<const Table*> task_tables;
  for (const Block* block : tables) {
    TableReading reading = ReadTable(block->table, rules, diagnostics);
    if (prose_tasks && LinkAppendix(reading, SectionHeadings(outline.nodes()),
                                    collector.tasks_under(), rules, &out.tasks, diagnostics)) {
      appendix_linked = true;
      continue;
    }
    task_tables.push_back(&block->table);
    // A table in the body (not after the appendix line) stands under the heading above it.
    const bool in_body = outline.appendix_line() == 0 || block->first_line < outline.appendix_line();
    std::vector<std::string> above =
        in_body ? collector.PathBefore(block->first_line) : std::vector<std::string>();
    // A row's merged_with counts the table's own rows: the tasks before the table shift it.
    const int before = static_cast<int>(out.tasks.size());
    for (TaskDraft& task : TableTasks(reading, rules)) {
      if (task.merged_with >= 0) task.merged_with += before;
      task.path.insert(task.path.begin(), above.begin(), above.end());
      out.tasks.push_back(std::move(task));
    }
  }
  MakeIdsUnique(&out.tasks, diagnostics);
  if (outline.appendix_line() > 0 && PrintsNoticeTitle(out.front_matter, rules)) {
    AddAppendixOpening(paragraphs, tables, outline.appendix_line(), rules, &out.front_matter);
  }
  out.layout = ChooseLayout(prose_tasks, appendix_linked, task_tables);
  if (out.front_matter.empty() && !tables.empty()) {
    // Table documents: the paragraphs before the first table are the front matter.
    for (const Block* block : paragraphs) {
      if (block->first_line < tables.front()->first_line) {
        out.front_matter.push_back(block->paragraph);
      }
    }
  }
  return out;
}

namespace {

// At most `bytes` bytes of `text`, never ending inside a character.
std::string_view Utf8Prefix(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

}  // namespace

std::string TaskDraft::Dump() const {
  std::string path_text = fmt::format("{}", fmt::join(path, ">"));
  return fmt::format("draft{{{} #{} [{}] title={} body={}}}", id, number ? *number : -1, path_text,
                     title.printed(), Utf8Prefix(body.folded(), 30));
}

}  // namespace fengong
