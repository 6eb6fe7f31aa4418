# Builds the Windows installer (.msi) with jpackage. Run from the repository root on Windows after
#   .\mvnw.cmd -B -ntp "-Dpytorch.native.classifier=win-x86_64" -DskipTests package
# Needs a JDK 25 (JAVA_HOME) and the WiX Toolset 3.14 or WiX 4/5 on PATH (jpackage calls it).
# Output: installers\target\kcwb-<version>.msi (per-user install, Start-menu entry, desktop shortcut,
# kcwb.exe = GUI without arguments, CLI with arguments; a console launcher kcwb-cli.exe for terminals).
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root

# Shared settings: module list and JVM options, from installers/common.env (key=value lines and a bash array).
$envFile = Get-Content "installers\common.env" | Where-Object { $_ -match '^[A-Z_]+=' }
$settings = @{}
foreach ($line in $envFile) { $k, $v = $line -split '=', 2; $settings[$k] = $v.Trim('"') }
$javaOptions = ($settings["KCWB_JAVA_OPTIONS"].Trim('(', ')') -split ' ') | Where-Object { $_ }

$jdk = $env:JAVA_HOME
if (-not (Test-Path "$jdk\bin\jpackage.exe")) { throw "JAVA_HOME ($jdk) has no jpackage: install Temurin 25" }

$version = "0.1.0"
$out = "installers\target"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input" | Out-Null
Copy-Item "app\target\kcwb-app.jar" "$out\input\"
Copy-Item -Recurse "app\target\lib" "$out\input\lib"

& "$jdk\bin\jlink.exe" --add-modules $settings["KCWB_MODULES"] --include-locales=en,ko `
  --strip-debug --no-header-files --no-man-pages --output "$out\runtime"
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }

$common = @("--name", $settings["KCWB_NAME"], "--app-version", $version, "--vendor", $settings["KCWB_VENDOR"],
  "--description", $settings["KCWB_DESCRIPTION"], "--icon", "assets\icons\kcwb.ico")
$jopts = @(); foreach ($o in $javaOptions) { $jopts += @("--java-options", $o) }

& "$jdk\bin\jpackage.exe" --type app-image --dest "$out\app-image" @common `
  --input "$out\input" --main-jar $settings["KCWB_MAIN_JAR"] --main-class $settings["KCWB_MAIN_CLASS"] `
  --runtime-image "$out\runtime" @jopts `
  --add-launcher "kcwb-cli=installers\windows\kcwb-cli.properties"
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }

& "$jdk\bin\jpackage.exe" --type msi --dest $out --app-image "$out\app-image\kcwb" @common `
  --win-menu --win-menu-group "Kc Workbench" --win-shortcut --win-dir-chooser --win-per-user-install `
  --win-upgrade-uuid "6f1f1d8e-4c1a-4d52-9a59-6b1c8a0f7c2e"
if ($LASTEXITCODE -ne 0) { throw "jpackage msi failed" }
Get-ChildItem "$out\*.msi" | ForEach-Object { "{0} {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
