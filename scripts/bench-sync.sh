#!/usr/bin/env bash
# Issue 11's benchmark: rsvp sync against mbsync (isync) on one generated
# mailbox, served by the throwaway Dovecot of scripts/dovecot.sh, in one run.
#
#   scripts/bench-sync.sh [N] [RUNS]        defaults: N=10000 messages, RUNS=5
#
# 1. Installs what is missing (scripts/deps.sh, then isync and time), builds
#    rsvp in Release into build-bench/ and the generator
#    tests/bench/gen_mailbox.cpp (deterministic: the same N gives the same
#    mailbox; 70% small plain/alternative, 17% Outlook HTML with inline logos,
#    8% calendar replies, 5% with a 50-200 KB attachment).
# 2. Starts Dovecot, loads the N messages, warms it up with one untimed run of
#    each tool (Dovecot builds its index; mbsync's SELECT moves new/ to cur/).
# 3. Times, alternating, RUNS times each:
#      full     rsvp sync into a fresh database; mbsync (FSync yes, its
#               default) and mbsync FSync no, each into a fresh Maildir;
#      no-op    the same again on the last database / Maildirs;
#      100 new  100 more messages reach the server, then one tool syncs
#               (a fresh batch for every timed run, the first to see it; the
#               other tools then catch up untimed).
#    A `sync` (untimed) before every timed run keeps earlier writeback out;
#    before a timed mbsync run on an existing Maildir, the script waits for
#    the next second (see settle below). mbsync uses `Sync Pull`: like rsvp,
#    it changes nothing on the server, checked after the full runs and at the
#    end (no message may be \Seen). It connects to "localhost" (the test
#    certificate's DNS name), rsvp to 127.0.0.1: the same address.
# 4. Measures the peak RSS of one full rsvp sync (and of mbsync, FSync no)
#    with /usr/bin/time -v, checks that rsvp recorded every message
#    (`headcount --format json` .messages), prints every time, the medians,
#    the ratios rsvp / mbsync and messages per second, and writes the same
#    table to build-bench/bench-sync.txt.
# Exits 1 (after the table) if any run failed or a count is wrong.
# Everything else lives in a temporary directory removed at exit.
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME and printf use '.' as the decimal point

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000}
runs=${2:-5}
[[ $n =~ ^[1-9][0-9]*$ && $runs =~ ^[1-9][0-9]*$ && $# -le 2 ]] || {
  echo "usage: $0 [N] [RUNS]   (defaults 10000 5)" >&2
  exit 2
}
build=$root/build-bench
batch=100
senders=$((n / 3 > 0 ? n / 3 : 1))

say() { printf '%s\n' "$*" >&2; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- packages, build ---------------------------------------------------------
"$root/scripts/deps.sh"
missing=()
for p in isync time; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

say "building rsvp (Release) in $build"
# build.sh passes -DCMAKE_BUILD_TYPE=RelWithDebInfo first; the later one wins.
# Its output (compiler warnings included) is shown only if the build fails.
mkdir -p "$build"
RSVP_BUILD_DIR=$build "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=Release >"$build/bench-build.log" 2>&1 || {
  cat "$build/bench-build.log" >&2
  say "bench-sync.sh: build failed"
  exit 1
}
grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "$build/CMakeCache.txt" || {
  say "bench-sync.sh: $build is not a Release build"
  exit 1
}
rsvp=$build/src/rsvp
gen=$build/gen_mailbox
if [[ ! -x $gen || $root/tests/bench/gen_mailbox.cpp -nt $gen ]]; then
  g++ -O2 -std=c++20 -Wall -Wextra -o "$gen" "$root/tests/bench/gen_mailbox.cpp"
fi

# --- server, mailbox ---------------------------------------------------------
tmp=$(mktemp -d /tmp/rsvp-bench-sync.XXXXXX)
dove=$tmp/dovecot
cleanup() {
  "$root/scripts/dovecot.sh" stop "$dove" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$root/scripts/dovecot.sh" start "$dove" >/dev/null
# shellcheck source=/dev/null
. "$dove/env"
doveadm=(doveadm -c "$dove/dovecot.conf")

t0=$EPOCHREALTIME
total_bytes=$("$gen" "$MAILDIR/new" "$n" 1 "$senders")
chown -R 65534:65534 "$MAILDIR"
gen_s=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
mb=$(awk -v b="$total_bytes" 'BEGIN { printf "%.0f", b / 1e6 }')
say "generated $n messages, $mb MB, in $gen_s s"

# Adds messages FIRST .. FIRST+COUNT-1 to the server (tmp/ then rename, as a
# delivery agent would).
deliver() {
  local stage=$tmp/stage
  rm -rf "$stage"
  mkdir -p "$stage"
  "$gen" "$stage" "$2" "$1" "$senders" >/dev/null
  chown -R 65534:65534 "$stage"
  mv "$stage"/* "$MAILDIR/tmp/"
  (cd "$MAILDIR/tmp" && mv -- *.bench ../new/)
}

# --- the tools ---------------------------------------------------------------
export RSVP_IMAP_PASSWORD=$IMAP_PASSWORD XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
unset RSVP_CONFIG RSVP_DB
url=imap://127.0.0.1:$IMAP_PORT/INBOX
rsvp_sync() { "$rsvp" --db "$1" sync --url "$url" --user "$IMAP_USER" --ca-file "$CA_FILE"; }

# mbsyncrc FILE MAILDIR FSYNC: pull INBOX into MAILDIR/INBOX, never push.
# Host localhost (127.0.0.1 in /etc/hosts): mbsync matches the certificate's
# DNS names only, not its IP address.
mbsyncrc() {
  cat >"$1" <<EOF
FSync $3

IMAPAccount bench
Host localhost
Port $IMAP_PORT
User $IMAP_USER
Pass "$IMAP_PASSWORD"
SSLType STARTTLS
CertificateFile $CA_FILE

IMAPStore far
Account bench

MaildirStore near
Path $2/
Inbox $2/INBOX

Channel bench
Far :far:
Near :near:
Patterns INBOX
Sync Pull
Create Near
SyncState *
EOF
}
mbsyncrc "$tmp/mbsyncrc-yes" "$tmp/md-yes" yes
mbsyncrc "$tmp/mbsyncrc-no" "$tmp/md-no" no
mbsyncrc "$tmp/mbsyncrc-warm" "$tmp/md-warm" no # untimed: no need to wait for fsync
# The store's root must exist; mbsync creates INBOX in it (Create Near).
mkdir -p "$tmp/md-warm"
mbsync_yes() { mbsync -q -c "$tmp/mbsyncrc-yes" bench; }
mbsync_no() { mbsync -q -c "$tmp/mbsyncrc-no" bench; }
# mbsync sleeps 1 s when its Maildir's cur/ or new/ changed in the current
# second (isync's drv_maildir.c, "sleeping due to recent directory
# modification"). Runs minutes apart never hit that; back-to-back runs here
# would, so wait for the next second before timing a run on an existing Maildir.
settle() {
  local latest
  latest=$(stat -c %Y "$1/INBOX/cur" "$1/INBOX/new" 2>/dev/null | sort -n | tail -n 1) || true
  [[ -n $latest ]] || return 0
  while (($(date +%s) <= latest)); do sleep 0.05; done
}

# --- checks ------------------------------------------------------------------
warnings=()
warn() {
  warnings+=("$*")
  say ""
  say "!!!!!!!! WARNING: $*"
  say ""
}

log=$tmp/run.log
# run NAME COMMAND...: untimed, output to the log; warns with its tail on failure.
run() {
  local name=$1 rc=0
  shift
  : >"$log"
  "$@" >>"$log" 2>&1 || rc=$?
  if ((rc)); then
    warn "$name exited $rc: $*"
    sed 's/^/    /' "$log" | tail -n 15 >&2
  fi
}
# timed NAME COMMAND...: like run, after a `sync`; sets $elapsed (microseconds).
timed() {
  local name=$1 rc=0 t0 t1
  shift
  : >"$log"
  sync
  t0=$EPOCHREALTIME
  "$@" >>"$log" 2>&1 || rc=$?
  t1=$EPOCHREALTIME
  elapsed=$((${t1/./} - ${t0/./}))
  if ((rc)); then
    warn "$name exited $rc after $((elapsed / 1000)) ms: $*"
    sed 's/^/    /' "$log" | tail -n 15 >&2
  fi
}

# rsvp_count DB EXPECTED WHAT: rsvp must have recorded EXPECTED messages.
counts_ok=yes
rsvp_count() {
  local got
  got=$("$rsvp" --db "$1" headcount --format json 2>>"$log" | jq -r .messages) || got="(headcount failed)"
  [[ $got == "$2" ]] || counts_ok=NO
  [[ $got == "$2" ]] ||
    warn "rsvp recorded $got messages, expected $2 ($3): dedupe or parse problem? db: $1"
}
maildir_count() {
  local got
  got=$({ find "$1/INBOX/cur" "$1/INBOX/new" -type f 2>/dev/null || true; } | wc -l)
  [[ $got == "$2" ]] || warn "mbsync copied $got messages, expected $2 ($3)"
}
flags_ok=yes
no_seen() { # the server's flags must be untouched
  local seen
  seen=$("${doveadm[@]}" fetch -u "$IMAP_USER" flags mailbox INBOX all | grep -c 'Seen') || true
  [[ $seen == 0 ]] || flags_ok=NO
  [[ $seen == 0 ]] || warn "$seen messages are \\Seen on the server ($1)"
}

# --- warm-up -----------------------------------------------------------------
say "warm-up (untimed): mbsync, then rsvp"
run "mbsync (warm-up)" mbsync -q -c "$tmp/mbsyncrc-warm" bench
run "rsvp sync (warm-up)" rsvp_sync "$tmp/warm.db"
if ((${#warnings[@]})); then
  say "bench-sync.sh: a tool cannot sync at all; stopping"
  exit 1
fi
rsvp_count "$tmp/warm.db" "$n" "warm-up"
maildir_count "$tmp/md-warm" "$n" "warm-up"
no_seen "after warm-up"
rm -rf "$tmp/warm.db" "$tmp/warm.db-wal" "$tmp/warm.db-shm" "$tmp/md-warm"

declare -a full_rsvp full_yes full_no noop_rsvp noop_yes noop_no new_rsvp new_yes new_no
ms() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }

# --- full --------------------------------------------------------------------
for ((r = 1; r <= runs; r++)); do
  rm -f "$tmp"/full.db*
  timed "rsvp sync (full $r)" rsvp_sync "$tmp/full.db"
  full_rsvp+=("$elapsed")
  rsvp_count "$tmp/full.db" "$n" "full run $r"
  t_rsvp=$elapsed

  rm -rf "$tmp/md-yes"
  mkdir "$tmp/md-yes"
  timed "mbsync FSync yes (full $r)" mbsync_yes
  full_yes+=("$elapsed")
  maildir_count "$tmp/md-yes" "$n" "FSync yes, full run $r"
  t_yes=$elapsed

  rm -rf "$tmp/md-no"
  mkdir "$tmp/md-no"
  timed "mbsync FSync no (full $r)" mbsync_no
  full_no+=("$elapsed")
  maildir_count "$tmp/md-no" "$n" "FSync no, full run $r"
  say "full $r/$runs: rsvp $(ms "$t_rsvp") s, mbsync $(ms "$t_yes") s, mbsync FSync no $(ms "$elapsed") s"
done
no_seen "after the full runs"

# --- peak memory -------------------------------------------------------------
peak_kb() { sed -n 's/^\tMaximum resident set size (kbytes): //p' "$log"; }
rm -f "$tmp"/rss.db*
run "rsvp sync (peak RSS)" /usr/bin/time -v "$rsvp" --db "$tmp/rss.db" sync --url "$url" \
  --user "$IMAP_USER" --ca-file "$CA_FILE"
rss_rsvp=$(peak_kb)
rsvp_count "$tmp/rss.db" "$n" "peak RSS run"
rm -f "$tmp"/rss.db*
mbsyncrc "$tmp/mbsyncrc-rss" "$tmp/md-rss" no # FSync does not change its memory
mkdir "$tmp/md-rss"
run "mbsync (peak RSS)" /usr/bin/time -v mbsync -q -c "$tmp/mbsyncrc-rss" bench
rss_mbsync=$(peak_kb)
rm -rf "$tmp/md-rss"

# --- no-op -------------------------------------------------------------------
for ((r = 1; r <= runs; r++)); do
  timed "rsvp sync (no-op $r)" rsvp_sync "$tmp/full.db"
  noop_rsvp+=("$elapsed")
  t_rsvp=$elapsed
  settle "$tmp/md-yes"
  timed "mbsync FSync yes (no-op $r)" mbsync_yes
  noop_yes+=("$elapsed")
  t_yes=$elapsed
  settle "$tmp/md-no"
  timed "mbsync FSync no (no-op $r)" mbsync_no
  noop_no+=("$elapsed")
  say "no-op $r/$runs: rsvp $(ms "$t_rsvp") s, mbsync $(ms "$t_yes") s, mbsync FSync no $(ms "$elapsed") s"
done
rsvp_count "$tmp/full.db" "$n" "after the no-op runs"

# --- 100 new -----------------------------------------------------------------
# Every timed run gets its own fresh batch and is the first client to see it;
# the two other tools then catch up, untimed.
next=$((n + 1))
for ((r = 1; r <= runs; r++)); do
  line="100 new $r/$runs:"
  for tool in rsvp yes no; do
    deliver "$next" "$batch"
    next=$((next + batch))
    case $tool in
      rsvp)
        timed "rsvp sync (100 new $r)" rsvp_sync "$tmp/full.db"
        new_rsvp+=("$elapsed")
        line+=" rsvp $(ms "$elapsed") s,"
        run "mbsync FSync yes (catch-up)" mbsync_yes
        run "mbsync FSync no (catch-up)" mbsync_no
        ;;
      yes)
        settle "$tmp/md-yes"
        timed "mbsync FSync yes (100 new $r)" mbsync_yes
        new_yes+=("$elapsed")
        line+=" mbsync $(ms "$elapsed") s,"
        run "rsvp sync (catch-up)" rsvp_sync "$tmp/full.db"
        run "mbsync FSync no (catch-up)" mbsync_no
        ;;
      no)
        settle "$tmp/md-no"
        timed "mbsync FSync no (100 new $r)" mbsync_no
        new_no+=("$elapsed")
        line+=" mbsync FSync no $(ms "$elapsed") s"
        run "rsvp sync (catch-up)" rsvp_sync "$tmp/full.db"
        run "mbsync FSync yes (catch-up)" mbsync_yes
        ;;
    esac
  done
  say "$line"
done
final=$((next - 1))
rsvp_count "$tmp/full.db" "$final" "after the 100-new runs"
maildir_count "$tmp/md-yes" "$final" "FSync yes, after the 100-new runs"
maildir_count "$tmp/md-no" "$final" "FSync no, after the 100-new runs"
no_seen "at the end"
server_count=$("${doveadm[@]}" mailbox status -u "$IMAP_USER" -t messages INBOX | sed 's/messages=//')
[[ $server_count == "$final" ]] || warn "the server holds $server_count messages, expected $final"

# --- report ------------------------------------------------------------------
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rate() { awk -v c="$1" -v u="$2" 'BEGIN { printf "%.0f", c / (u / 1e6) }'; }
times() {
  local u out=''
  for u; do out+="$(ms "$u") "; done
  printf '%s' "${out% }"
}

report=$build/bench-sync.txt
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
{
  echo "rsvp sync vs mbsync: $n messages ($mb MB), $runs runs each, alternating -- $(date '+%Y-%m-%d %H:%M %Z')"
  echo "machine: ${cpu:-unknown cpu}, $(nproc) cores, Debian $(cat /etc/debian_version 2>/dev/null || echo '?'), Linux $(uname -r)"
  echo "versions: $("$rsvp" --version 2>&1 | head -n 1) (Release, $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src include 2>/dev/null || echo '+local changes')); $(mbsync --version 2>&1 | head -n 1); Dovecot $(dovecot --version 2>&1 | cut -d' ' -f1)"
  echo "server: Dovecot on 127.0.0.1, STARTTLS; mbsync: Sync Pull, fresh Maildir; rsvp: fresh database; sync(1) before each run"
  echo "load average (1/5/15 min): $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (other work on the machine makes times noisy)"
  echo
  printf '%-8s %-18s %9s %9s %11s   %s\n' case tool median msg/s "rsvp/this" "every run (s)"
  row() { # case tool count median-of-rsvp times...
    local c=$1 t=$2 count=$3 m_rsvp=$4 m
    shift 4
    m=$(median "$@")
    local per_s=-
    if [[ $count != - ]]; then per_s=$(rate "$count" "$m"); fi
    printf '%-8s %-18s %9s %9s %11s   %s\n' "$c" "$t" "$(ms "$m")" "$per_s" "$(ratio "$m_rsvp" "$m")" "$(times "$@")"
  }
  m=$(median "${full_rsvp[@]}")
  row full rsvp "$n" "$m" "${full_rsvp[@]}"
  row full "mbsync FSync yes" "$n" "$m" "${full_yes[@]}"
  row full "mbsync FSync no" "$n" "$m" "${full_no[@]}"
  m=$(median "${noop_rsvp[@]}")
  row no-op rsvp - "$m" "${noop_rsvp[@]}"
  row no-op "mbsync FSync yes" - "$m" "${noop_yes[@]}"
  row no-op "mbsync FSync no" - "$m" "${noop_no[@]}"
  m=$(median "${new_rsvp[@]}")
  row "100 new" rsvp "$batch" "$m" "${new_rsvp[@]}"
  row "100 new" "mbsync FSync yes" "$batch" "$m" "${new_yes[@]}"
  row "100 new" "mbsync FSync no" "$batch" "$m" "${new_no[@]}"
  echo
  echo "ratios of medians (target <= 1.00):"
  declare -A label=([full]=full [noop]=no-op [new]="100 new")
  for c in full noop new; do
    declare -n a=${c}_rsvp y=${c}_yes o=${c}_no
    m=$(median "${a[@]}")
    printf '  %-8s rsvp / mbsync FSync yes = %s   rsvp / mbsync FSync no = %s\n' \
      "${label[$c]}" \
      "$(ratio "$m" "$(median "${y[@]}")")" "$(ratio "$m" "$(median "${o[@]}")")"
    unset -n a y o
  done
  echo
  printf 'peak RSS, one full sync: rsvp %s MB, mbsync %s MB (target for rsvp: < 64 MB)\n' \
    "$(awk -v k="${rss_rsvp:-0}" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$(awk -v k="${rss_mbsync:-0}" 'BEGIN { printf "%.1f", k / 1024 }')"
  echo "rsvp recorded $n distinct messages after each full sync, $final after the 100-new runs: $counts_ok"
  echo "server flags untouched (no message \\Seen after the mbsync runs): $flags_ok"
  if ((${#warnings[@]})); then
    echo
    echo "!!!!!!!! ${#warnings[@]} WARNING(S):"
    printf '  - %s\n' "${warnings[@]}"
  fi
} >"$report"
echo
cat "$report"
echo "(written to $report)"
((${#warnings[@]} == 0))
