# Tollgate bootstrapper for Windows, compatible with NUKE's conventions (see build.sh for the same steps on Unix).
[CmdletBinding()]
Param(
    [Parameter(Position = 0, Mandatory = $false, ValueFromRemainingArguments = $true)]
    [string[]]$BuildArguments
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 2.0

$Root = $PSScriptRoot
$BuildProject = Join-Path $Root "build/_build.csproj"
$BuildAssembly = Join-Path $Root "build/bin/Debug/net10.0/_build.dll"
$TempDirectory = Join-Path $Root ".nuke/temp"
$Stamp = Join-Path $TempDirectory "build.stamp"

$env:DOTNET_CLI_TELEMETRY_OPTOUT = 1
$env:DOTNET_NOLOGO = 1
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = 1
$env:DOTNET_MULTILEVEL_LOOKUP = 0

function Find-Dotnet {
    $candidates = @()
    $onPath = Get-Command "dotnet" -ErrorAction SilentlyContinue
    if ($null -ne $onPath) { $candidates += $onPath.Source }
    $candidates += (Join-Path $TempDirectory "dotnet/dotnet.exe")
    foreach ($candidate in $candidates) {
        if (Test-Path $candidate) {
            Push-Location $Root
            try {
                & $candidate --version *> $null
                if ($LASTEXITCODE -eq 0) { return $candidate }
            } finally { Pop-Location }
        }
    }

    $version = (Get-Content (Join-Path $Root "global.json") | ConvertFrom-Json).sdk.version
    Write-Host "build.ps1: no .NET SDK satisfying global.json ($version) was found; installing it into .nuke/temp/dotnet"
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    $installer = Join-Path $TempDirectory "dotnet-install.ps1"
    try {
        [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
        (New-Object System.Net.WebClient).DownloadFile("https://dot.net/v1/dotnet-install.ps1", $installer)
    } catch {
        throw "build.ps1: could not download dotnet-install.ps1 (is the network reachable?). Install the .NET SDK $version yourself and put dotnet on PATH, then run .\build.ps1 again."
    }
    & powershell -NoProfile -ExecutionPolicy ByPass -File $installer -Version $version -InstallDir (Join-Path $TempDirectory "dotnet") -NoPath
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: dotnet-install.ps1 could not install the .NET SDK $version." }
    return (Join-Path $TempDirectory "dotnet/dotnet.exe")
}

function Test-BuildStale {
    if (-not (Test-Path $BuildAssembly) -or -not (Test-Path $Stamp)) { return $true }
    $stampTime = (Get-Item $Stamp).LastWriteTimeUtc
    $inputs = @(Get-ChildItem -Path (Join-Path $Root "build") -Recurse -File) +
        @(Get-ChildItem -Path (Join-Path $Root "src") -Directory -Filter "Tollgate*" | ForEach-Object { Get-ChildItem $_.FullName -Recurse -File }) +
        @(Get-ChildItem -Path $Root -File -Filter "Directory.*.props") +
        @(Get-Item (Join-Path $Root "global.json"))
    foreach ($file in $inputs) {
        if ($file.FullName -match '[\\/](bin|obj)[\\/]') { continue }
        if ($file.LastWriteTimeUtc -gt $stampTime) { return $true }
    }
    return $false
}

$Dotnet = Find-Dotnet
if (Test-BuildStale) {
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    $started = Get-Date
    # -c Debug: a CONFIGURATION environment variable (read by MSBuild as a property) must not move the output away from $BuildAssembly.
    & $Dotnet build $BuildProject -c Debug -nologo -clp:NoSummary -verbosity:quiet
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: compiling the build project failed (see the errors above)." }
    New-Item -ItemType File -Path $Stamp -Force | Out-Null
    (Get-Item $Stamp).LastWriteTime = $started
}

& $Dotnet $BuildAssembly @BuildArguments
exit $LASTEXITCODE
