#include "normalize_runon.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string_view>

#include "numbering.h"
#include "utf8.h"

namespace fengong {
namespace {

// The numbering seen so far: the last number of each rank up to kItemRank, and the rank of the
// last marker. Numbers of a rank are not reset under a new parent: items often count on across
// sections (（一）1. 2. 3. （二）4. 5.).
class OutlineState {
 public:
  static constexpr int kMaxSkippedNumbers = 1;

  bool Continues(const Marker& marker) const {
    // The next number, or the one after it: an item the copy mangled (a wrap that cut its marker)
    // must not stop the items after it from being cut.
    const int last = last_[marker.rank];
    if (marker.number > last && marker.number <= last + kMaxSkippedNumbers + 1) return true;
    return marker.number == 1 && last_rank_ < marker.rank;
  }

  void See(const Marker& marker) {
    last_[marker.rank] = marker.number;
    last_rank_ = marker.rank;
  }

 private:
  std::array<int, kItemRank + 1> last_{};
  int last_rank_ = -1;
};

// An outline marker that may start an item: numbered, of a rank that holds tasks.
std::optional<Marker> ItemMarker(std::string_view folded, const RuleSet& rules) {
  std::optional<Marker> marker = ParseMarker(folded, rules);
  if (!marker || marker->rank > kItemRank || marker->rank < 0 || marker->number <= 0) {
    return std::nullopt;
  }
  return marker;
}

// Whether the code point that ends at folded byte `pos` closes a sentence or a bracket: 。 ! ? )
// ] 〕 】. Read from the bytes (。〕】 are E3 80 82/95/91), as it is asked at every character.
bool AfterSentenceOrBracket(std::string_view folded, size_t pos) {
  if (pos == 0) return false;
  const auto last = static_cast<unsigned char>(folded[pos - 1]);
  if (last == '!' || last == '?' || last == ')' || last == ']') return true;
  return pos >= 3 && folded[pos - 3] == '\xE3' && folded[pos - 2] == '\x80' &&
         (last == 0x82 || last == 0x95 || last == 0x91);
}

// The first position from `pos` on that follows a sentence end or a closing bracket, or
// folded.size(): the only places an item starts past a heading's title.
size_t NextAfterSentenceOrBracket(std::string_view folded, size_t pos) {
  while (pos < folded.size() && !AfterSentenceOrBracket(folded, pos)) ++pos;
  return pos;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

// Whether folded byte `pos` of the line follows a place an item may start at: a sentence end or
// closing bracket (read in the folded view), or — right after the short title of the heading the
// line opens with (二、重点任务 （一）…) — whitespace, read in the printed text since the folded view
// drops spaces beside CJK text. Elsewhere a space before a number is no paragraph break (附件: 1.…).
bool AfterBoundary(const Line& line, size_t pos, bool after_heading_title) {
  if (AfterSentenceOrBracket(line.folded, pos)) return true;
  if (!after_heading_title) return false;
  size_t printed = line.folded_map[pos];
  if (printed == 0) return false;
  return IsSpace(PrevCodePoint(line.text, &printed));
}

// The printed offsets at which the line's run-on items start (the first piece starts at 0).
std::vector<size_t> ItemStarts(const Line& line, const RuleSet& rules, OutlineState* state) {
  std::vector<size_t> starts;
  std::string_view folded = line.folded;
  size_t pos = 0;
  while (pos < folded.size() && folded[pos] == ' ') ++pos;
  bool heading_title = false;  // still in the title of the heading the line opens with
  if (std::optional<Marker> marker = ItemMarker(folded.substr(pos), rules)) {
    state->See(*marker);
    pos += marker->length;
    heading_title = marker->rank < kItemRank;
  }
  for (; pos < folded.size(); ++pos) {
    // Past the heading's title an item starts only after a sentence end or a closing bracket.
    if (!heading_title && (pos = NextAfterSentenceOrBracket(folded, pos)) == folded.size()) break;
    const unsigned char c = static_cast<unsigned char>(folded[pos]);
    if (c == ',' || c == ':' || c == ';' || folded.compare(pos, 3, "。") == 0) {
      heading_title = false;  // the title ended: what follows is the heading's sentence
    }
    // Markers open with a digit, a bracket or a Chinese numeral (a three-byte sequence).
    if (!((c >= '0' && c <= '9') || c == '(' || c >= 0xE0) || pos == 0) continue;
    if (!AfterBoundary(line, pos, heading_title)) continue;
    std::optional<Marker> marker = ItemMarker(folded.substr(pos), rules);
    if (!marker || !state->Continues(*marker)) continue;
    state->See(*marker);
    starts.push_back(line.folded_map[pos]);
    heading_title = false;
    pos += marker->length - 1;
  }
  return starts;
}

Line Piece(const Line& line, size_t begin, size_t end) {
  Line piece;
  piece.number = line.number;
  piece.text = std::string(Trim(std::string_view(line.text).substr(begin, end - begin)));
  piece.blank = piece.text.empty();
  piece.folded = Fold(piece.text, &piece.folded_map);
  return piece;
}

}  // namespace

void SplitRunOnLines(const RuleSet& rules, std::vector<Line>* lines) {
  OutlineState state;
  std::vector<Line> out;
  bool split_any = false;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& line = (*lines)[i];
    std::vector<size_t> starts;
    // A table row's cells are no run-on paragraph.
    if (!line.blank && !line.artefact && line.text.find('\t') == std::string::npos) {
      starts = ItemStarts(line, rules, &state);
    }
    if (starts.empty() && !split_any) continue;
    if (!split_any) {
      out.reserve(lines->size() + starts.size());
      std::move(lines->begin(), lines->begin() + i, std::back_inserter(out));
      split_any = true;
    }
    if (starts.empty()) {
      out.push_back(std::move(line));
      continue;
    }
    size_t begin = 0;
    for (size_t start : starts) {
      out.push_back(Piece(line, begin, start));
      begin = start;
    }
    out.push_back(Piece(line, begin, line.text.size()));
    out.back().run_on_tail = true;
  }
  if (split_any) *lines = std::move(out);
}

}  // namespace fengong
