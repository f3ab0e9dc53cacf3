#!/usr/bin/env bash
# The Lotse bench (bench/README.md).
#
#   bench/run.sh generate --scale city --db sqlite      # fresh database with generated data
#   bench/run.sh run --scale city --db sqlite           # Lotse vs. floor, results in bench/results/
#   bench/run.sh run --scale city --db postgres --concurrency 32 --scenarios case-page,my-day
#   bench/run.sh pg-stop                                # stops the bench's PostgreSQL cluster
#
# Builds Lotse.Bench and publishes Lotse in Release to bench/out/ first. For --db postgres it
# starts (once, kept between calls) a PostgreSQL cluster in bench/data/pg on 127.0.0.1:55450,
# installing Debian's postgresql when it is missing. Pass --no-build to skip the builds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
pg_port=${LOTSE_BENCH_PG_PORT:-55450}
pg_dir="$root/bench/data/pg"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_postgres() {
  if [ -z "$(pg_bin)" ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
  fi
  local bin; bin=$(pg_bin)
  if [ ! -f "$pg_dir/PG_VERSION" ]; then
    mkdir -p "$pg_dir"; chmod 700 "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$pg_dir" "$root/bench/data"
    as_pg "$bin/initdb" -D "$pg_dir" --auth=trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
    # Sized for this 2-core, 24 GiB machine; durability settings stay at their defaults.
    as_pg "$bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w start \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB -c maintenance_work_mem=1GB -c max_wal_size=8GB" >/dev/null
  fi
  export LOTSE_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=200"
}

command=${1:-}
if [ "$command" = "pg-stop" ]; then
  as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir" -m fast -w stop
  exit 0
fi

build=true
args=()
for a in "$@"; do if [ "$a" = "--no-build" ]; then build=false; else args+=("$a"); fi; done
mkdir -p "$root/bench/data"
if [[ " ${args[*]} " == *" --db postgres "* ]]; then start_postgres; fi
if $build; then
  dotnet build bench/Lotse.Bench -c Release -v q -nologo -o bench/out/bench >/dev/null
  if [ "$command" = "run" ]; then
    dotnet publish src/Lotse -c Release -v q -nologo -o bench/out/lotse >/dev/null
  fi
fi
exec dotnet bench/out/bench/Lotse.Bench.dll "${args[@]}"
