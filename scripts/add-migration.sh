#!/usr/bin/env bash
# Adds an EF Core migration to one module and keeps it a module internal.
# Usage: scripts/add-migration.sh <Module> <MigrationName>     e.g. scripts/add-migration.sh Members AddSpecialtyIndex
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1 name=$2
project=src/Modules/$module
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" -p "$project" -s "$project" -o Persistence/Migrations
# EF generates public migrations; the architecture tests allow a module no public types beyond its contracts.
sed -i -E 's/^(\s*)public partial class /\1internal sealed partial class /; s/^(\s*)partial class (\w+ModelSnapshot)/\1internal sealed partial class \2/' "$project"/Persistence/Migrations/*.cs
rm -f "$project"/design-time.db*
