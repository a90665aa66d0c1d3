// fengong diff A B [C …] : districts side by side, or two versions of one plan.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>

#include "commands.h"
#include "diff.h"
#include "diff_render.h"
#include "exit_codes.h"
#include "io.h"
#include "load.h"
#include "pipeline.h"
#include "rules.h"

namespace fengong::cli {
namespace {

// What the flags say, parsed before anything runs.
struct DiffFlags {
  std::vector<std::string> inputs;
  std::string format = "table";
  std::string mode = "auto";    // auto | districts | versions
  std::string colour = "auto";  // auto | always | never
  int cell_width = 24;
  std::string grammar_dir;  // empty: the built-in grammars
  std::string encoding;     // empty: detect
};

const std::map<std::string, DiffFormat>& Formats() {
  static const std::map<std::string, DiffFormat> kFormats = {{"table", DiffFormat::kTable},
                                                             {"md", DiffFormat::kMarkdown},
                                                             {"csv", DiffFormat::kCsv},
                                                             {"yaml", DiffFormat::kYaml},
                                                             {"json", DiffFormat::kJson}};
  return kFormats;
}

// Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org) unless asked.
bool UseColour(const std::string& flag) {
  if (flag == "always") return true;
  if (flag == "never") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && no_colour[0] != '\0') return false;
  return isatty(fileno(stdout)) == 1;
}

class DiffCommand {
 public:
  explicit DiffCommand(DiffFlags flags) : flags_(std::move(flags)) {}

  int Run() {
    if (flags_.inputs.size() < 2) {
      std::cerr << "fengong diff: give at least two plans or saved outputs\n";
      return kExitUsage;
    }
    if (flags_.mode == "versions" && flags_.inputs.size() != 2) {
      std::cerr << "fengong diff: --mode versions compares exactly two documents\n";
      return kExitUsage;
    }
    std::vector<GrammarFile> files;
    Result<RuleSet> rules = LoadRules(flags_.grammar_dir, &files);
    if (!rules.ok()) {
      std::cerr << FormatError(rules.status(), GrammarText(files, rules.status().pos().file));
      return ExitCodeFor(rules.status());
    }
    std::vector<Document> documents;
    for (const std::string& input : flags_.inputs) {
      int code = ReadOne(input, rules.value(), &documents);
      if (code != kExitOk) return code;
    }
    DiffReport report = Compare(documents);
    RenderOptions options;
    options.colour = UseColour(flags_.colour);
    options.cell_width = flags_.cell_width;
    std::cout << RenderDiff(report, Formats().at(flags_.format), options);
    return report.differs() ? kExitDifferences : kExitOk;
  }

 private:
  // A saved output is loaded; anything else is parsed as a plan.
  int ReadOne(const std::string& input, const RuleSet& rules, std::vector<Document>* out) {
    Result<std::string> bytes = ReadInput(input);
    if (!bytes.ok()) {
      std::cerr << FormatError(bytes.status());
      return kExitUnreadable;
    }
    Result<Document> document = Status::Ok();
    if (LooksLikeSavedOutput(bytes.value())) {
      document = LoadDocument(bytes.value());
    } else {
      ParseOptions options;
      options.source_path = input;
      options.decode.encoding = flags_.encoding;
      document = ParseDocument(bytes.value(), rules, options);
    }
    if (!document.ok()) {
      std::cerr << FormatError(document.status().WithFile(input), bytes.value());
      return ExitCodeFor(document.status());
    }
    out->push_back(std::move(document.value()));
    return kExitOk;
  }

  DiffReport Compare(const std::vector<Document>& documents) const {
    std::vector<const Document*> pointers;
    for (const Document& d : documents) pointers.push_back(&d);
    std::optional<DiffMode> mode;
    if (flags_.mode == "versions") mode = DiffMode::kVersions;
    if (flags_.mode == "districts") mode = DiffMode::kDistricts;
    return Diff(pointers, mode);
  }

  DiffFlags flags_;
};

}  // namespace

Runner SetUpDiff(CLI::App* app) {
  auto flags = std::make_shared<DiffFlags>();
  app->add_option("inputs", flags->inputs,
                  "plans (text) or saved outputs of fengong parse (YAML or JSON); - for stdin")
      ->required();
  app->add_option("--format", flags->format, "table, md, csv, yaml or json")
      ->check(CLI::IsMember({"table", "md", "csv", "yaml", "json"}))
      ->capture_default_str();
  app->add_option("--mode", flags->mode,
                  "districts (side by side), versions (old, new) or auto: versions for two "
                  "documents of one plan, districts otherwise")
      ->check(CLI::IsMember({"auto", "districts", "versions"}))
      ->capture_default_str();
  app->add_option("--color", flags->colour,
                  "colour the table: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->add_option("--cell-width", flags->cell_width, "table: widest cell, in terminal columns")
      ->check(CLI::Range(4, 400))
      ->capture_default_str();
  app->add_option("--grammars", flags->grammar_dir,
                  "read grammar files from DIR in place of the built-in ones of the same name");
  app->add_option("--encoding", flags->encoding, "read text inputs in this encoding");
  app->footer(
      "Exit status: 0 the documents agree, 1 they differ, 2 usage, 3 unreadable input,\n"
      "4 not a plan or a broken saved output, 5 broken grammar.\n"
      "Examples:\n"
      "  fengong diff a.txt b.txt c.txt                # districts side by side\n"
      "  fengong diff draft.txt final.txt              # two versions: added/removed/changed\n"
      "  fengong diff out/a.yaml out/b.json --format csv\n");
  return [flags] { return DiffCommand(*flags).Run(); };
}

}  // namespace fengong::cli
