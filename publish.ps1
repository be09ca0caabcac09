# Publishes oobwizard as a self-contained single file with ReadyToRun.
# A thin wrapper: everything it does is `dotnet publish` with the settings in
# src/OobWizard.Cli/OobWizard.Cli.csproj, so on a machine without PowerShell run the same line:
#   dotnet publish src/OobWizard.Cli -c Release -r linux-x64 -o artifacts/publish/linux-x64
# (.ci/run does exactly that and smoke-tests the result.)
param(
    [string]$Runtime = "linux-x64",
    [string]$Output = "artifacts/publish/$Runtime"
)
$ErrorActionPreference = "Stop"
dotnet publish "$PSScriptRoot/src/OobWizard.Cli" -c Release -r $Runtime -o $Output
exit $LASTEXITCODE
