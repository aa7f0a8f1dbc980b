@echo off
rem netharness: builds the CLI once through the Maven wrapper (again when harness sources change), then runs it.
rem Works from any directory; uses %JAVA_HOME%\bin\java.exe when set, else java from PATH.
setlocal
set "NH_ROOT=%~dp0"
if "%NH_ROOT:~-1%"=="\" set "NH_ROOT=%NH_ROOT:~0,-1%"
set "NH_JAR=%NH_ROOT%\harness\cli\target\netharness-cli.jar"

set "NH_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "NH_JAVA=%JAVA_HOME%\bin\java.exe"
if "%NH_JAVA%"=="java" (
  where java >nul 2>nul || goto :nojava
)

set "NH_REASON="
if not exist "%NH_JAR%" set "NH_REASON=first run"
if defined NH_REASON goto :build
powershell -NoProfile -NonInteractive -Command ^
  "$jar = (Get-Item -LiteralPath $env:NH_JAR).LastWriteTimeUtc;" ^
  "$files = @(Get-Item -LiteralPath (Join-Path $env:NH_ROOT 'pom.xml')) + @(Get-ChildItem -LiteralPath (Join-Path $env:NH_ROOT 'harness') -Recurse -File);" ^
  "$newer = $files | Where-Object { $_.FullName -notmatch '\\target\\' -and ($_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\main\\') -and $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1;" ^
  "if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 set "NH_REASON=sources changed"
if not defined NH_REASON goto :run

:build
echo building netharness (%NH_REASON%)... 1>&2
pushd "%NH_ROOT%"
call "%NH_ROOT%\mvnw.cmd" -q -B -DskipTests -pl harness/cli -am package 1>&2
set "NH_BUILD_RC=%ERRORLEVEL%"
popd
if not "%NH_BUILD_RC%"=="0" (
  echo netharness: build failed; run "mvnw.cmd -B -pl harness/cli -am package" in %NH_ROOT% to see why 1>&2
  exit /b 2
)

:run
rem stderr is left alone, as in the bash launcher: the CLI writes its errors and connection events there.
"%NH_JAVA%" -jar "%NH_JAR%" %*
exit /b %ERRORLEVEL%

:nojava
echo netharness: no java found; install JDK 17 or newer, or set JAVA_HOME 1>&2
exit /b 2
