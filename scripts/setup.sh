#!/usr/bin/env bash
# Installs what a fresh Debian machine needs, then builds fengong into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  g++ cmake ninja-build pkg-config python3 python3-yaml time icu-devtools \
  clang-14 libclang-rt-14-dev libfuzzer-14-dev \
  libicu-dev libre2-dev libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libsqlite3-dev libmimalloc-dev >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
