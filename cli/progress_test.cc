#include "progress.h"

#include <doctest/doctest.h>

namespace fengong::cli {
namespace {

TEST_CASE("SummaryLine: files ok, with warnings, failed; size, time and rate on one line") {
  BatchCounts counts{1000, 997, 412, 3, 37'590'000};
  CHECK(SummaryLine(counts, 4.0) ==
        "fengong: 1000 files: 997 ok (412 with warnings), 3 failed; 37.6 MB in 4.00 s "
        "(9.4 MB/s)\n");
  CHECK(SummaryLine(BatchCounts{}, 0) ==
        "fengong: 0 files: 0 ok (0 with warnings), 0 failed; 0.0 MB in 0.00 s (0.0 MB/s)\n");
}

TEST_CASE("ProgressLine: bar by bytes, rate, ETA") {
  CHECK(ProgressLine(250, 1000, 10'000'000, 40'000'000, 2.0) ==
        "[######..................] 250/1000 files  5.0 MB/s  ETA 0:06");
  // Without a byte total the files count; with no time yet there is no ETA.
  CHECK(ProgressLine(1, 2, 0, 0, 0.0) ==
        "[############............] 1/2 files  0.0 MB/s  ETA --:--");
  CHECK(ProgressLine(3, 3, 0, 0, 7300.0).find("ETA 0:00") != std::string::npos);
  CHECK(ProgressLine(1, 1000, 1, 1000, 10.0).find("ETA 2:46:30") != std::string::npos);
}

}  // namespace
}  // namespace fengong::cli
