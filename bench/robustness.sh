#!/usr/bin/env bash
# Builds the bench module (and what it needs) without tests, then runs the fault proxy's robustness suite:
# API fuzz, extreme values, proxy loops, descriptor exhaustion (prlimit), toxic churn under checksummed traffic and
# slicer load, each against a fresh child JVM on loopback. About 3 minutes; exit 1 if a check failed.
# Extra arguments go to the JVM, e.g.: bench/robustness.sh -Drobustness.only=churn -Drobustness.seed=7
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -Xmx512m "$@" -cp "bench/target/netharness-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.netharness.bench.robustness.Robustness
