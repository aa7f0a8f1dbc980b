#!/usr/bin/env bash
# The packet lab's benchmark (Linux, root): builds the bench module without tests, then runs
# io.netharness.bench.LabBench. Extra arguments go to the JVM, e.g.: bench/lab.sh -Dbench.bytes=1073741824
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -Xmx512m --enable-native-access=ALL-UNNAMED "$@" \
  -cp "bench/target/netharness-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" io.netharness.bench.LabBench
