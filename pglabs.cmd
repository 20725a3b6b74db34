@echo off
rem The pglabs command on Windows. Builds the harness on first use, then runs it.
setlocal
set "PGLABS_HOME=%~dp0"
if "%PGLABS_HOME:~-1%"=="\" set "PGLABS_HOME=%PGLABS_HOME:~0,-1%"
set "JAR=%PGLABS_HOME%\cli\target\pglabs.jar"
if not exist "%JAR%" (
  echo pglabs: building the harness, first use takes a minute... 1>&2
  pushd "%PGLABS_HOME%"
  call mvn -q -B -DskipTests package
  if errorlevel 1 (
    popd
    echo pglabs: the build failed; see the messages above. 1>&2
    exit /b 1
  )
  popd
)
rem The JIT's first tier only, as in the pglabs script (docs/benchmarks.md); PGLABS_JAVA_OPTS can override it.
java -XX:TieredStopAtLevel=1 %PGLABS_JAVA_OPTS% -Dpglabs.home="%PGLABS_HOME%" -jar "%JAR%" %*
