#!/usr/bin/env bash
# Install the reference Argdown parser (@argdown/cli 1.7.5, with the dependency versions
# locked in packaging/argdown-cli/) into .tools/, for the differential test of argmap's
# Argdown reader (tests/unit/interop/test_argdown_differential.py). Needs node and npm;
# on Debian/Ubuntu it installs them with apt when they are missing. Reaches only the npm
# registry. Quick when .tools already holds this version.
set -euo pipefail
cd "$(dirname "$0")/.."

want=1.7.5
have=$(.tools/node_modules/.bin/argdown --version 2>/dev/null || true)
if [ "$have" = "$want" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing node and npm for the Argdown differential test"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
fi

mkdir -p .tools
cp packaging/argdown-cli/package.json packaging/argdown-cli/package-lock.json .tools/
npm ci --prefix .tools --no-audit --no-fund --loglevel=error
echo "Argdown CLI $(.tools/node_modules/.bin/argdown --version) is installed in .tools"
