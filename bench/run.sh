#!/usr/bin/env bash
# Builds the bench module (and core) without tests, then runs the benchmarks in a 512 MiB heap.
# Extra arguments go to the JVM, e.g.: bench/run.sh -Dbench.only=latency -Dbench.bytes=268435456
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -Xmx512m "$@" -cp "bench/target/netharness-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.netharness.bench.Bench
