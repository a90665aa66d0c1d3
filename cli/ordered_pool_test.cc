#include "ordered_pool.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace fengong::cli {
namespace {

// Jobs that finish out of order (later indexes sooner) still come back in index order.
std::vector<std::string> RunSquares(int threads, size_t count, size_t window) {
  OrderedPool<std::string>::Options options;
  options.threads = threads;
  options.window = window;
  std::vector<std::string> out;
  OrderedPool<std::string>::Run(
      count, options,
      [&](size_t i) {
        std::this_thread::sleep_for(std::chrono::microseconds(200 * ((count - i) % 5)));
        return std::to_string(i * i);
      },
      [&](size_t i, std::string&& result) {
        CHECK(result == std::to_string(i * i));
        out.push_back(std::move(result));
      },
      [](size_t) {});
  return out;
}

TEST_CASE("OrderedPool: results in index order, the same for every thread count") {
  std::vector<std::string> one = RunSquares(1, 50, 8);
  REQUIRE(one.size() == 50);
  CHECK(one[7] == "49");
  CHECK(RunSquares(2, 50, 8) == one);
  CHECK(RunSquares(4, 50, 3) == one);
  CHECK(RunSquares(8, 5, 64) == std::vector<std::string>(one.begin(), one.begin() + 5));
  CHECK(RunSquares(3, 0, 8).empty());
}

TEST_CASE("OrderedPool: workers do not run far ahead of a slow caller") {
  OrderedPool<int>::Options options;
  options.threads = 4;
  options.window = 6;
  std::atomic<size_t> consumed{0};
  std::atomic<size_t> most_ahead{0};
  OrderedPool<int>::Run(
      200, options,
      [&](size_t i) {
        size_t ahead = i - std::min(i, consumed.load());
        size_t seen = most_ahead.load();
        while (ahead > seen && !most_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return 0;
      },
      [&](size_t, int&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        ++consumed;
      },
      [](size_t) {});
  // Jobs start at most a window ahead of the results taken (plus those being handed over).
  CHECK(most_ahead.load() <= 2 * options.window);
}

struct StopRun {
  size_t started = 0;
  size_t handed = 0;
};

// 1000 jobs of which job 10 raises the stop, on `threads` workers with a window of `window`.
StopRun RunStoppingAtTen(int threads, size_t window) {
  std::atomic<bool> stop{false};
  std::atomic<size_t> started{0};
  OrderedPool<int>::Options options;
  options.threads = threads;
  options.window = window;
  options.stop = &stop;
  size_t handed = OrderedPool<int>::Run(
      1000, options,
      [&](size_t i) {
        ++started;
        if (i == 10) stop = true;
        return static_cast<int>(i);
      },
      [](size_t, int&&) {}, [](size_t) {});
  return StopRun{started.load(), handed};
}

TEST_CASE("OrderedPool: a stop starts no new job and hands back what came before") {
  StopRun run = RunStoppingAtTen(2, 4);
  // Jobs 11.. may have started on the other thread while job 10 ran, and their results may be
  // handed back with it; none starts once the stop is seen, so at most a window more.
  CHECK(run.handed <= run.started);
  CHECK(run.started <= 11 + 4 + 1);
}

TEST_CASE("OrderedPool: with one thread a stop hands back exactly the jobs up to it") {
  StopRun run = RunStoppingAtTen(1, 4);
  CHECK(run.started == 11);
  CHECK(run.handed <= 11);
}

}  // namespace
}  // namespace fengong::cli
