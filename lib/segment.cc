#include "segment.h"

#include <fmt/format.h>

#include "numbering.h"
#include "segment_aligned.h"
#include "segment_flat.h"
#include "segment_table.h"
#include "utf8.h"

namespace fengong {
namespace {

// A paragraph line at least this long that ends without closing punctuation was cut by a page
// break or a PDF line wrap; a short one is a title or a heading.
constexpr size_t kOpenLineMinChars = 25;
// Blank lines a page break may leave inside a paragraph.
constexpr int kMaxBlankLinesInParagraph = 3;
// How far back a line wrap may have cut into a bracketed annotation: the grammar's annotation_end
// allows 120 characters inside the brackets, 360 bytes of CJK text.
constexpr size_t kMaxBracketedBytes = 360;
// Lines a cell table may run past without a TAB-led line (a cell's inner paragraphs).
constexpr int kCellTableLookahead = 8;

bool IsTableLine(LineShape shape) {
  return shape == LineShape::kCell || shape == LineShape::kTsv || shape == LineShape::kBox ||
         shape == LineShape::kBorder;
}

// The lines that make up the document's text: artefact lines are not there at all.
std::vector<const Line*> TextLines(const NormalizedText& text) {
  std::vector<const Line*> lines;
  for (const Line& line : text.lines) {
    if (!line.artefact) lines.push_back(&line);
  }
  return lines;
}

// True when a line of shape `want` appears within the next `lookahead` non-blank lines after i.
bool ShapeAhead(const std::vector<const Line*>& lines, size_t i, LineShape want, int lookahead) {
  for (size_t j = i; j < lines.size() && lookahead > 0; ++j) {
    LineShape shape = ClassifyLine(*lines[j]);
    if (shape == LineShape::kBlank) continue;
    if (shape == want) return true;
    if (IsTableLine(shape) && shape != want) return false;
    --lookahead;
  }
  return false;
}

// The end (exclusive) of the table region that starts at lines[begin].
size_t TableRegionEnd(const std::vector<const Line*>& lines, size_t begin, LineShape kind) {
  const int lookahead = kind == LineShape::kCell ? kCellTableLookahead : 1;
  size_t end = begin + 1;
  bool after_blank = false;
  // A border line closes the rows above it: a text line right under one (注：… under └───┘ or
  // +---+) is no cell unless a boxed line follows it.
  bool closed = ClassifyLine(*lines[begin]) == LineShape::kBorder;
  for (size_t i = begin + 1; i < lines.size(); ++i) {
    LineShape shape = ClassifyLine(*lines[i]);
    if (kind == LineShape::kBox && shape == LineShape::kBorder) shape = LineShape::kBox;
    if (shape == LineShape::kBlank) {
      after_blank = true;
      continue;
    }
    bool same = shape == kind;
    bool continuation = shape == LineShape::kText &&
                        ((!after_blank && !closed) || ShapeAhead(lines, i, kind, lookahead));
    if (!same && !continuation) break;
    end = i + 1;
    after_blank = false;
    closed = ClassifyLine(*lines[i]) == LineShape::kBorder;
  }
  return end;
}

// The block of a table read from `region`.
Block TableBlock(const std::vector<const Line*>& region, Table table) {
  Block block;
  block.kind = Block::Kind::kTable;
  block.table = std::move(table);
  block.first_line = region.front()->number;
  block.last_line = region.back()->number;
  return block;
}

Table ParseTable(const std::vector<const Line*>& region, LineShape kind, const RuleSet& rules) {
  switch (kind) {
    case LineShape::kCell: return ParseCellTable(region, rules);
    case LineShape::kTsv: return ParseTsvTable(region, rules);
    default: return ParseBoxTable(region, rules);
  }
}

// The end of the space-aligned table whose header is lines[i], or i when none starts there.
// The end of the flattened table whose header starts at lines[i] (its block appended to
// `blocks`), or i for none.
size_t FlatTableEnd(const std::vector<const Line*>& lines, size_t i, LineShape shape,
                    const RuleSet& rules, std::vector<Block>* blocks) {
  if (shape != LineShape::kText || FlatHeaderSize(lines, i, rules) == 0) return i;
  size_t end = i;
  Table table = ParseFlatTable(lines, i, rules, &end);
  if (end == i) return i;
  std::vector<const Line*> region(lines.begin() + i, lines.begin() + end);
  blocks->push_back(TableBlock(region, std::move(table)));
  return end;
}

size_t AlignedTableEnd(const std::vector<const Line*>& lines, size_t i, LineShape shape,
                       const RuleSet& rules) {
  if (shape != LineShape::kText || !IsAlignedHeader(*lines[i], rules)) return i;
  const size_t end = AlignedRegionEnd(lines, i, rules);
  return end - i >= 2 ? end : i;
}

// Whether the paragraph ends inside a bracket opened in its last kMaxBracketedBytes bytes:
// a unit annotation a line wrap cut after its first list (…（牵头单位：县住建局；) goes on on the
// next line, however the cut line ends.
bool EndsInsideBracket(std::string_view folded) {
  // Read back byte by byte, as this runs for every line: ( ) [ ] are ASCII, and 〔 〕 【 】 are
  // E3 80 94/95/90/91, which no other sequence ends with.
  const size_t stop = folded.size() > kMaxBracketedBytes ? folded.size() - kMaxBracketedBytes : 0;
  int closed = 0;  // brackets closed after the byte read (…旅游局（县体育局）)
  for (size_t i = folded.size(); i-- > stop;) {
    const auto b = static_cast<unsigned char>(folded[i]);
    const bool wide = i >= 2 && folded[i - 2] == '\xE3' && folded[i - 1] == '\x80';
    if (b == ')' || b == ']' || (wide && (b == 0x95 || b == 0x91))) {
      ++closed;
    } else if ((b == '(' || b == '[' || (wide && (b == 0x94 || b == 0x90))) && closed-- == 0) {
      return true;
    }
  }
  return false;
}

// Whether the paragraph ends as a document's title ends (…实施方案（2023—2027年）): a title
// holds no comma, so a wrapped sentence that breaks after a word like 分工 (…明确9项重点任务，
// 具体分工 | 见下表。) goes on.
bool EndsAsTitle(std::string_view folded, const RuleSet& rules) {
  return rules.title_end.Contains(folded) && folded.find(',') == std::string_view::npos;
}

// Whether every TAB-separated line of a region opens with a field's label (索引号： 发文字号：):
// a web page's information box, whose lines are the document's front matter, not a table. (The
// region may take in a line after it as the rest of a row.)
bool IsFieldBox(const std::vector<const Line*>& region, const RuleSet& rules) {
  for (const Line* line : region) {
    std::string_view text = Trim(line->text);  // the folded view has no TABs left
    if (text.find('\t') == std::string_view::npos) continue;
    if (!rules.field_label.Contains(Fold(Trim(text.substr(0, text.find('\t')))))) return false;
  }
  return true;
}

bool IsDateLine(const Line& line, const RuleSet& rules) {
  return !line.blank && rules.date.Contains(line.folded);
}

// `long_line`: the paragraph's last line was cut from a long line (Line::run_on_tail), which may
// be wrapped whatever the length of the piece.
bool IsOpenParagraph(const Passage& paragraph, const RuleSet& rules, bool long_line) {
  const std::string& folded = paragraph.folded();
  // A marker alone: a PDF line wrap put the heading's words on the next line (（三）| 夯实…).
  if (IsMarkerAlone(folded, rules)) return true;
  return (long_line || CodePointCount(folded, kOpenLineMinChars) >= kOpenLineMinChars) &&
         !rules.sentence_end.Contains(folded) && !EndsAsTitle(folded, rules) &&
         !rules.annotation_end.Contains(folded) && !rules.deadline_line.Contains(folded);
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(const RuleSet& rules, std::vector<Block>* blocks)
      : rules_(rules), blocks_(blocks) {}

  void Blank() { ++blanks_; }

  // `signature_follows`: the next line is a date alone, so an issuer on this line signs the
  // document even with no blank line above it (text extracted from a PDF often has none).
  void Text(const Line& line, bool signature_follows = false) {
    Passage piece = Passage::FromLineTrimmed(line);
    if (piece.empty()) return;
    // Inside an open bracket only a numbered item starts anew: a line opening with a bracket
    // goes on with the annotation (…旅游局 | （县体育局）、县公安局按职责分工负责）).
    // Asked only of a line that could continue an open paragraph.
    auto starts_new = [&] {
      return inside_bracket_ ? StartsWithMarker(piece.folded(), rules_) : StartsNewParagraph(piece);
    };
    if (open_ && blanks_ <= kMaxBlankLinesInParagraph && !starts_new() &&
        !((blanks_ > 0 || signature_follows) && IsSignatureLine(piece))) {
      Block& last = blocks_->back();
      last.paragraph.Append(piece);
      last.last_line = line.number;
    } else {
      Block block;
      block.paragraph = piece;
      block.first_line = block.last_line = line.number;
      blocks_->push_back(std::move(block));
    }
    inside_bracket_ = EndsInsideBracket(blocks_->back().paragraph.folded());
    open_ = inside_bracket_ ||
            IsOpenParagraph(blocks_->back().paragraph, rules_, line.run_on_tail);
    blanks_ = 0;
  }

  void Break() {
    open_ = false;
    inside_bracket_ = false;
    blanks_ = 0;
  }

 private:
  bool StartsNewParagraph(const Passage& piece) const {
    std::string_view folded = piece.folded();
    // A 文号 fills its own line: it continues no open line above (a web page's 发布时间 line).
    return StartsWithMarker(folded, rules_) || rules_.appendix.Contains(folded) ||
           folded.front() == '(' || piece.printed().rfind("〔", 0) == 0 ||
           rules_.doc_number.Contains(folded) || rules_.deadline_line.Contains(folded);
  }

  // An issuer or a date standing alone after a blank line signs the document, and back matter
  // (抄送, 联系人 …) follows it: neither continues the open line above (a long 责任单位：… list
  // ends without punctuation).
  bool IsSignatureLine(const Passage& piece) const {
    const std::string& folded = piece.folded();
    return rules_.issuer.Contains(folded) || rules_.date.Contains(folded) ||
           rules_.back_matter_line.Contains(folded);
  }

  const RuleSet& rules_;
  std::vector<Block>* blocks_;
  bool open_ = false;
  bool inside_bracket_ = false;  // the paragraph ends inside a bracket it opened
  int blanks_ = 0;
};

}  // namespace

bool StartsWithMarker(std::string_view folded, const RuleSet& rules) {
  return ParseMarker(folded, rules).has_value();
}

Segmented Segment(const NormalizedText& text, const RuleSet& rules) {
  Segmented out;
  std::vector<const Line*> lines = TextLines(text);
  ParagraphBuilder paragraphs(rules, &out.blocks);
  size_t i = 0;
  while (i < lines.size()) {
    LineShape shape = ClassifyLine(*lines[i]);
    if (shape == LineShape::kBlank) {
      paragraphs.Blank();
      ++i;
    } else if (size_t end = FlatTableEnd(lines, i, shape, rules, &out.blocks); end != i) {
      // A table flattened into one cell per line (a PDF tool's text).
      paragraphs.Break();
      i = end;
    } else if (size_t end = AlignedTableEnd(lines, i, shape, rules); end != i) {
      // A table whose cells runs of spaces set apart (a PDF's text extraction).
      std::vector<const Line*> region(lines.begin() + i, lines.begin() + end);
      out.blocks.push_back(TableBlock(region, ParseAlignedTable(region, rules)));
      paragraphs.Break();
      i = end;
    } else if (shape == LineShape::kText) {
      paragraphs.Text(*lines[i], i + 1 < lines.size() && IsDateLine(*lines[i + 1], rules));
      ++i;
    } else {
      LineShape kind = shape == LineShape::kBorder ? LineShape::kBox : shape;
      size_t end = TableRegionEnd(lines, i, kind);
      // One boxed or TAB-separated line is no table (an issuer and date set apart by TABs).
      if ((kind == LineShape::kBox || kind == LineShape::kTsv) && end - i < 2) {
        paragraphs.Text(*lines[i]);
        ++i;
        continue;
      }
      std::vector<const Line*> region(lines.begin() + i, lines.begin() + end);
      if (kind == LineShape::kTsv && IsFieldBox(region, rules)) {
        for (const Line* line : region) {  // one paragraph a line: each holds its own fields
          paragraphs.Break();
          paragraphs.Text(*line);
        }
        paragraphs.Break();
        i = end;
        continue;
      }
      out.blocks.push_back(TableBlock(region, ParseTable(region, kind, rules)));
      paragraphs.Break();
      i = end;
    }
  }
  return out;
}

Cell Cell::Of(Passage text) {
  Cell cell;
  if (!text.empty()) {
    cell.lines.push_back(text);
    cell.text = std::move(text);
  }
  return cell;
}

Cell Cell::FromLine(const Line& line, size_t begin, size_t end) {
  return Of(Passage::FromLineTrimmed(line, begin, end));
}

void Cell::Append(Cell more) {
  if (more.empty()) return;
  text.Append(more.text);
  for (Passage& line : more.lines) lines.push_back(std::move(line));
}

std::string Block::Dump() const {
  if (kind == Kind::kParagraph) {
    return fmt::format("para{{{}-{} {}}}", first_line, last_line, paragraph.folded());
  }
  static const char* kStyles[] = {"cell", "tsv", "box"};
  size_t width = table.rows.empty() ? 0 : table.rows.front().cells.size();
  return fmt::format("table{{{} {}-{} header={} rows={} width={}}}",
                     kStyles[static_cast<int>(table.style)], first_line, last_line,
                     table.header.size(), table.rows.size(), width);
}

}  // namespace fengong
