// Page furniture in text extracted from a PDF: what a page prints around its body.
//
// Page numbers in their usual forms (— 3 —, 第 3 页 共 12 页, 3/12) are whole-line artefacts found
// by the grammar line by line. Two kinds need the whole document to be told apart from text:
// - a bare number on its own line (3) is a page number only among others that count up the
//   pages; a lone figure cut off by a wrap is text;
// - a running header or footer (the issuing office, the plan's title, 内部资料 注意保存) is a short
//   text line printed again beside page numbers, on at least half of the page breaks; where the
//   same words stand away from a page break (the title over the body) they stay text;
// - a footnote at a page's foot (①千吨万人供水工程指…, 注：①…) explains a mark the text above
//   printed after a word; it is no text of the item above it, and no 注 that ends the body;
// - a web page's or WeChat article's tail (打印本页 关闭窗口, 往期推荐 with other articles' titles,
//   阅读原文, the site footer) follows the text from its first marker line on, in the second half.
#pragma once

#include <vector>

#include "grammar.h"
#include "normalize.h"

namespace fengong {

// Flags a web page's tail, bare page numbers, then running headers and footers and footnotes, as
// artefact lines.
void MarkPageFurniture(const RuleSet& rules, std::vector<Line>* lines);

}  // namespace fengong
