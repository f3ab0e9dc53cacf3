#!/usr/bin/env bash
# Adds a migration to both providers and folds EF's designer files into the migrations (ADR 014).
#
#   scripts/add-migration.sh <Name>       e.g. scripts/add-migration.sh LegalPathways
#   scripts/add-migration.sh --fold       folds the designer files that are there, adds nothing
#
# A designer file repeats the whole model (about 2,700 lines per migration and provider). EF needs
# it only for `migrations remove` and, on SQLite, for operations that rebuild a table (AlterColumn,
# DropColumn, RenameIndex, foreign and primary keys, unique and check constraints added or dropped): those keep
# theirs. The model snapshot stays; it is what the next `migrations add` compares against.
# Without the designers `Down` cannot run on SQLite where it rebuilds a table: Lotse is taken back
# by restoring a backup, never by migrating down.
# To take back a migration not yet committed: delete its file and `git checkout` the snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
migrations=src/Lotse/Data/Migrations

if [ "${1:-}" != "--fold" ]; then
  name=${1:?usage: scripts/add-migration.sh <Name>}
  dotnet tool restore >/dev/null
  dotnet ef migrations add "$name" --project src/Lotse --context SqliteLotseDbContext --output-dir Data/Migrations/Sqlite
  dotnet ef migrations add "$name" --project src/Lotse --context PostgresLotseDbContext --output-dir Data/Migrations/Postgres
fi

rebuilds='\.(AlterColumn|DropColumn|RenameIndex|AddForeignKey|DropForeignKey|AddPrimaryKey|DropPrimaryKey|AddUniqueConstraint|DropUniqueConstraint|AddCheckConstraint|DropCheckConstraint)\b'
for designer in "$migrations"/*/*.Designer.cs; do
  [ -e "$designer" ] || continue
  migration=${designer%.Designer.cs}.cs
  if [[ $designer == */Sqlite/* ]] && sed -n '/void Up(/,/void Down(/p' "$migration" | grep -Eq "$rebuilds"; then
    echo "kept (SQLite rebuilds a table with its model): $designer"
    continue
  fi
  attributes=$(grep -E '^\s*\[(DbContext|Migration)\(' "$designer")
  [ "$(wc -l <<<"$attributes")" -eq 2 ] || { echo "no [DbContext]/[Migration] pair in $designer" >&2; exit 1; }
  class=$(grep -Eo 'partial class [A-Za-z0-9_]+' "$designer" | head -n 1 | awk '{print $3}')
  tmp=$(mktemp)
  awk -v attributes="$attributes" -v class="$class" '
    !usings && /^(\xef\xbb\xbf)?using / { print; print "using Lotse.Data;"; print "using Microsoft.EntityFrameworkCore.Infrastructure;"; usings = 1; next }
    $0 ~ "public partial class " class " : Migration" { print attributes }
    { print }
  ' "$migration" >"$tmp"
  mv "$tmp" "$migration"
  rm "$designer"
  echo "folded: $migration"
done
