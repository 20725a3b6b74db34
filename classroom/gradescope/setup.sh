#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu). Written into the
# autograder zip by `./pglabs gradescope-autograder`; the pglabs course sources are in /autograder/source/pglabs.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# A JDK 17 and Maven from Ubuntu's own packages.
apt-get update -q
# bubblewrap is the OS sandbox student Java runs in (labs 07-11): no network but the grader's relays, no files.
apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless maven ca-certificates bubblewrap
java -version
mvn -v

# Build pglabs once: the jar, its dependencies and the embedded PostgreSQL binaries (from Maven Central).
cd /autograder/source/pglabs
mvn -q -B -Dmaven.test.skip=true package
test -f cli/target/pglabs.jar

chmod +x /autograder/source/run_autograder

# Grade the untouched starters once: unpacks the embedded PostgreSQL and proves the image can grade, so a broken
# image fails here and not on a student's submission.
# shellcheck source=/dev/null
. /autograder/source/pglabs-autograder.env
# shellcheck disable=SC2086
java -Dpglabs.home=/autograder/source/pglabs -jar cli/target/pglabs.jar grade $PGLABS_LABS --all ${PGLABS_SANDBOX_FLAGS:-} \
  --submission labs --db embedded --format json --out /tmp/pglabs-setup-check.json
test -s /tmp/pglabs-setup-check.json
