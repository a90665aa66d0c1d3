// Stage diff, part 3: a DiffReport as text — a terminal table with CJK-aware column widths,
// Markdown, CSV, YAML or JSON. Same report, same bytes; colour only when asked for.
#pragma once

#include <string>
#include <string_view>

#include "diff.h"

namespace fengong {

enum class DiffFormat { kTable, kMarkdown, kCsv, kYaml, kJson };

struct RenderOptions {
  // Table only: mark differing rows and missing cells with ANSI colours. Default: false.
  bool colour = false;
  // Table only: the widest a cell may be, in terminal columns; longer text is cut with "…".
  // Default: 24.
  int cell_width = 24;
};

std::string RenderDiff(const DiffReport& report, DiffFormat format, const RenderOptions& options);

// Terminal columns `text` takes: 2 for East Asian wide and fullwidth characters, 0 for combining
// marks and controls, 1 otherwise.
int DisplayWidth(std::string_view text);

}  // namespace fengong
