#!/usr/bin/env bash
# The in-process soak (Tests/CareerAppTests/SoakTests.swift) at full length: EVENTS seeded random
# events (default 1,000,000) through update and render over every mode and size, checking every
# frame. Prints events, time, events/s and the first broken invariant, if any.
#
#   scripts/soak.sh [EVENTS] [SEED]      CONFIG=debug for an unoptimized build (slower; optimized by default)
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-release}
# "release": optimized (-O) in the debug configuration, in its own scratch folder. A `-c release` test
# build does not link: careerpath's release-only linker flags (-static-stdlib) reach the test bundle,
# and there is no static libTesting/libXCTest. The debug configuration keeps testability (the soak
# reads the app's internal state).
if [ "$config" = release ]; then flags=(-c debug -Xswiftc -O --scratch-path .build-soak); else flags=(-c "$config"); fi
swift build "${flags[@]}" --build-tests
CAREERPATH_SOAK_EVENTS=${1:-1000000} CAREERPATH_SOAK_SEED=${2:-2569} \
    swift test "${flags[@]}" --skip-build --filter 'SoakTests/soak' 2>&1 | grep -E '^soak:|✘|✔|error' || true
