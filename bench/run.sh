#!/usr/bin/env bash
# Builds the bench module (and core) without tests, then runs the benchmarks in a 512 MiB heap.
# The proxy's bulk case compares with two reference relays: socat (installed from Debian here when missing and
# this runs as root) and the splice relay in bench/src/main/c (compiled here when gcc exists); the fresh-process
# latency case starts the CLI jar (built here) and measures it with the C client bench/src/main/c/idle_rtt.c.
# Extra arguments go to the JVM, e.g.: bench/run.sh -Dbench.only=latency -Dbench.bytes=268435456
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench,harness/cli -am package -DskipTests   # the CLI jar: the fresh-process latency case starts it
if ! command -v socat >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench: installing socat (the reference relay)…" >&2
  apt-get install -y -q socat >/dev/null || echo "bench: could not install socat; its column stays empty" >&2
fi
if command -v gcc >/dev/null 2>&1; then
  gcc -O2 -Wall -pthread -o bench/target/splice-relay bench/src/main/c/splice_relay.c \
    || echo "bench: the splice relay did not compile; its column stays empty" >&2
  gcc -O2 -Wall -pthread -o bench/target/idle-rtt bench/src/main/c/idle_rtt.c \
    || echo "bench: the C round-trip client did not compile; the fresh-process latency case is skipped" >&2
else
  echo "bench: no gcc, so no splice relay and no C round-trip client; their cases stay empty" >&2
fi
exec java -Xmx512m "$@" -cp "bench/target/netharness-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.netharness.bench.Bench
