#include "progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace fengong::cli {
namespace {

constexpr int kBarWidth = 24;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

double Megabytes(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string SummaryLine(const BatchCounts& c, double seconds) {
  double rate = seconds > 0 ? Megabytes(c.bytes) / seconds : 0;
  return fmt::format(
      "fengong: {} files: {} ok ({} with warnings), {} failed; {:.1f} MB in {:.2f} s "
      "({:.1f} MB/s)\n",
      c.files, c.ok, c.with_warnings, c.failed, Megabytes(c.bytes), seconds, rate);
}

std::string ProgressLine(size_t files_done, size_t files_total, uint64_t bytes_done,
                         uint64_t bytes_total, double seconds) {
  double fraction = files_total == 0 ? 1 : static_cast<double>(files_done) / files_total;
  if (bytes_total > 0) fraction = std::min(1.0, static_cast<double>(bytes_done) / bytes_total);
  int filled = static_cast<int>(fraction * kBarWidth);
  std::string eta = "--:--";
  if (seconds > 0.5 && fraction > 0) eta = Clock(seconds / fraction - seconds);
  double rate = seconds > 0 ? Megabytes(bytes_done) / seconds : 0;
  return fmt::format("[{}{}] {}/{} files  {:.1f} MB/s  ETA {}", std::string(filled, '#'),
                     std::string(kBarWidth - filled, '.'), files_done, files_total, rate, eta);
}

Progress::Progress(size_t files_total, uint64_t bytes_total, bool show_bar)
    : files_total_(files_total),
      bytes_total_(bytes_total),
      show_bar_(show_bar),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawEvery) {}

double Progress::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(size_t files_done, uint64_t bytes_done) {
  files_done_ = files_done;
  bytes_done_ = bytes_done;
  if (!show_bar_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  Draw();
}

void Progress::Print(const std::string& text) {
  if (text.empty()) return;
  Clear();
  std::cerr << text;
  if (show_bar_) Draw();
}

void Progress::Finish() { Clear(); }

void Progress::Clear() {
  if (!drawn_) return;
  std::cerr << "\r\x1b[K";
  drawn_ = false;
}

void Progress::Draw() {
  std::cerr << "\r\x1b[K"
            << ProgressLine(files_done_, files_total_, bytes_done_, bytes_total_, Elapsed())
            << std::flush;
  drawn_ = true;
}

}  // namespace fengong::cli
