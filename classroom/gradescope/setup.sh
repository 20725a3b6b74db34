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

# shellcheck source=/dev/null
. /autograder/source/pglabs-autograder.env   # PGLABS_LABS, PGLABS_SANDBOX_FLAGS

# Lab 11's DynamoDB emulator (dynalite 4) runs on Node.js 20 or newer, installed here so that grading needs no
# network. Ubuntu's own nodejs is older on the images Gradescope offers, so the official Node.js build comes from
# the npm registry (package node-linux-<arch>) when the packaged one is too old.
case " $PGLABS_LABS " in
  *" 11 "*)
    apt-get install -y -q --no-install-recommends nodejs npm
    major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0)
    if [ "${major:-0}" -lt 20 ]; then
      case "$(uname -m)" in aarch64|arm64) arch=arm64 ;; *) arch=x64 ;; esac
      npm install --no-audit --no-fund --prefix /opt/pglabs-node "node-linux-$arch@22"
      ln -sf "/opt/pglabs-node/node_modules/node-linux-$arch/bin/node" /usr/local/bin/node
      hash -r
    fi
    node --version
    (cd /autograder/source/pglabs && npm ci --prefix tools/dynalite --ignore-scripts --no-audit --no-fund)
    ;;
esac

# Build pglabs once: the jar, its dependencies and the embedded PostgreSQL binaries (from Maven Central).
cd /autograder/source/pglabs
mvn -q -B -Dmaven.test.skip=true package
test -f cli/target/pglabs.jar

chmod +x /autograder/source/run_autograder

# Grade the untouched starters once: unpacks the embedded PostgreSQL and proves the image can grade, so a broken
# image fails here and not on a student's submission.
# shellcheck disable=SC2086
java -Dpglabs.home=/autograder/source/pglabs -jar cli/target/pglabs.jar grade $PGLABS_LABS --all ${PGLABS_SANDBOX_FLAGS:-} \
  --submission labs --db embedded --format json --out /tmp/pglabs-setup-check.json
test -s /tmp/pglabs-setup-check.json
