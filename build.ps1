# Tollgate bootstrapper for Windows, compatible with NUKE's conventions (see build.sh for the same steps on Unix).
# A plain `.\build.ps1 --help` prints the help the build last wrote to .nuke/temp/help.txt, while that file is newer than
# the build assembly and than .nuke/*.json (help is a function of those), so it costs no runtime start.
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
# What the build project is made of, relative to the root (bin/ and obj/ below them are ignored).
$BuildInputs = @("build", "src/Tollgate*", "Directory.Build.props", "Directory.Packages.props", "src/Directory.Build.props", "global.json", ".editorconfig")
$TempDirectory = Join-Path $Root ".nuke/temp"
$Stamp = Join-Path $TempDirectory "build.stamp"
$HelpCache = Join-Path $TempDirectory "help.txt"

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

# The input files (relative, sorted; works on Windows PowerShell 5.1); directory times are never used, so bin/ and obj/ appearing changes nothing.
function Get-BuildInputs {
    $files = foreach ($pattern in $BuildInputs) {
        foreach ($item in @(Get-Item -Path (Join-Path $Root $pattern) -Force -ErrorAction SilentlyContinue)) {
            if ($item.PSIsContainer) { Get-ChildItem -Path $item.FullName -Recurse -File -Force } else { $item }
        }
    }
    return @($files | Where-Object { $_.FullName -notmatch '[\\/](bin|obj|node_modules)[\\/]' } |
        ForEach-Object { $_.FullName.Substring($Root.Length + 1).Replace('\', '/') } | Sort-Object -CaseSensitive -Unique)
}

function Get-ContentHash([string[]]$Files) {
    $sha = [Security.Cryptography.IncrementalHash]::CreateHash([Security.Cryptography.HashAlgorithmName]::SHA256)
    foreach ($file in $Files) {
        $sha.AppendData([Text.Encoding]::UTF8.GetBytes("$file`n"))
        $sha.AppendData([IO.File]::ReadAllBytes((Join-Path $Root $file)))
    }
    return ([BitConverter]::ToString($sha.GetHashAndReset()) -replace '-', '')
}

# Whether the help the build wrote is still what it would print: newer than the assembly and the parameter files.
function Test-HelpIsCurrent {
    if (-not ((Test-Path $HelpCache) -and (Test-Path $BuildAssembly))) { return $false }
    $helpTime = (Get-Item $HelpCache).LastWriteTimeUtc
    if ($helpTime -le (Get-Item $BuildAssembly).LastWriteTimeUtc) { return $false }
    $newer = Get-ChildItem -Path (Join-Path $Root ".nuke") -Filter "*.json" -File -Force -ErrorAction SilentlyContinue |
        Where-Object { $_.LastWriteTimeUtc -gt $helpTime } | Select-Object -First 1
    return ($null -eq $newer)
}

$inputs = Get-BuildInputs
$compile = $true
if ((Test-Path $BuildAssembly) -and (Test-Path $Stamp)) {
    $recorded = @(Get-Content $Stamp)
    $stampTime = (Get-Item $Stamp).LastWriteTimeUtc
    $sameList = (($recorded | Select-Object -Skip 1) -join "`n") -eq ($inputs -join "`n")
    $newer = $inputs | Where-Object { (Get-Item (Join-Path $Root $_)).LastWriteTimeUtc -gt $stampTime } | Select-Object -First 1
    if ($sameList -and $null -eq $newer) {
        $compile = $false
    } else {
        $hash = Get-ContentHash $inputs
        if ($hash -eq $recorded[0]) {
            Set-Content -Path $Stamp -Value (@($hash) + $inputs)
            $compile = $false
        }
    }
}

$arguments = @($BuildArguments | Where-Object { $null -ne $_ })
if (-not $compile -and $arguments.Count -eq 1 -and ($arguments[0] -ceq "--help" -or $arguments[0] -ceq "-h") -and (Test-HelpIsCurrent)) {
    [Console]::Out.Write([IO.File]::ReadAllText($HelpCache))
    exit 0
}

$Dotnet = Find-Dotnet
if ($compile) {
    New-Item -ItemType Directory -Path $TempDirectory -Force | Out-Null
    $next = Join-Path $TempDirectory "build.stamp.next"
    Set-Content -Path $next -Value (@(Get-ContentHash $inputs) + $inputs)
    # To standard error, as build.sh does: standard output is the build's own (help, plan, JSON).
    [Console]::Error.WriteLine("build.ps1: compiling the build project (its input files changed: $($BuildInputs -join ' '))")
    & $Dotnet build $BuildProject -c Debug -nologo -clp:NoSummary -verbosity:quiet
    if ($LASTEXITCODE -ne 0) { throw "build.ps1: compiling the build project failed (see the errors above)." }
    Move-Item -Path $next -Destination $Stamp -Force
}

& $Dotnet $BuildAssembly @BuildArguments
exit $LASTEXITCODE
