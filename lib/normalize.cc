#include "normalize.h"

#include <algorithm>
#include <array>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "utf8.h"

namespace fengong {
namespace {

// Full-width forms (U+FF01–U+FF5E) and the ideographic space fold to ASCII. The table comes from
// ICU's NFKC decompositions, restricted to that block: NFKC as a whole would also fold ① to 1 and
// ⑴ to (1), which are outline markers that must stay distinct.
const std::array<char32_t, 0x60>& FullWidthTable() {
  static std::array<char32_t, 0x60> table;
  static std::once_flag once;
  std::call_once(once, [] {
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
  });
  return table;
}

char32_t FoldCodePoint(char32_t c, const std::array<char32_t, 0x60>& full_width) {
  if (c >= 0xFF00 && c < 0xFF60) return full_width[c - 0xFF00];
  if (c == 0x3000 || c == '\t' || c == 0xA0) return ' ';
  return c;
}

bool IsAsciiWord(char32_t c) { return c < 0x80 && c != ' '; }

// Fold's output under construction: the folded bytes and, when asked for, the printed offset of
// each. Written through indices into buffers sized for the usual case (folding never lengthens
// valid UTF-8); only a replaced invalid byte grows them.
class FoldOutput {
 public:
  FoldOutput(size_t printed_size, std::vector<uint32_t>* map) : map_(map) {
    out_.resize(printed_size + 4);
    if (map_) map_->resize(printed_size + 5);
  }

  bool empty() const { return size_ == 0; }

  // Appends the `length` bytes at `bytes`, each mapped to printed offset `from`.
  void Put(const char* bytes, size_t length, uint32_t from) {
    if (size_ + length > out_.size()) {
      out_.resize(2 * out_.size());
      if (map_) map_->resize(out_.size() + 1);
    }
    for (size_t i = 0; i < length; ++i) out_[size_ + i] = bytes[i];
    if (map_) std::fill_n(map_->begin() + size_, length, from);
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
  std::string out_;
  std::vector<uint32_t>* map_;
  size_t size_ = 0;
};

}  // namespace

std::string Fold(std::string_view printed, std::vector<uint32_t>* map) {
  const std::array<char32_t, 0x60>& full_width = FullWidthTable();
  FoldOutput out(printed.size(), map);
  size_t pos = 0;
  char32_t last = 0;                         // last code point written
  size_t pending_space = std::string::npos;  // printed offset of a whitespace run not yet written
  while (pos < printed.size()) {
    const size_t start = pos;
    const char32_t printed_c = NextCodePoint(printed, &pos);
    const char32_t c = FoldCodePoint(printed_c, full_width);
    if (c == ' ') {
      if (pending_space == std::string::npos) pending_space = start;
      continue;
    }
    // A whitespace run survives as one space only between two ASCII words ("App Store").
    if (pending_space != std::string::npos && !out.empty() && IsAsciiWord(last) && IsAsciiWord(c)) {
      out.Put(" ", 1, static_cast<uint32_t>(pending_space));
    }
    pending_space = std::string::npos;
    if (c == printed_c && c != 0xFFFD) {
      // Unchanged: the printed bytes are its UTF-8.
      out.Put(printed.data() + start, pos - start, static_cast<uint32_t>(start));
    } else if (c < 0x80) {  // a full-width form folded to ASCII
      const char ascii = static_cast<char>(c);
      out.Put(&ascii, 1, static_cast<uint32_t>(start));
    } else {
      std::string bytes;
      AppendUtf8(c, &bytes);
      out.Put(bytes.data(), bytes.size(), static_cast<uint32_t>(start));
    }
    last = c;
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
    while (artefact.Find(text, from, &begin, &end) && end > begin) {
      text.erase(begin, end - begin);
      from = begin;
      changed = true;
    }
  }
  return text;
}

}  // namespace

NormalizedText Normalize(std::string_view text, const RuleSet& rules) {
  NormalizedText out;
  const std::vector<bool> may_occur = InlineArtefactsInText(text, rules);
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end == text.size() && start == end && number > 0) break;  // no line after a final "\n"
    Line line;
    line.number = ++number;
    line.text =
        RemoveInlineArtefacts(std::string(text.substr(start, end - start)), rules, may_occur);
    line.blank = Trim(line.text).empty();
    line.folded = Fold(line.text, &line.folded_map);
    line.artefact = !line.blank && rules.any_line_artefact.Contains(line.folded);
    out.lines.push_back(std::move(line));
    start = end + 1;
  }
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
// to `new_base`.
void AppendOffsets(const uint32_t* offsets, size_t count, uint32_t old_base, uint32_t new_base,
                   std::vector<uint32_t>* map) {
  if (!map->empty()) map->pop_back();
  const size_t at = map->size();
  map->resize(at + count);
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
  AppendOffsets(map + from, to - from, begin, base, &body.folded_to_printed);
  body.folded_to_printed.push_back(base + (end - begin));
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
