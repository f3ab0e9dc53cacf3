#!/usr/bin/env bash
# The one test command of Lotse.
#
#   ./test.sh
#
# Installs what is missing (Debian's Chromium, PostgreSQL, LibreOffice Calc and reuse, npm's Redocly CLI), starts a throwaway PostgreSQL
# cluster on a loopback port, checks formatting, runs the unit and integration tests on SQLite
# and on PostgreSQL and the browser tests on SQLite, stops what it started, and ends with the
# line "N passed, N failed, N skipped". With CI=true a PostgreSQL that cannot be started fails
# the run; elsewhere the PostgreSQL pass is skipped with a warning.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
out="$root/artifacts/test"
rm -rf "$out" && mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LOTSE_SCREENSHOTS="$out/screenshots"

passed=0 failed=0 skipped=0
failures=()
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what the suite needs from Debian -------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
# Arabic, Persian, Cyrillic and Bulgarian glyphs for the bilingual consent forms.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
# LibreOffice opens the XLSX export in a test (issue 6).
[ -x /usr/bin/soffice ] || missing+=(libreoffice-calc-nogui)
# The licence of every file (REUSE 3.0, ADR 018).
[ -x /usr/bin/reuse ] || missing+=(reuse)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing from Debian: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$out/apt.log" 2>&1 \
    || { echo "apt-get install failed, see $out/apt.log"; tail -20 "$out/apt.log"; }
fi

# --- a throwaway PostgreSQL cluster -----------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir="" pg_options=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap stop_postgres EXIT

start_postgres() {
  [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed"; return 1; }
  pg_dir=$(mktemp -d /tmp/lotse-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
  local port
  for port in $(seq 55432 55499); do
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || break
  done
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres >"$out/initdb.log" 2>&1 || { cat "$out/initdb.log"; return 1; }
  pg_options="-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -o "$pg_options" -w start >/dev/null \
    || { cat "$pg_dir/server.log"; return 1; }
  export LOTSE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
  echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# --- counting -------------------------------------------------------------------------------
count_check() { # name, exit code
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

run_tests() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  local log="$out/$name.log"
  echo "== $name"
  env "$@" dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$out" >"$log" 2>&1
  local code=$?
  local summary
  summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "   no test summary (exit $code); last lines:"; tail -n 30 "$log"
    failed=$((failed + 1)); failures+=("$name: did not run")
    return
  fi
  echo "   $summary"
  local f p s
  f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$f" -gt 0 ]; then
    failures+=("$name: $f failed")
    grep -E '^\s+Failed ' "$log" | head -n 20
  fi
}

# --- the run --------------------------------------------------------------------------------
echo "== restore and build"
dotnet tool restore >"$out/tools.log" 2>&1
if ! dotnet build Lotse.slnx >"$out/build.log" 2>&1; then
  grep -E 'error' "$out/build.log" | sort -u | head -n 30
  count_check "build" 1
  echo "$passed passed, $failed failed, $skipped skipped"
  exit 1
fi

echo "== format check"
dotnet format Lotse.slnx --verify-no-changes --no-restore >"$out/format.log" 2>&1
format_code=$?
[ $format_code -eq 0 ] || { echo "   dotnet format found changes:"; head -n 20 "$out/format.log"; }
count_check "format" $format_code

echo "== licences (reuse lint)"
reuse lint >"$out/reuse.log" 2>&1
reuse_code=$?
[ $reuse_code -eq 0 ] || { echo "   a file has no licence or copyright:"; grep -A20 -E "^# (MISSING|BAD|UNUSED)" "$out/reuse.log" | head -n 30; }
count_check "licences" $reuse_code

echo "== software bill of materials (CycloneDX)"
# What the application ships, from what restore resolved: artifacts/sbom/lotse.cdx.json (THIRD-PARTY-NOTICES.md is checked against the same closure).
mkdir -p artifacts/sbom
dotnet dotnet-CycloneDX src/Lotse/Lotse.csproj -o artifacts/sbom -fn lotse.cdx.json -F Json -sn Lotse -sv "$(sed -n 's/^softwareVersion: "\(.*\)"/\1/p' publiccode.yml)" \
  -dpr >"$out/sbom.log" 2>&1 && grep -q '"purl": "pkg:nuget/' artifacts/sbom/lotse.cdx.json
sbom_code=$?
[ $sbom_code -eq 0 ] || { echo "   the SBOM could not be written:"; tail -n 20 "$out/sbom.log"; }
count_check "sbom" $sbom_code

run_tests "sqlite" tests/Lotse.Tests/Lotse.Tests.csproj LOTSE_TEST_PROVIDER=Sqlite

echo "== OpenAPI documents (Redocly CLI, recommended rules)"
# OpenApiDocumentTests wrote both documents to artifacts/openapi/; any error fails, warnings are listed in the log.
redocly=artifacts/tools/node_modules/.bin/redocly
[ -x "$redocly" ] || npm install --prefix artifacts/tools --no-audit --no-fund --loglevel=error @redocly/cli@2.77.0 >"$out/redocly-install.log" 2>&1
lint_code=0
for doc in v1 hsds; do
  if [ ! -s "artifacts/openapi/$doc.json" ]; then
    echo "   artifacts/openapi/$doc.json was not written"; lint_code=1; continue
  fi
  "$redocly" lint "artifacts/openapi/$doc.json" --format=summary >"$out/openapi-$doc.log" 2>&1 || { lint_code=1; echo "   $doc:"; grep -E "^(error|warning) " "$out/openapi-$doc.log" | head -n 20; }
done
count_check "openapi lint" $lint_code

if start_postgres; then
  run_tests "postgres" tests/Lotse.Tests/Lotse.Tests.csproj LOTSE_TEST_PROVIDER=Postgres
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL could not be started; CI requires it."
  count_check "postgres: could not start" 1
else
  echo "WARNING: PostgreSQL could not be started; the PostgreSQL pass is skipped."
fi

run_tests "browser" tests/Lotse.BrowserTests/Lotse.BrowserTests.csproj LOTSE_TEST_PROVIDER=Sqlite

# --- the bench at a tiny scale: every scenario answers without error (a smoke test, not timed) --
bench_smoke() { # db, extra args...
  local db=$1; shift
  local log="$out/bench-$db.log"
  echo "== bench smoke ($db)"
  local bench="dotnet bench/Lotse.Bench/bin/Debug/net10.0/Lotse.Bench.dll"
  if $bench generate --scale tiny --db "$db" "$@" >"$log" 2>&1 \
    && $bench run --scale tiny --db "$db" "$@" --smoke --seconds 1 --concurrency 1,8 --lotse src/Lotse/bin/Debug/net10.0/Lotse.dll >>"$log" 2>&1; then
    echo "   $(tail -n 1 "$log")"
    count_check "bench smoke $db" 0
  else
    tail -n 30 "$log"
    count_check "bench smoke $db" 1
  fi
}
bench_smoke sqlite
if [ -n "${LOTSE_TEST_POSTGRES:-}" ]; then bench_smoke postgres --postgres "$LOTSE_TEST_POSTGRES"; fi

# --- the reliability run (issue 22): kill -9 under 32-way writes, on PostgreSQL also restarts and
# a 15 s outage; 0 acknowledged writes lost or doubled, 0 answers 500, audit chain intact ----------
fault_run() { # db, extra args...
  local db=$1; shift
  local log="$out/fault-$db.log"
  echo "== fault run ($db)"
  if dotnet bench/Lotse.Bench/bin/Debug/net10.0/Lotse.Bench.dll fault --scale tiny --db "$db" "$@" --lotse src/Lotse/bin/Debug/net10.0/Lotse.dll >"$log" 2>&1; then
    grep -E '^  (kill|restarted|PostgreSQL|retried|[0-9]+ acknowledged|answers)' "$log" | sed 's/^/ /'
    echo "   $(tail -n 1 "$log")"
    count_check "fault run $db" 0
  else
    grep -v '^  server' "$log" | tail -n 30
    count_check "fault run $db" 1
  fi
}
fault_run sqlite
if [ -n "${LOTSE_TEST_POSTGRES:-}" ]; then
  fault_run postgres --postgres "$LOTSE_TEST_POSTGRES" --pg-data "$pg_dir/data" --pg-options "$pg_options"
fi

if [ ${#failures[@]} -gt 0 ]; then
  echo "Failures:"; printf '  - %s\n' "${failures[@]}"
fi
echo "Logs: $out"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
