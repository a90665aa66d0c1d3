// Stage 2: decoded text to lines with artefacts removed, and the width-folded matching view.
//
// Output strings stay as printed; matching runs on a folded view (full-width digits, letters and
// punctuation folded to ASCII, Traditional ideographs to Simplified (normalize_script.h),
// whitespace runs collapsed, spaces beside CJK text dropped). A
// Passage keeps both views of a piece of text that may span several lines, with an offset map
// from the folded view back to the printed text and to input line:column.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "grammar.h"

namespace fengong {

struct Line {
  int number = 0;          // 1-based input line
  std::string text;        // as printed, inline artefacts removed, no line end
  std::string folded;      // Fold(text); every passage taken from the line copies from it
  std::vector<uint32_t> folded_map;  // Fold's map of text: folded byte -> byte of text
  bool blank = false;      // nothing but whitespace
  bool artefact = false;   // a whole-line artefact (page number): not the document's text
  // The last piece of a line that held several items (normalize_runon.h): it ends where that long
  // line ended, so a wrap may go on after it however short the piece is.
  bool run_on_tail = false;
};

struct NormalizedText {
  std::vector<Line> lines;
};

NormalizedText Normalize(std::string_view text, const RuleSet& rules);

// The folded matching view of `printed`; map (if given) receives, for each folded byte and one
// past the end, the printed byte offset it comes from.
std::string Fold(std::string_view printed, std::vector<uint32_t>* map = nullptr);

// A piece of printed text assembled from one or more line fragments, with its folded view.
// Line breaks between fragments are removed (the pieces are joined with no space).
class Passage {
 public:
  Passage() = default;
  // A passage of one fragment: bytes [begin, end) of line.text. The folded view is cut from the
  // line's own (a Line built by hand, without one, is folded here).
  static Passage FromLine(const Line& line, size_t begin = 0, size_t end = std::string::npos);
  // The same fragment with the whitespace around it dropped, as Slice does: FromLine(line, begin,
  // end).Slice(0, npos) without building the untrimmed passage. Empty when nothing is left.
  static Passage FromLineTrimmed(const Line& line, size_t begin = 0,
                                 size_t end = std::string::npos);

  void Append(const Line& line, size_t begin = 0, size_t end = std::string::npos);
  void Append(const Passage& other);

  bool empty() const { return body().printed.empty(); }
  const std::string& printed() const { return body().printed; }
  const std::string& folded() const { return body().folded; }
  int first_line() const { return first_line_; }
  int last_line() const { return last_line_; }

  // The input line of folded byte `offset`.
  int LineAt(size_t folded_offset) const;
  // The printed text of folded bytes [begin, end), trimmed.
  std::string PrintedRange(size_t begin, size_t end) const;
  // The sub-passage of folded bytes [begin, end) (trimmed), keeping its line positions.
  Passage Slice(size_t begin, size_t end) const;

 private:
  struct Piece {
    uint32_t printed_begin;  // where this fragment starts in printed
    int line;
  };
  // What a passage holds. Copies of a passage share it and a change copies it first (copy on
  // write): passages are copied into cells, tasks and their headings far more often than changed.
  struct Body {
    std::string printed;
    std::string folded;
    std::vector<uint32_t> folded_to_printed;  // per folded byte, and one past the end
    std::vector<Piece> pieces;
  };

  const Body& body() const;
  Body& MutableBody();
  // Appends printed bytes [begin, end) of `printed`, whose folded view is (folded, map) as Fold
  // gives it; the piece's folded view is cut from it, not folded again.
  void AppendPiece(std::string_view printed, std::string_view folded, const uint32_t* map,
                   uint32_t begin, uint32_t end, int line);

  std::shared_ptr<Body> body_;  // null for an empty passage
  int first_line_ = 0;
  int last_line_ = 0;
};

}  // namespace fengong
