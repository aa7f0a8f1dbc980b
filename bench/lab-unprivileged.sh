#!/usr/bin/env bash
# The packet lab as a user who is not root (Linux; run this script as root, it switches to the user):
#   bench/lab-unprivileged.sh USER [--maven]
# USER must exist and not be root; it gets a clone of this repository's HEAD in a fresh directory under its home
# and builds it with its own ~/.m2 (offline when ~/.m2/repository exists). Then, as USER:
#   userns   ./netharness run features --tags @lab          passes where users may create user namespaces
#   plain    NETHARNESS_USERNS=0 ./netharness run ... @lab   every lab scenario skipped, with the reason and the fix
#   refused  the same as userns, inside a user namespace whose user.max_user_namespaces is 0 (so nested ones are
#            refused): every lab scenario skipped, the reason names the setting
#   maven    (with --maven) the lab module's tests under unshare --map-current-user --keep-caps ./mvnw
# Prints one line per run with the scenario counts; exits 1 when a run failed a scenario, or when a run that
# cannot have the lab passed or skipped a lab scenario without saying why. Not part of ./mvnw verify.
set -euo pipefail
user="${1:?usage: bench/lab-unprivileged.sh USER [--maven]}"
maven="${2:-}"
[ "$(id -u)" = 0 ] || { echo "run as root: it switches to $user" >&2; exit 2; }
uid="$(id -u "$user")"; gid="$(id -g "$user")"
[ "$uid" != 0 ] || { echo "$user is root" >&2; exit 2; }
home="$(getent passwd "$user" | cut -d: -f6)"
repo="$(cd "$(dirname "$0")/.." && pwd)"

dir="$home/netharness-lab-check"
rm -rf "$dir"
git clone -q "$repo" "$dir"
chown -R "$user:$(id -gn "$user")" "$dir"
offline=""
[ -d "$home/.m2/repository" ] && offline="-o"
as_user() { runuser -u "$user" -- env HOME="$home" MAVEN_ARGS="$offline" bash -c "cd '$dir' && $1"; }

echo "building as $user in $dir…" >&2
as_user "./netharness --help" >/dev/null

failed=0
outs=()
report() { # name, expectation (pass|skip|either), output file
  local name="$1" expect="$2" out="$3" line passed fail skipped total reasons
  outs+=("$out")
  line="$(grep -E '^Scenarios:' "$out" || true)"
  if [ -z "$line" ]; then
    echo "$name: no summary (see $out)"; failed=1; return
  fi
  read -r passed fail skipped total < <(sed -E 's/Scenarios: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped \(([0-9]+) total\).*/\1 \2 \3 \4/' <<<"$line")
  reasons="$(grep -c 'skipped: the packet lab cannot run here: .*the lab needs' "$out" || true)"
  echo "$name: $passed passed, $fail failed, $skipped skipped of $total; $reasons skipped with the reason and the fix"
  local userns_line; userns_line="$(grep -m1 '^netharness: not root' "$out" || true)"
  [ -n "$userns_line" ] && echo "  launcher: $userns_line"
  [ "$skipped" -gt 0 ] && echo "  reason: $(grep -m1 -o 'the packet lab cannot run here: .*' "$out")"
  if [ "$fail" != 0 ] || [ "$reasons" != "$skipped" ]; then failed=1; fi
  case "$expect" in
    pass) [ "$passed" = "$total" ] || failed=1 ;;
    skip) [ "$skipped" = "$total" ] || failed=1 ;;
  esac
}

out="$(mktemp)"
as_user "./netharness run features --tags @lab" >"$out" 2>&1 || true
if runuser -u "$user" -- unshare --user --map-root-user true 2>/dev/null; then
  report "userns (user namespaces allowed)" pass "$out"
else
  report "userns (user namespaces refused here)" skip "$out"
fi

out="$(mktemp)"
as_user "NETHARNESS_USERNS=0 ./netharness run features --tags @lab" >"$out" 2>&1 || true
report "plain (NETHARNESS_USERNS=0)" skip "$out"

if command -v setpriv >/dev/null 2>&1; then
  # A user namespace that root owns (uids and gids 0-65535 mapped as they are), with user.max_user_namespaces=0
  # in it, entered as USER without capabilities: like a machine that does not let users create user namespaces.
  out="$(mktemp)"
  fifo="$(mktemp -u)"; mkfifo -m 600 "$fifo"
  unshare --user bash -c 'read -r _ < "$1"; exec bash -c '\''echo 0 > /proc/sys/user/max_user_namespaces &&
      exec setpriv --reuid="$1" --regid="$2" --clear-groups --inh-caps=-all --bounding-set=-all \
      env HOME="$3" MAVEN_ARGS="$4" bash -c "cd \"$5\" && ./netharness run features --tags @lab"'\'' inner "$2" "$3" "$4" "$5" "$6"' \
      outer "$fifo" "$uid" "$gid" "$home" "$offline" "$dir" >"$out" 2>&1 &
  pid=$!
  until [ "$(readlink "/proc/$pid/ns/user")" != "$(readlink /proc/self/ns/user)" ]; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  echo '0 0 65536' > "/proc/$pid/uid_map"
  echo '0 0 65536' > "/proc/$pid/gid_map"
  echo go > "$fifo"
  wait "$pid" || true
  rm -f "$fifo"
  report "refused (user.max_user_namespaces=0)" skip "$out"
fi

if [ "$maven" = "--maven" ]; then
  out="$(mktemp)"
  as_user "./mvnw -B -q $offline -pl harness/lab -am test-compile >/dev/null &&
      unshare --map-current-user --keep-caps ./mvnw -B $offline -pl harness/lab surefire:test@default-test" \
      >"$out" 2>&1 || true
  echo "maven (unshare --map-current-user --keep-caps ./mvnw, harness/lab): $(grep -E '^\[(INFO|WARNING|ERROR)\] Tests run:' "$out" | tail -1)"
  outs+=("$out")
  grep -q 'BUILD SUCCESS' "$out" || failed=1
fi

rm -rf "$dir"
if [ "$failed" = 0 ]; then rm -f "${outs[@]}"; else echo "outputs kept: ${outs[*]}" >&2; fi
exit "$failed"
