# Release build of oobwizard: the same steps as publish.sh (read it for the layout), in PowerShell.
# For each runtime identifier (default: this machine's; linux-x64, win-x64, osx-arm64): the Native AOT
# executable in artifacts/publish/RID, an archive artifacts/dist/oobwizard-VER-RID.zip (win-x64) or
# .tar.gz with the executable and its SHA256SUMS, and artifacts/dist/SHA256SUMS over the archives;
# with -Tool also the .NET tool packages in artifacts/nupkg. Native AOT compiles for the OS it runs
# on: win-x64 on Windows ("Desktop development with C++" build tools), osx-arm64 on macOS (Xcode
# command line tools), linux-x64 on Linux (clang, zlib1g-dev).
#   ./publish.ps1                      # this machine's RID
#   ./publish.ps1 -Runtime win-x64 -Tool
param(
    [string[]]$Runtime = @(),
    [switch]$Tool
)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$project = "src/OobWizard.Cli"

$arch = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
$here = if ($IsWindows -or $env:OS -eq "Windows_NT") { "win-x64" } elseif ($IsMacOS -and $arch -eq "Arm64") { "osx-arm64" } elseif ($IsLinux -and $arch -eq "X64") { "linux-x64" } else { "unsupported" }
if ($Runtime.Count -eq 0) { $Runtime = @($here) }
foreach ($rid in $Runtime) {
    if ($rid -notin @("linux-x64", "win-x64", "osx-arm64")) { Write-Error "publish.ps1: unknown runtime '$rid' (linux-x64, win-x64, osx-arm64)"; exit 2 }
    if ($rid -ne $here) { Write-Error "publish.ps1: $rid is Native AOT and compiles only on its own OS (this machine is $here): publish it there"; exit 2 }
}

function Write-Sums([string]$dir, [string[]]$names) {
    $lines = foreach ($n in $names) { "{0}  {1}" -f (Get-FileHash -Algorithm SHA256 (Join-Path $dir $n)).Hash.ToLowerInvariant(), $n }
    [System.IO.File]::WriteAllText((Join-Path $dir "SHA256SUMS"), (($lines -join "`n") + "`n"))
}

$version = (dotnet msbuild $project -getProperty:Version).Trim()
New-Item -ItemType Directory -Force artifacts/dist | Out-Null
foreach ($rid in $Runtime) {
    $pub = "artifacts/publish/$rid"
    if (Test-Path $pub) { Remove-Item -Recurse -Force $pub }
    dotnet publish $project -c Release -r $rid -o $pub
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    $name = "oobwizard-$version-$rid"
    $stage = "artifacts/stage/$name"
    if (Test-Path $stage) { Remove-Item -Recurse -Force $stage }
    New-Item -ItemType Directory -Force $stage | Out-Null
    Get-ChildItem -File $pub | Where-Object { $_.Extension -notin @(".dbg", ".pdb") } | Copy-Item -Destination $stage
    Write-Sums $stage @(Get-ChildItem -File $stage | Where-Object Name -ne "SHA256SUMS" | ForEach-Object Name | Sort-Object)
    Remove-Item -Force -ErrorAction SilentlyContinue "artifacts/dist/$name.zip", "artifacts/dist/$name.tar.gz"
    if ($rid -eq "win-x64") {
        Compress-Archive -Path $stage -DestinationPath "artifacts/dist/$name.zip"
    } else {
        tar -C artifacts/stage -czf "artifacts/dist/$name.tar.gz" $name
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
}
Write-Sums "artifacts/dist" @(Get-ChildItem -File -Path "artifacts/dist/*" -Include "oobwizard-*.tar.gz", "oobwizard-*.zip" | ForEach-Object Name | Sort-Object)

if ($Tool) {
    if (Test-Path artifacts/nupkg) { Remove-Item -Recurse -Force artifacts/nupkg }
    $rids = ($Runtime + "any") -join ";"
    dotnet pack $project -c Release -o artifacts/nupkg "-p:ToolPackageRuntimeIdentifiers=`"$rids`""
    foreach ($rid in $Runtime) { dotnet pack $project -c Release -r $rid -o artifacts/nupkg }
    dotnet pack $project -c Release -r any -p:PublishAot=false -o artifacts/nupkg
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
exit 0
