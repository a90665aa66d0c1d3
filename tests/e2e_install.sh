#!/usr/bin/env bash
# cmake --install into a temporary prefix, then build tests/consumer against it twice (CMake's
# find_package and pkg-config) and check both print what `fengong parse --format json` prints.
#   e2e_install.sh BUILD_DIR SOURCE_DIR FENGONG_BINARY
set -euo pipefail
build=$1 src=$2 fengong=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for name in bin/fengong include/fengong/pipeline.h include/fengong/model.h \
            share/fengong/fengong-1.schema.json; do
  [[ -f $prefix/$name ]] || fail "expected $name installed; got: $(cd "$prefix" && find . -type f)"
done
for name in libfengong.a fengongConfig.cmake fengongConfigVersion.cmake fengongTargets.cmake \
            fengong.pc; do
  [[ -n $(find "$prefix" -name "$name") ]] || fail "expected $name installed"
done
# The installed headers are closed: each one they include is installed too.
for header in "$prefix"/include/fengong/*.h; do
  for included in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$header"); do
    [[ -f $prefix/include/fengong/$included ]] ||
      fail "$(basename "$header") includes $included, which is not installed"
  done
done
"$prefix/bin/fengong" --version | grep -q '^fengong ' || fail "the installed binary runs"

sample=$src/samples/wulong-implementation-plan.txt
"$fengong" parse -q --format json "$sample" >"$work/expected.json"

cmake -S "$src/tests/consumer" -B "$work/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "find_package(fengong) configures"; }
cmake --build "$work/cmake" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the consumer builds"; }
"$work/cmake/consumer" "$sample" >"$work/cmake.json"
cmp -s "$work/expected.json" "$work/cmake.json" ||
  fail "the CMake consumer prints what fengong parse prints; diff: $(diff "$work/expected.json" "$work/cmake.json" | head)"

pc_dir=$(dirname "$(find "$prefix" -name fengong.pc)")
flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs fengong) || fail "pkg-config finds fengong"
# shellcheck disable=SC2086  # the flags are words
g++ -std=c++17 -O1 "$src/tests/consumer/main.cc" -o "$work/pc-consumer" $flags ||
  fail "the consumer builds with pkg-config flags: $flags"
"$work/pc-consumer" "$sample" >"$work/pc.json"
cmp -s "$work/expected.json" "$work/pc.json" || fail "the pkg-config consumer prints the same"
echo "ok: installed under a temporary prefix; CMake and pkg-config consumers agree with the CLI"
