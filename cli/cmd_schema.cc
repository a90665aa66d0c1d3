// fengong schema : the JSON Schema of what `parse` writes, for validators and code generators.
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "schema.h"

namespace fengong::cli {

Runner SetUpSchema(CLI::App* app) {
  app->footer(
      "The schema is draft 2020-12; JSON and YAML outputs both follow it.\n"
      "Example:\n"
      "  fengong schema > fengong-1.schema.json\n");
  return [] {
    std::cout << JsonSchema();
    std::cout.flush();
    return std::cout ? kExitOk : kExitUnwritable;
  };
}

}  // namespace fengong::cli
