# Publishes oobwizard as one Native AOT executable (plus its content folder) for a runtime identifier:
# linux-x64 (CI), win-x64 or osx-arm64. Native AOT compiles for the machine it runs on, so publish each
# on its own OS: Linux needs clang and zlib1g-dev, Windows the "Desktop development with C++" build
# tools, macOS the Xcode command line tools. A thin wrapper: everything it does is `dotnet publish` with
# the settings in src/OobWizard.Cli/OobWizard.Cli.csproj, so without PowerShell run the same line:
#   dotnet publish src/OobWizard.Cli -c Release -r linux-x64 -o artifacts/publish/linux-x64
# (.ci/run does exactly that and smoke-tests the result with .ci/smoke-published.)
param(
    [string]$Runtime = "linux-x64",
    [string]$Output = "artifacts/publish/$Runtime"
)
$ErrorActionPreference = "Stop"
dotnet publish "$PSScriptRoot/src/OobWizard.Cli" -c Release -r $Runtime -o $Output
exit $LASTEXITCODE
