#!/usr/bin/env bash
# Makes the standalone programs of avrr (docs/install.md): one self-contained file per platform that runs
# without .NET installed, zipped with the sample export and the install guide.
#
#   bash scripts/publish.sh                      # win-x64, linux-x64 and osx-arm64
#   bash scripts/publish.sh linux-x64            # only some
#
# Needs the .NET SDK, and the first time NuGet (the runtime packs of each platform). Writes
# dist/avrr-VERSION-RID/ (the program, rss-sample.csv, INSTALL.md) and dist/avrr-VERSION-RID.zip.
# On Windows without bash, the same in PowerShell, for each platform:
#   dotnet publish src/Avrr.Analytics.Cli -p:PublishProfile=win-x64 -o dist/avrr-win-x64
#   Compress-Archive dist/avrr-win-x64/* dist/avrr-win-x64.zip
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -eq 0 ] && rids=(win-x64 linux-x64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
mkdir -p dist
for rid in "${rids[@]}"; do
  profile="src/Avrr.Analytics.Cli/Properties/PublishProfiles/$rid.pubxml"
  [ -f "$profile" ] || { echo "no publish profile for $rid (there are: $(ls src/Avrr.Analytics.Cli/Properties/PublishProfiles | sed -n 's/\.pubxml$//p' | tr '\n' ' '))" >&2; exit 2; }
  out="dist/avrr-$version-$rid"
  rm -rf "$out" "$out.zip"
  echo "publishing $rid into $out"
  dotnet publish src/Avrr.Analytics.Cli -p:PublishProfile="$rid" -o "$out" -nologo -v quiet
  cp data-samples/rss-sample.csv "$out/"
  cp docs/install.md "$out/INSTALL.md"
  program="$out/avrr"; [ "$rid" = "${rid#win-}" ] || program="$out/avrr.exe"
  [ -f "$program" ] || { echo "the publish of $rid made no $program" >&2; exit 1; }
  # One file besides the sample, the guide and the report fonts' licence (which must travel with them):
  # anything else would be left behind by an unzip-and-run.
  extra=$(ls "$out" | grep -v -x -e avrr -e avrr.exe -e rss-sample.csv -e INSTALL.md -e LICENSE-DejaVu.txt || true)
  [ -z "$extra" ] || { echo "the publish of $rid left other files: $extra" >&2; exit 1; }
  (cd dist && if command -v zip >/dev/null 2>&1; then zip -q -r "avrr-$version-$rid.zip" "avrr-$version-$rid"; \
    else python3 -m zipfile -c "avrr-$version-$rid.zip" "avrr-$version-$rid"; fi)
  echo "  $(du -h "$program" | cut -f1) $program; $(du -h "$out.zip" | cut -f1) $out.zip"
done
