#!/usr/bin/env bash
# Release build of oobwizard; publish.ps1 runs the same steps in PowerShell. For each runtime
# identifier (default: this machine's; linux-x64, win-x64, osx-arm64):
#   artifacts/publish/RID/                 the Native AOT executable (content and help built in)
#   artifacts/dist/oobwizard-VER-RID.tar.gz  (zip for win-x64): a folder oobwizard-VER-RID/ with the
#                                          executable, any native library beside it, and SHA256SUMS
#   artifacts/dist/SHA256SUMS              the SHA-256 of every archive in artifacts/dist
# With --tool also the .NET tool packages in artifacts/nupkg: the pointer package, the Native AOT
# package for each RID, and the framework-dependent `any` package for every other machine.
# Native AOT compiles for the OS it runs on: publish win-x64 on Windows, osx-arm64 on macOS
# (Linux needs clang and zlib1g-dev). Usage: ./publish.sh [--tool] [RID...]
set -euo pipefail
cd "$(dirname "$0")"
project=src/OobWizard.Cli
tool=0
rids=()
for a in "$@"; do
  case "$a" in
    --tool) tool=1 ;;
    linux-x64|win-x64|osx-arm64) rids+=("$a") ;;
    *) echo "publish.sh: unknown argument '$a' (RIDs: linux-x64 win-x64 osx-arm64; --tool)" >&2; exit 2 ;;
  esac
done

host_rid() {
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) echo linux-x64 ;;
    Darwin-arm64) echo osx-arm64 ;;
    MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) echo win-x64 ;;
    *) echo "unsupported" ;;
  esac
}
here="$(host_rid)"
[ "${#rids[@]}" -gt 0 ] || rids=("$here")
for rid in "${rids[@]}"; do
  if [ "$rid" != "$here" ]; then
    echo "publish.sh: $rid is Native AOT and compiles only on its own OS (this machine is $here): publish it there" >&2
    exit 2
  fi
done

sha256() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
version="$(dotnet msbuild "$project" -getProperty:Version)"
mkdir -p artifacts/dist
for rid in "${rids[@]}"; do
  pub="artifacts/publish/$rid"
  rm -rf "$pub"
  dotnet publish "$project" -c Release -r "$rid" -o "$pub"
  name="oobwizard-$version-$rid"
  stage="artifacts/stage/$name"
  rm -rf "$stage" && mkdir -p "$stage"
  # The executable and any native library published beside it; not the debug symbols.
  find "$pub" -maxdepth 1 -type f ! -name '*.dbg' ! -name '*.pdb' ! -name '*.dSYM' -exec cp {} "$stage/" \;
  (cd "$stage" && sha256 $(ls | grep -v '^SHA256SUMS$') > SHA256SUMS)
  rm -f "artifacts/dist/$name.tar.gz" "artifacts/dist/$name.zip"
  if [ "$rid" = win-x64 ]; then
    (cd artifacts/stage && zip -qr "../dist/$name.zip" "$name")
  else
    tar -C artifacts/stage -czf "artifacts/dist/$name.tar.gz" "$name"
  fi
  echo "publish.sh: $rid -> $(ls artifacts/dist/$name.*)"
done
(cd artifacts/dist && sha256 $(ls oobwizard-*.tar.gz oobwizard-*.zip 2>/dev/null) > SHA256SUMS)

if [ "$tool" = 1 ]; then
  rm -rf artifacts/nupkg
  # The pointer package names the RIDs built here, plus `any`.
  dotnet pack "$project" -c Release -o artifacts/nupkg "-p:ToolPackageRuntimeIdentifiers=\"$(IFS=';'; echo "${rids[*]}");any\""
  for rid in "${rids[@]}"; do
    dotnet pack "$project" -c Release -r "$rid" -o artifacts/nupkg
  done
  dotnet pack "$project" -c Release -r any -p:PublishAot=false -o artifacts/nupkg
  echo "publish.sh: tool packages in artifacts/nupkg: $(cd artifacts/nupkg && echo *.nupkg)"
fi
