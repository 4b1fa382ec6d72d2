#!/usr/bin/env bash
# The in-process soak (Tests/CareerAppTests/SoakTests.swift) at full length: EVENTS seeded random
# events (default 1,000,000) through update and render over every mode and size, checking every
# frame. Prints events, time, events/s and the first broken invariant, if any.
#
#   scripts/soak.sh [EVENTS] [SEED]      CONFIG=debug for a debug build (slower; release by default)
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-release}
flags=(-c "$config")
# Release builds the tests with testability (the soak reads the app's internal state).
[ "$config" = release ] && flags+=(-Xswiftc -enable-testing --scratch-path .build-release-tests)
swift build "${flags[@]}" --build-tests
CAREERPATH_SOAK_EVENTS=${1:-1000000} CAREERPATH_SOAK_SEED=${2:-2569} \
    swift test "${flags[@]}" --skip-build --filter 'SoakTests/soak' 2>&1 | grep -E '^soak:|✘|✔|error' || true
