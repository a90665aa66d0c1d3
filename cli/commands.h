// The subcommands of fengong, one file each, registered in main.cc's table.
#pragma once

#include <CLI/CLI.hpp>

namespace fengong::cli {

// Adds the subcommand's flags to `app`; the returned callback runs it and gives the exit status.
using Runner = std::function<int()>;
Runner SetUpParse(CLI::App* app);
Runner SetUpDiff(CLI::App* app);

}  // namespace fengong::cli
