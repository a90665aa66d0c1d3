// The exit statuses of fengong, documented in --help and the README.
#pragma once

namespace fengong::cli {

enum ExitCode {
  kExitOk = 0,
  kExitDifferences = 1,   // diff: the documents differ
  kExitUsage = 2,         // the command line is wrong (also an unknown --encoding)
  kExitUnreadable = 3,    // an input cannot be read (missing, a directory, no permission)
  kExitNotText = 4,       // an input is not a text plan (empty, binary, PDF/DOCX/HTML, too large,
                          // invalid bytes under --strict)
  kExitBadGrammar = 5,    // a grammar file does not load or a pattern does not compile
  kExitUnwritable = 6,    // an output cannot be written
  kExitSomeFailed = 7,    // several inputs: at least one failed, the others were written
};

inline constexpr const char* kExitCodeHelp =
    "Exit status:\n"
    "  0  success\n"
    "  1  diff: the documents differ\n"
    "  2  usage error (also an unknown --encoding)\n"
    "  3  an input cannot be read (missing, a directory, no permission)\n"
    "  4  an input is not a text plan (empty, binary, PDF/DOCX/XLSX/HTML, over --max-input-mb,\n"
    "     invalid bytes under --strict)\n"
    "  5  a grammar file is broken\n"
    "  6  an output cannot be written\n"
    "  7  several inputs: some failed, the others were written\n";

}  // namespace fengong::cli
