#include "normalize.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "normalize_pages.h"
#include "normalize_references.h"
#include "normalize_runon.h"
#include "normalize_script.h"
#include "utf8.h"

namespace fengong {
namespace {

// Full-width forms (U+FF01–U+FF5E) and the ideographic space fold to ASCII. The table comes from
// ICU's NFKC decompositions, restricted to that block: NFKC as a whole would also fold ① to 1 and
// ⑴ to (1), which are outline markers that must stay distinct.
const std::array<char32_t, 0x60>& FullWidthTable() {
  static const std::array<char32_t, 0x60> kTable = [] {
    std::array<char32_t, 0x60> table;
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
    for (char32_t c = 0xFF00; c < 0xFF60; ++c) {
      table[c - 0xFF00] = c;
      icu::UnicodeString decomposition;
      if (U_SUCCESS(error) && nfkc->getDecomposition(static_cast<UChar32>(c), decomposition) &&
          decomposition.length() == 1) {
        table[c - 0xFF00] = decomposition.char32At(0);
      }
    }
    return table;
  }();
  return kTable;
}

char32_t FoldCodePoint(char32_t c, const std::array<char32_t, 0x60>& full_width) {
  if (c >= 0xFF00 && c < 0xFF60) return full_width[c - 0xFF00];
  if (c == 0x3000 || c == '\t' || c == 0xA0) return ' ';
  return SimplifiedForm(c);
}

bool IsAsciiWord(char32_t c) { return c < 0x80 && c != ' '; }

bool IsContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// The BMP code points from U+0080 on that FoldCodePoint changes (Traditional ideographs, U+3000,
// U+00A0, full-width forms), one bit each, so that a run of unchanged text is told by a lookup.
const std::bitset<0x10000>& ChangedByFolding() {
  static const std::bitset<0x10000> kChanged = [] {
    const std::array<char32_t, 0x60>& full_width = FullWidthTable();
    std::bitset<0x10000> changed;
    for (char32_t c = 0x80; c < 0x10000; ++c) changed[c] = FoldCodePoint(c, full_width) != c;
    return changed;
  }();
  return kChanged;
}

// The end of the run of code points from `pos` that Fold copies unchanged: well-formed, neither
// whitespace nor changed by FoldCodePoint. Most text is such runs, copied without decoding one
// character at a time; what is not (a space, ，, 區, an E0/ED/EF/F0 lead) ends the run and goes
// through FoldCodePoint.
size_t UnchangedRunEnd(std::string_view text, size_t pos) {
  const std::bitset<0x10000>& changed = ChangedByFolding();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  while (pos < size) {
    const unsigned char lead = s[pos];
    if (lead < 0x80) {
      if (lead == ' ' || lead == '\t') break;
      ++pos;
    } else if (lead >= 0xC2 && lead <= 0xDF) {  // two bytes, never overlong
      if (pos + 1 >= size || !IsContinuationByte(s[pos + 1])) break;
      if (changed[((lead & 0x1Fu) << 6) | (s[pos + 1] & 0x3Fu)]) break;
      pos += 2;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE) {  // three, never overlong
      if (pos + 2 >= size || !IsContinuationByte(s[pos + 1]) || !IsContinuationByte(s[pos + 2])) {
        break;
      }
      if (changed[((lead & 0x0Fu) << 12) | ((s[pos + 1] & 0x3Fu) << 6) | (s[pos + 2] & 0x3Fu)]) {
        break;
      }
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

// Fold's output under construction: the folded bytes and, when asked for, the printed offset of
// each, written into buffers sized for the usual case (folding never lengthens valid UTF-8; only
// an invalid byte, replaced by U+FFFD, grows them).
class FoldOutput {
 public:
  FoldOutput(size_t printed_size, std::vector<uint32_t>* map) : map_(map) {
    Reserve(printed_size + 4);
  }

  bool empty() const { return size_ == 0; }

  // Appends `length` bytes, each mapped to printed offset `from`.
  void Put(const char* bytes, size_t length, uint32_t from) {
    if (size_ + length > capacity_) Reserve(2 * (size_ + length));
    std::memcpy(&out_[size_], bytes, length);
    if (map_) std::fill_n(map_->data() + size_, length, from);
    size_ += length;
  }

  // Appends printed bytes [begin, end) as they are, each mapped to the start of its code point.
  void PutUnchanged(std::string_view printed, size_t begin, size_t end) {
    const size_t length = end - begin;
    if (size_ + length > capacity_) Reserve(2 * (size_ + length));
    std::memcpy(&out_[size_], printed.data() + begin, length);
    if (map_) {
      uint32_t* map = map_->data() + size_;
      uint32_t start = static_cast<uint32_t>(begin);
      for (size_t i = 0; i < length; ++i) {
        if (!IsContinuationByte(static_cast<unsigned char>(printed[begin + i]))) {
          start = static_cast<uint32_t>(begin + i);
        }
        map[i] = start;
      }
    }
    size_ += length;
  }

  std::string Finish(uint32_t printed_size) {
    out_.resize(size_);
    if (map_) {
      (*map_)[size_] = printed_size;
      map_->resize(size_ + 1);
    }
    return std::move(out_);
  }

 private:
  void Reserve(size_t capacity) {
    capacity_ = capacity;
    out_.resize(capacity_);
    if (map_) map_->resize(capacity_ + 1);
  }

  std::string out_;
  std::vector<uint32_t>* map_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace

std::string Fold(std::string_view printed, std::vector<uint32_t>* map) {
  const std::array<char32_t, 0x60>& full_width = FullWidthTable();
  FoldOutput out(printed.size(), map);
  size_t pos = 0;
  bool last_ascii_word = false;              // the last code point written is IsAsciiWord
  size_t pending_space = std::string::npos;  // printed offset of a whitespace run not yet written
  // A whitespace run survives as one space only between two ASCII words ("App Store").
  auto close_space = [&](bool next_ascii_word) {
    if (pending_space != std::string::npos && !out.empty() && last_ascii_word &&
        next_ascii_word) {
      out.Put(" ", 1, static_cast<uint32_t>(pending_space));
    }
    pending_space = std::string::npos;
  };
  while (pos < printed.size()) {
    const size_t run_end = UnchangedRunEnd(printed, pos);
    if (run_end > pos) {
      close_space(static_cast<unsigned char>(printed[pos]) < 0x80);
      out.PutUnchanged(printed, pos, run_end);
      last_ascii_word = static_cast<unsigned char>(printed[run_end - 1]) < 0x80;
      pos = run_end;
      continue;
    }
    const size_t start = pos;
    const char32_t printed_c = NextCodePoint(printed, &pos);
    const char32_t c = FoldCodePoint(printed_c, full_width);
    if (c == ' ') {
      if (pending_space == std::string::npos) pending_space = start;
      continue;
    }
    close_space(IsAsciiWord(c));
    if (c == printed_c && c != 0xFFFD) {
      out.PutUnchanged(printed, start, pos);
    } else if (c < 0x80) {  // a full-width form folded to ASCII
      const char ascii = static_cast<char>(c);
      out.Put(&ascii, 1, static_cast<uint32_t>(start));
    } else {
      std::string bytes;
      AppendUtf8(c, &bytes);
      out.Put(bytes.data(), bytes.size(), static_cast<uint32_t>(start));
    }
    last_ascii_word = IsAsciiWord(c);
  }
  return out.Finish(static_cast<uint32_t>(printed.size()));
}

namespace {

// Whether each inline artefact pattern can match in a line of `text`: one that looks neither
// behind nor ahead of its match and is not found in the whole text is found in none of its lines.
std::vector<bool> InlineArtefactsInText(std::string_view text, const RuleSet& rules) {
  std::vector<bool> may_occur;
  for (const Pattern& artefact : rules.inline_artefacts) {
    may_occur.push_back(artefact.looks_behind() || artefact.looks_ahead() ||
                        artefact.Contains(text));
  }
  return may_occur;
}

// Removes every inline artefact from `text`. A pattern absent from the whole text is skipped
// while the line is as printed (a removal can join text into a new match).
std::string RemoveInlineArtefacts(std::string text, const RuleSet& rules,
                                  const std::vector<bool>& may_occur) {
  bool changed = false;
  for (size_t i = 0; i < rules.inline_artefacts.size(); ++i) {
    if (!may_occur[i] && !changed) continue;
    const Pattern& artefact = rules.inline_artefacts[i];
    size_t begin = 0, end = 0, from = 0;
    std::vector<std::string_view> groups;
    while (artefact.Find(text, from, &begin, &end, &groups) && end > begin) {
      from = begin;
      if (groups.empty()) {
        text.erase(begin, end - begin);
      } else {  // only the captured pieces go (the 【】 around a heading), the last one first
        std::vector<std::pair<size_t, size_t>> pieces;  // offset, length
        size_t removed = 0;
        for (std::string_view group : groups) {
          if (group.empty()) continue;
          pieces.emplace_back(group.data() - text.data(), group.size());
          removed += group.size();
        }
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) text.erase(it->first, it->second);
        from = end - removed;
      }
      changed = true;
    }
  }
  return text;
}

}  // namespace

NormalizedText Normalize(std::string_view text, const RuleSet& rules) {
  NormalizedText out;
  out.lines.reserve(std::count(text.begin(), text.end(), '\n') + 1);
  const std::vector<bool> may_occur = InlineArtefactsInText(text, rules);
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end == text.size() && start == end && number > 0) break;  // no line after a final "\n"
    Line line;
    line.number = ++number;
    line.text = ReplaceCharacterReferences(
        RemoveInlineArtefacts(std::string(text.substr(start, end - start)), rules, may_occur),
        rules);
    line.blank = Trim(line.text).empty();
    line.folded = Fold(line.text, &line.folded_map);
    line.artefact = !line.blank && rules.any_line_artefact.Contains(line.folded);
    out.lines.push_back(std::move(line));
    start = end + 1;
  }
  MarkPageFurniture(rules, &out.lines);
  SplitRunOnLines(rules, &out.lines);
  return out;
}

namespace {

// The folded bytes that Fold(printed.substr(begin, end - begin)) gives, as a range of the folded
// view (folded, map) of the whole printed text: Fold reads each code point on its own and keeps a
// space only between two ASCII words of its input, so the fold of a fragment is the fold of the
// whole, less a kept space at either edge whose neighbour lies outside the fragment. The map is
// nondecreasing and holds at least folded.size() entries.
std::pair<size_t, size_t> FoldedRange(std::string_view folded, const uint32_t* map, uint32_t begin,
                                      uint32_t end) {
  const uint32_t* map_end = map + folded.size();
  size_t from = std::lower_bound(map, map_end, begin) - map;
  size_t to = std::lower_bound(map, map_end, end) - map;
  // A folded ' ' is always a kept space (printed whitespace folds away): its left neighbour is
  // before `begin`, or its right neighbour is at or after `end`.
  if (from < folded.size() && folded[from] == ' ') ++from;
  if (to > from && folded[to - 1] == ' ') --to;
  return {from, std::max(from, to)};
}

bool HasFoldedView(const Line& line) { return line.folded_map.size() == line.folded.size() + 1; }

}  // namespace

Passage Passage::FromLine(const Line& line, size_t begin, size_t end) {
  Passage passage;
  end = std::min(end, line.text.size());
  begin = std::min(begin, end);
  passage.first_line_ = line.number;
  passage.last_line_ = line.number;
  if (HasFoldedView(line)) {
    passage.AppendPiece(line.text, line.folded, line.folded_map.data(),
                        static_cast<uint32_t>(begin), static_cast<uint32_t>(end), line.number);
  } else {
    std::string_view piece = std::string_view(line.text).substr(begin, end - begin);
    std::vector<uint32_t> map;
    std::string folded = Fold(piece, &map);
    passage.AppendPiece(piece, folded, map.data(), 0, static_cast<uint32_t>(piece.size()),
                        line.number);
  }
  return passage;
}

Passage Passage::FromLineTrimmed(const Line& line, size_t begin, size_t end) {
  if (!HasFoldedView(line)) {
    Passage passage = FromLine(line, begin, end);
    return passage.Slice(0, passage.folded().size());
  }
  end = std::min(end, line.text.size());
  begin = std::min(begin, end);
  auto [from, to] = FoldedRange(line.folded, line.folded_map.data(), static_cast<uint32_t>(begin),
                                static_cast<uint32_t>(end));
  if (from == to) return Passage();
  // As Slice: from the first folded character to the fragment's end, then trimmed.
  const size_t printed_from = line.folded_map[from];
  std::string_view trimmed =
      Trim(std::string_view(line.text).substr(printed_from, end - printed_from));
  if (trimmed.empty()) return Passage();
  size_t trimmed_begin = trimmed.data() - line.text.data();
  return FromLine(line, trimmed_begin, trimmed_begin + trimmed.size());
}

void Passage::Append(const Line& line, size_t begin, size_t end) {
  Append(FromLine(line, begin, end));
}

const Passage::Body& Passage::body() const {
  static const Body kEmpty;
  return body_ ? *body_ : kEmpty;
}

Passage::Body& Passage::MutableBody() {
  if (!body_) {
    body_ = std::make_shared<Body>();
  } else if (body_.use_count() > 1) {
    body_ = std::make_shared<Body>(*body_);
  }
  return *body_;
}

namespace {

// Replaces the one-past-the-end entry of `map` with `count` offsets, each moved from `old_base`
// to `new_base`, and room for `extra` more entries after them.
void AppendOffsets(const uint32_t* offsets, size_t count, uint32_t old_base, uint32_t new_base,
                   std::vector<uint32_t>* map, size_t extra = 0) {
  if (!map->empty()) map->pop_back();
  const size_t at = map->size();
  map->resize(at + count + extra);
  uint32_t* out = map->data() + at;
  for (size_t i = 0; i < count; ++i) out[i] = offsets[i] - old_base + new_base;
}

}  // namespace

// Pieces fold independently (the line break between them is removed, not turned into a space),
// so a passage's folded view is its pieces' views side by side: appending is concatenation.
void Passage::Append(const Passage& other) {
  if (other.body().pieces.empty()) return;
  if (body().pieces.empty()) {  // nothing to join to: share the other's text
    body_ = other.body_;
    first_line_ = other.first_line_;
    last_line_ = other.last_line_;
    return;
  }
  if (&other == this) {
    Passage copy = other;
    Append(copy);
    return;
  }
  const Body& from = other.body();
  Body& to = MutableBody();
  const uint32_t base = static_cast<uint32_t>(to.printed.size());
  last_line_ = other.last_line_;
  for (const Piece& piece : from.pieces) {
    to.pieces.push_back(Piece{piece.printed_begin + base, piece.line});
  }
  to.printed += from.printed;
  to.folded += from.folded;
  AppendOffsets(from.folded_to_printed.data(), from.folded_to_printed.size(), 0, base,
                &to.folded_to_printed);
}

void Passage::AppendPiece(std::string_view printed, std::string_view folded, const uint32_t* map,
                          uint32_t begin, uint32_t end, int line) {
  Body& body = MutableBody();
  const uint32_t base = static_cast<uint32_t>(body.printed.size());
  body.pieces.push_back(Piece{base, line});
  body.printed.append(printed, begin, end - begin);
  auto [from, to] = FoldedRange(folded, map, begin, end);
  body.folded.append(folded, from, to - from);
  AppendOffsets(map + from, to - from, begin, base, &body.folded_to_printed, 1);
  body.folded_to_printed.back() = base + (end - begin);
}

int Passage::LineAt(size_t folded_offset) const {
  const Body& body = this->body();
  if (body.pieces.empty()) return 0;
  folded_offset = std::min(folded_offset, body.folded.size());
  uint32_t printed = body.folded_to_printed[folded_offset];
  auto it = std::upper_bound(body.pieces.begin(), body.pieces.end(), printed,
                             [](uint32_t p, const Piece& piece) { return p < piece.printed_begin; });
  return it == body.pieces.begin() ? body.pieces.front().line : std::prev(it)->line;
}

std::string Passage::PrintedRange(size_t begin, size_t end) const {
  const Body& body = this->body();
  if (body.folded.empty()) return "";
  begin = std::min(begin, body.folded.size());
  end = std::min(std::max(end, begin), body.folded.size());
  uint32_t from = body.folded_to_printed[begin];
  uint32_t to = end == body.folded.size() ? static_cast<uint32_t>(body.printed.size())
                                          : body.folded_to_printed[end];
  return std::string(Trim(std::string_view(body.printed).substr(from, to - from)));
}

Passage Passage::Slice(size_t begin, size_t end) const {
  const Body& body = this->body();
  Passage slice;
  if (body.folded.empty()) return slice;
  begin = std::min(begin, body.folded.size());
  end = std::min(std::max(end, begin), body.folded.size());
  const size_t from_bound = body.folded_to_printed[begin];
  const size_t to_bound =
      end == body.folded.size() ? body.printed.size() : body.folded_to_printed[end];
  // Trim in the printed text itself, so the slice is built in one pass.
  std::string_view trimmed =
      Trim(std::string_view(body.printed).substr(from_bound, to_bound - from_bound));
  if (trimmed.empty()) return slice;
  const uint32_t from = static_cast<uint32_t>(trimmed.data() - body.printed.data());
  const uint32_t to = from + static_cast<uint32_t>(trimmed.size());
  const std::vector<Piece>& pieces = body.pieces;
  for (size_t i = 0; i < pieces.size(); ++i) {
    uint32_t piece_end = i + 1 < pieces.size() ? pieces[i + 1].printed_begin
                                               : static_cast<uint32_t>(body.printed.size());
    uint32_t lo = std::max(pieces[i].printed_begin, from), hi = std::min(piece_end, to);
    if (lo >= hi) continue;
    if (slice.body().pieces.empty()) slice.first_line_ = pieces[i].line;
    slice.last_line_ = pieces[i].line;
    slice.AppendPiece(body.printed, body.folded, body.folded_to_printed.data(), lo, hi,
                      pieces[i].line);
  }
  return slice;
}

}  // namespace fengong
