// What a batch tells the person running it, on stderr: a progress bar redrawn in place while it
// runs (only when stderr is a terminal), messages above the bar, and a closing summary line.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace fengong::cli {

// How a batch went.
struct BatchCounts {
  size_t files = 0;          // inputs in the batch
  size_t ok = 0;             // parsed and written
  size_t with_warnings = 0;  // of those, with at least one warning
  size_t failed = 0;         // not written: unreadable, not text, unwritable
  uint64_t bytes = 0;        // input bytes read
};

// "fengong: 1000 files: 997 ok (412 with warnings), 3 failed; 37.6 MB in 4.12 s (9.1 MB/s)".
// 1 MB = 10^6 bytes.
std::string SummaryLine(const BatchCounts& counts, double seconds);

// "[#######.............]  412/1000 files  9.3 MB/s  ETA 0:07". The ETA counts bytes when the
// total is known, files otherwise; it is "--:--" until a rate is known.
std::string ProgressLine(size_t files_done, size_t files_total, uint64_t bytes_done,
                         uint64_t bytes_total, double seconds);

class Progress {
 public:
  // Draws the bar only when `show_bar` (the caller checks that stderr is a terminal).
  Progress(size_t files_total, uint64_t bytes_total, bool show_bar);

  // Redraws the bar, at most ten times a second.
  void Update(size_t files_done, uint64_t bytes_done);
  // Writes `text` (whole lines) to stderr above the bar.
  void Print(const std::string& text);
  // Clears the bar for good.
  void Finish();
  // Seconds since construction.
  double Elapsed() const;

 private:
  void Clear();
  void Draw();

  const size_t files_total_;
  const uint64_t bytes_total_;
  const bool show_bar_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  size_t files_done_ = 0;
  uint64_t bytes_done_ = 0;
  bool drawn_ = false;
};

}  // namespace fengong::cli
