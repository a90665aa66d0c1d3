#include "parse_job.h"

#include <fmt/format.h>

#include "emit.h"
#include "emit_csv.h"
#include "exit_codes.h"
#include "io.h"
#include "pipeline.h"
#include "rules.h"

namespace fengong::cli {
namespace {

// In parse, an invalid argument is an --encoding that ICU does not know: a usage error.
int ExitCodeOf(const Status& status) {
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : ExitCodeFor(status);
}

std::string EmitAs(const Document& document, OutputFormat format) {
  switch (format) {
    case OutputFormat::kYaml:
      return Emit(document, Format::kYaml);
    case OutputFormat::kJson:
      return Emit(document, Format::kJson);
    case OutputFormat::kJsonLines:
      return Emit(document, Format::kJsonLine);
    case OutputFormat::kCsv:
      return CsvRows(document);
  }
  return "";
}

std::string Warnings(const Document& document, const std::string& path) {
  std::string out;
  for (const Warning& w : document.warnings) {
    out +=
        fmt::format("{}:{}: warning: {}: {}\n", path, w.line, WarningCodeName(w.code), w.message);
  }
  return out;
}

JobResult Failed(JobResult result, int exit_code, const Status& status, const std::string& path,
                 const std::string& source = "") {
  result.exit_code = exit_code;
  result.messages += FormatError(status, source);
  // A failure to write names the output too.
  const std::string& where = status.pos().file;
  result.reason = where.empty() || where == path
                      ? fmt::format("{}: {}", path, status.message())
                      : fmt::format("{}: {}: {}", path, where, status.message());
  return result;
}

}  // namespace

JobResult RunJob(const Job& job, const JobSettings& settings) {
  const std::string& path = job.input.path;
  JobResult result;
  if (!job.refused.empty()) {
    return Failed(std::move(result), kExitUnwritable,
                  Status::Error(Status::Code::kIo, job.refused, SourcePos{path}), path);
  }
  Result<std::string> bytes = ReadInput(path, settings.max_input_bytes);
  if (!bytes.ok())
    return Failed(std::move(result), ExitCodeOf(bytes.status()), bytes.status(), path);
  result.bytes = bytes.value().size();
  ParseOptions options;
  options.source_path = path;
  options.decode = settings.decode;
  options.script = settings.script;
  Result<Document> document = ParseDocument(bytes.value(), *settings.rules, options);
  if (!document.ok()) {
    return Failed(std::move(result), ExitCodeOf(document.status()), document.status(), path,
                  TextForMessages(bytes.value(), options.decode));
  }
  result.warnings = document.value().warnings.size();
  if (settings.echo_warnings) result.messages = Warnings(document.value(), path);
  if (!job.output.empty() || settings.keep_text) {
    std::string text = EmitAs(document.value(), settings.format);
    if (!job.output.empty()) {
      Status written = WriteAtomically(job.output, text);
      if (!written.ok()) return Failed(std::move(result), kExitUnwritable, written, path);
    } else {
      result.text = std::move(text);
    }
  }
  if (settings.keep_document) result.document = std::move(document.value());
  return result;
}

}  // namespace fengong::cli
