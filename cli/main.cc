// fengong: Chinese policy plans into data. A thin, table-driven front end over lib/.
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.h"
#include "exit_codes.h"
#include "pipeline.h"

namespace fengong::cli {
namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  Runner (*set_up)(CLI::App*);
};

const Subcommand kSubcommands[] = {
    {"parse", "read plans and write their tasks, units and targets as canonical YAML or JSON",
     SetUpParse},
    {"diff", "compare plans: districts side by side, or two versions of one plan", SetUpDiff},
};

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

bool IsSubcommand(const std::string& word) {
  for (const Subcommand& sub : kSubcommands) {
    if (word == sub.name) return true;
  }
  return false;
}

// "did you mean 'parse'?" for a mistyped subcommand, or "".
std::string Suggestion(const std::string& word) {
  for (const Subcommand& sub : kSubcommands) {
    if (EditDistance(word, sub.name) <= 2) return fmt::format(" (did you mean '{}'?)", sub.name);
  }
  return "";
}

int Main(int argc, char** argv) {
  CLI::App app{"fengong: Chinese policy plans (实施方案, 任务分工表, 工作要点) into data"};
  app.set_version_flag("--version", fmt::format("fengong {}", Version()));
  app.require_subcommand(1);
  app.footer(kExitCodeHelp);
  std::map<CLI::App*, Runner> runners;
  for (const Subcommand& sub : kSubcommands) {
    CLI::App* command = app.add_subcommand(sub.name, sub.summary);
    runners[command] = sub.set_up(command);
  }
  if (argc > 1 && argv[1][0] != '-' && !IsSubcommand(argv[1])) {
    std::cerr << fmt::format("fengong: unknown command '{}'{}\n", argv[1], Suggestion(argv[1]));
    std::cerr << "Run 'fengong --help' for the commands.\n";
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    app.exit(e);
    return kExitUsage;
  }
  for (auto& [command, run] : runners) {
    if (command->parsed()) return run();
  }
  return kExitUsage;
}

}  // namespace
}  // namespace fengong::cli

int main(int argc, char** argv) { return fengong::cli::Main(argc, argv); }
