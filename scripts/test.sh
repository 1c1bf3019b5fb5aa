#!/usr/bin/env bash
# Runs every test: builds once, starts what the tests need (a throwaway PostgreSQL cluster), runs the test
# projects against the build, and ends with one line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

bash scripts/install-test-deps.sh || { echo "Installing the test dependencies failed."; echo "0 passed, 1 failed"; exit 1; }

echo "== build"
dotnet build SalesPerf.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

cluster=$(mktemp -d /tmp/salesperf-pg.XXXXXX)
trap 'bash scripts/postgres-test-cluster.sh stop "$cluster"' EXIT
echo "== PostgreSQL test cluster"
if ! SALESPERF_TEST_POSTGRES=$(bash scripts/postgres-test-cluster.sh start "$cluster"); then
  echo "Could not start the PostgreSQL test cluster (see above); the PostgreSQL provider tests cannot run."
  echo "0 passed, 1 failed"; exit 1
fi
export SALESPERF_TEST_POSTGRES

# Hundreds of test hosts: file watchers poll instead of holding one of the user's 128 inotify instances each.
export DOTNET_USE_POLLING_FILE_WATCHER=true

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
if [ "$passed" -eq 0 ]; then echo "No test ran."; status=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
