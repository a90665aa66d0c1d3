#!/usr/bin/env bash
# Runs every test: the doctest unit tests and the end-to-end runs of the CLI on samples/, then
# the unit tests and the fuzz seeds under AddressSanitizer + UndefinedBehaviorSanitizer in their
# own build folder (build-sanitize/; FENGONG_SKIP_SANITIZE=1 skips that part).
set -euo pipefail
cd "$(dirname "$0")/.."
ctest --test-dir build --output-on-failure
if [ "${FENGONG_SKIP_SANITIZE:-0}" != 1 ]; then
  if [ ! -f build-sanitize/build.ninja ]; then
    CXX=clang++-14 CC=clang-14 cmake -S . -B build-sanitize -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFENGONG_SANITIZE=ON -DFENGONG_FUZZ=ON
  fi
  cmake --build build-sanitize --target fengong_tests parse_fuzzer
  ctest --test-dir build-sanitize --output-on-failure -R '^(unit|fuzz_seed_corpus)$'
fi
