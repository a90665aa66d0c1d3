// Batch output as CSV (RFC 4180): one row per target of a task, so every figure is one row and a
// spreadsheet can filter and sum them. Rows carry their document's and task's columns:
//   - a task with no target gets one row with the target columns empty;
//   - a document-level goal gets a row with the task columns empty;
//   - a document with neither tasks nor goals gets one row with only the document columns,
//     so every parsed document appears.
// Fields that hold a comma, a double quote, CR or LF are quoted, quotes doubled; lines end with
// CRLF; absent values are empty fields; booleans are true/false; lists are joined (see
// kCsvListSeparator, kCsvPathSeparator). The columns are kCsvColumns, in that order.
#pragma once

#include <string>
#include <string_view>

#include "model.h"

namespace fengong {

inline constexpr std::string_view kCsvColumns[] = {
    // the document
    "path", "sha256", "title", "region", "issuer", "doc_number", "date",
    // the task (empty for a goal)
    "task_id", "task_number", "task_path", "task_title", "task_theme", "lead", "responsible",
    "open_list", "line_first", "line_last", "task_text",
    // the target (empty for a task without one)
    "target_kind", "value", "value_max", "unit", "comparator", "stretch", "deadline", "period",
    "metric", "target_text", "target_line"};

// Joins lead and responsible units (an enumeration comma: never part of a unit name).
inline constexpr std::string_view kCsvListSeparator = "、";
// Joins the headings of a task's path.
inline constexpr std::string_view kCsvPathSeparator = " > ";

// The header line: the column names, ending with CRLF.
std::string CsvHeader();

// The rows of one document, each ending with CRLF. Same document, same bytes.
std::string CsvRows(const Document& document);

// `field` as a CSV field: quoted when it holds a comma, a quote, CR or LF.
std::string CsvField(std::string_view field);

}  // namespace fengong
