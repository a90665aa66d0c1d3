// Part of stage 2 (normalize): lines that hold several outline items because the copy lost the
// paragraph breaks between them.
//
// A plan pasted from a WeChat article, a PDF reflowed as one paragraph per page or a web page's
// text box arrives with a whole section on one line: "二、重点任务 （一）强化监管。1.开展排查。…
// （牵头单位：…）2.规范维修。…". Each item is cut onto a line of its own (same input line number),
// so that segment and structure read them as if the breaks had been kept.
//
// A cut goes before an outline marker of the task-holding ranks (一、 （一） 1.) that stands right
// after a sentence end or a closing bracket (。！？ ）〕】]) or after whitespace, and that continues
// the document's numbering: the next number of its style (one skipped number is tolerated: an item
// whose marker the copy mangled), or 1 of a style below the last marker seen. Sub-points (（1） ①) stay in their item's text, and so does a list that restarts at 1
// inside an item's sentences after 、：；.
#pragma once

#include <vector>

#include "grammar.h"
#include "normalize.h"

namespace fengong {

void SplitRunOnLines(const RuleSet& rules, std::vector<Line>* lines);

}  // namespace fengong
