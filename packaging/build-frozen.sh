#!/usr/bin/env bash
# Build the frozen Linux app folder with PyInstaller into dist/argmap/.
# Windows and macOS: run the same spec there (`pyinstaller packaging/argmap.spec`);
# on macOS add `--windowed` via a BUNDLE step, on Windows convert the icon to .ico.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || packaging/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/argmap.spec
echo "built dist/argmap in $(( $(date +%s) - start )) s, $(du -sh dist/argmap | cut -f1)"
