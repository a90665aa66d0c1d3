// Runs one job per index on a pool of threads and hands the results back to the calling thread in
// index order. Whatever the thread count, the caller sees the same results in the same order, so
// what it writes does not depend on -j. At most `window` results wait between the workers and
// the caller, which bounds memory however many jobs there are.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fengong::cli {

template <typename T>
class OrderedPool {
 public:
  struct Options {
    // Worker threads. Default: 1.
    int threads = 1;
    // Results done and not yet consumed, at most. Default: 8.
    size_t window = 8;
    // How long the caller waits for the next result before calling `tick`. Default: 100 ms.
    std::chrono::milliseconds tick_every{100};
    // When it turns true, no job starts; running jobs finish and their results are dropped.
    // Default: none.
    const std::atomic<bool>* stop = nullptr;
  };

  // work(i) runs on a worker thread, for each i in [0, count), and must be safe to run
  // concurrently with itself. consume(i, result) and tick(jobs_done) run on the calling thread:
  // consume in index order, tick after each batch of results and at least every `tick_every`.
  // Returns the number of results consumed (count, unless stopped).
  static size_t Run(size_t count, const Options& options, const std::function<T(size_t)>& work,
                    const std::function<void(size_t, T&&)>& consume,
                    const std::function<void(size_t)>& tick) {
    OrderedPool pool(count, options, work);
    return pool.Drain(consume, tick);
  }

 private:
  OrderedPool(size_t count, const Options& options, const std::function<T(size_t)>& work)
      : count_(count), options_(options), work_(work), slots_(std::max<size_t>(options.window, 1)) {
    int threads = static_cast<int>(std::min<size_t>(std::max(options.threads, 1), count));
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }

  ~OrderedPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    space_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }

  bool Stopped() const { return options_.stop != nullptr && options_.stop->load(); }

  // REQUIRES: mutex_ held.
  bool MayClaim() const { return next_claim_ < consumed_ + slots_.size(); }

  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      space_.wait(lock, [this] { return closing_ || next_claim_ >= count_ || MayClaim(); });
      if (closing_ || next_claim_ >= count_ || Stopped()) return;
      size_t index = next_claim_++;
      lock.unlock();
      T result = work_(index);
      lock.lock();
      slots_[index % slots_.size()] = std::move(result);
      ++done_;
      ready_.notify_one();
    }
  }

  // Moves the results that are next in order out of their slots. REQUIRES: mutex_ held.
  std::vector<T> TakeReady() {
    std::vector<T> ready;
    while (consumed_ < count_) {
      std::optional<T>& slot = slots_[consumed_ % slots_.size()];
      if (!slot) break;
      ready.push_back(std::move(*slot));
      slot.reset();
      ++consumed_;
    }
    return ready;
  }

  size_t Drain(const std::function<void(size_t, T&&)>& consume,
               const std::function<void(size_t)>& tick) {
    size_t handed = 0;
    while (handed < count_ && !Stopped()) {
      std::vector<T> ready;
      size_t done = 0;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait_for(lock, options_.tick_every, [this] {
          return Stopped() || slots_[consumed_ % slots_.size()].has_value();
        });
        ready = TakeReady();
        done = done_;
      }
      space_.notify_all();
      for (T& result : ready) consume(handed++, std::move(result));
      tick(done);
    }
    return handed;
  }

  const size_t count_;
  const Options options_;
  const std::function<T(size_t)>& work_;

  std::mutex mutex_;
  std::condition_variable ready_;        // a result arrived
  std::condition_variable space_;        // a slot freed, or closing
  std::vector<std::optional<T>> slots_;  // result i waits in slot i % size
  size_t next_claim_ = 0;
  size_t consumed_ = 0;
  size_t done_ = 0;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace fengong::cli
