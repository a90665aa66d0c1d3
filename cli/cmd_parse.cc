// fengong parse FILE... : plans to canonical YAML or JSON.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.h"
#include "emit.h"
#include "exit_codes.h"
#include "io.h"
#include "pipeline.h"

namespace fengong::cli {
namespace {

namespace fs = std::filesystem;

// What the flags say, parsed before anything runs.
struct ParseFlags {
  std::vector<std::string> inputs;
  std::string output_dir;      // empty: standard output
  std::string format = "yaml";
  std::string grammar_dir;     // empty: the built-in grammars
  std::string encoding;        // empty: detect
  bool strict = false;         // invalid bytes fail the input instead of becoming U+FFFD
  bool to_simplified = false;  // output strings in Simplified characters
  size_t max_input_mb = kDefaultMaxInputMb;
  bool quiet = false;
};

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kNotText:
    case Status::Code::kBadEncoding: return kExitNotText;
    case Status::Code::kBadGrammar: return kExitBadGrammar;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kIo: return kExitUnreadable;
    default: return kExitNotText;
  }
}

// Loads the built-in grammars, or those with the override folder's files in their place.
Result<RuleSet> LoadRules(const std::string& grammar_dir, std::vector<GrammarFile>* files) {
  std::vector<GrammarFile> overrides;
  if (!grammar_dir.empty()) {
    Result<std::vector<GrammarFile>> read = ReadGrammarDir(grammar_dir);
    if (!read.ok()) return read.status();
    overrides = read.value();
  }
  *files = MergeGrammarFiles(overrides);
  return LoadRuleSet(*files);
}

std::string GrammarText(const std::vector<GrammarFile>& files, const std::string& file) {
  for (const GrammarFile& f : files) {
    if (file == "grammars/" + f.name) return f.text;
  }
  return "";
}

void ReportWarnings(const Document& document, const std::string& path) {
  for (const Warning& w : document.warnings) {
    std::cerr << fmt::format("{}:{}: warning: {}: {}\n", path, w.line, WarningCodeName(w.code),
                             w.message);
  }
}

std::string OutputPath(const ParseFlags& flags, const std::string& input) {
  std::string stem = input == "-" ? "stdin" : fs::path(input).stem().string();
  return (fs::path(flags.output_dir) / (stem + (flags.format == "json" ? ".json" : ".yaml")))
      .string();
}

class ParseCommand {
 public:
  explicit ParseCommand(ParseFlags flags) : flags_(std::move(flags)) {}

  int Run() {
    std::vector<GrammarFile> files;
    Result<RuleSet> rules = LoadRules(flags_.grammar_dir, &files);
    if (!rules.ok()) {
      std::cerr << FormatError(rules.status(), GrammarText(files, rules.status().pos().file));
      return ExitCodeFor(rules.status());
    }
    if (flags_.inputs.size() > 1 && flags_.output_dir.empty() && flags_.format == "json") {
      std::cerr << "fengong parse: several inputs as JSON need -o DIR\n";
      return kExitUsage;
    }
    if (!flags_.output_dir.empty()) {
      std::error_code error;
      fs::create_directories(flags_.output_dir, error);
      if (error || !fs::is_directory(flags_.output_dir)) {
        std::cerr << fmt::format("{}: error: cannot create the output folder{}\n", flags_.output_dir,
                                 error ? ": " + error.message() : "");
        return kExitUnwritable;
      }
    }
    int failed_code = kExitOk;
    int failures = 0;
    for (size_t i = 0; i < flags_.inputs.size(); ++i) {
      int code = ParseOne(flags_.inputs[i], rules.value(), i);
      if (code != kExitOk) failed_code = code, ++failures;
    }
    if (failures == 0) return kExitOk;
    return flags_.inputs.size() > 1 ? kExitSomeFailed : failed_code;
  }

 private:
  int ParseOne(const std::string& input, const RuleSet& rules, size_t index) {
    Result<std::string> bytes = ReadInput(input, flags_.max_input_mb * 1000 * 1000);
    if (!bytes.ok()) {
      std::cerr << FormatError(bytes.status());
      return ExitCodeFor(bytes.status());
    }
    ParseOptions options;
    options.source_path = input;
    options.decode.encoding = flags_.encoding;
    if (flags_.strict) options.decode.invalid_bytes = InvalidBytes::kFail;
    if (flags_.to_simplified) options.script = OutputScript::kSimplified;
    Result<Document> document = ParseDocument(bytes.value(), rules, options);
    if (!document.ok()) {
      std::cerr << FormatError(document.status(), TextForMessages(bytes.value(), options.decode));
      return ExitCodeFor(document.status());
    }
    if (!flags_.quiet) ReportWarnings(document.value(), input);
    std::string text = Emit(document.value(),
                            flags_.format == "json" ? Format::kJson : Format::kYaml);
    if (flags_.output_dir.empty()) {
      if (index > 0) std::cout << "---\n";
      std::cout << text;
      return kExitOk;
    }
    Status written = WriteAtomically(OutputPath(flags_, input), text);
    if (!written.ok()) {
      std::cerr << FormatError(written);
      return kExitUnwritable;
    }
    return kExitOk;
  }

  ParseFlags flags_;
};

}  // namespace

Runner SetUpParse(CLI::App* app) {
  auto flags = std::make_shared<ParseFlags>();
  app->add_option("inputs", flags->inputs, "plan files to read (- for standard input)")
      ->required();
  app->add_option("-o,--output", flags->output_dir,
                  "write DIR/<input stem>.yaml (or .json) instead of standard output");
  app->add_option("--format", flags->format, "output format")
      ->check(CLI::IsMember({"yaml", "json"}))
      ->capture_default_str();
  app->add_option("--grammars", flags->grammar_dir,
                  "read grammar files from DIR in place of the built-in ones of the same name");
  app->add_option("--encoding", flags->encoding,
                  "read inputs in this encoding (UTF-8, GB18030, UTF-16LE, Big5 …); default: detect");
  app->add_flag("--strict", flags->strict,
                "refuse an input with bytes invalid in its encoding (default: replace them with "
                "U+FFFD and warn)");
  app->add_flag("--to-simplified", flags->to_simplified,
                "write every output string in Simplified characters");
  app->add_option("--max-input-mb", flags->max_input_mb, "refuse inputs larger than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_flag("-q,--quiet", flags->quiet, "do not echo the parser's warnings on stderr");
  app->footer(
      "Examples:\n"
      "  fengong parse plan.txt                 # YAML on standard output\n"
      "  fengong parse samples/*.txt -o out/    # out/<stem>.yaml for each input\n"
      "  fengong parse - --format json < plan.txt\n");
  return [flags] { return ParseCommand(*flags).Run(); };
}

}  // namespace fengong::cli
