#!/usr/bin/env bash
# CI's check of the standalone program (docs/install.md): publish it for linux-x64 with scripts/publish.sh,
# then run the sample with it on a PATH without dotnet, with no DOTNET_ROOT and a fresh HOME (where the
# native parts are unpacked), as a user who never installed .NET would. It must exit 0, write the result's
# files, and give the same tables as the engine built by the SDK (the Debug build `dotnet test` made).
# Prints "standalone: ok" or "standalone: FAILED (why)" and exits 0 or 1.
set -uo pipefail
cd "$(dirname "$0")/.."
fail() { echo "standalone: FAILED ($1)"; exit 1; }
bash scripts/publish.sh linux-x64 >/tmp/avrr-publish.log 2>&1 || { cat /tmp/avrr-publish.log; fail "scripts/publish.sh linux-x64"; }
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
program="$PWD/dist/avrr-$version-linux-x64/avrr"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "dist/avrr-$version-linux-x64/rss-sample.csv" "$work/"
mkdir -p "$work/home" "$work/bin"
# The PATH holds nothing but an empty folder: no dotnet, no shell tools; the program must need none.
if env -i HOME="$work/home" PATH="$work/bin" sh -c 'command -v dotnet' >/dev/null 2>&1; then fail "dotnet is still on the test's PATH"; fi
(cd "$work" && env -i HOME="$work/home" PATH="$work/bin" LANG=C.UTF-8 "$program" run rss-sample.csv --out results --quiet >"$work/out.txt" 2>&1)
status=$?
[ "$status" -eq 0 ] || { cat "$work/out.txt"; fail "the program exited with $status"; }
for file in report.html results.xlsx manifest.json aggregates.csv comparisons.csv returnee_scores.parquet insights/risk.csv; do
  [ -s "$work/results/$file" ] || fail "no $file in the result"
done
grep -q '2,970 scored' "$work/out.txt" || { cat "$work/out.txt"; fail "the summary does not say 2,970 scored"; }
# The same tables as the SDK's build of the same source (when it is there: dotnet test builds it).
sdk_build=src/Avrr.Analytics.Cli/bin/Debug/net10.0/Avrr.Analytics.Cli.dll
if [ -f "$sdk_build" ] && command -v dotnet >/dev/null 2>&1; then
  (cd "$work" && dotnet "$OLDPWD/$sdk_build" run rss-sample.csv --out sdk --quiet >/dev/null 2>&1) || fail "the SDK build did not run the sample"
  for table in aggregates.csv comparisons.csv panel_change.csv rejects.csv; do
    cmp -s "$work/results/$table" "$work/sdk/$table" || fail "$table differs from the SDK build's"
  done
fi
echo "standalone: ok ($(du -h "$program" | cut -f1) program; the sample run without dotnet on the PATH, its tables equal to the SDK build's)"
