#!/usr/bin/env bash
# Build the wheel, install it alone into a fresh virtual environment (no checkout on the
# path) and use it as a user would: every module imports, the headless commands work on
# the bundled sample, and `argmap` and `argmap present` open their windows (offscreen),
# paint them and quit cleanly. A module or resource missing from the wheel fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD
py=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" -m pip wheel -q --no-deps -w "$work/dist" .
wheel=$(ls "$work"/dist/argmap-*.whl)
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB)"
listing=$("$py" -m zipfile -l "$wheel")
for member in argmap/_resources/sample.argmap.json argmap/_resources/fonts/DejaVuSans.ttf \
              argmap/_resources/icons/argmap.svg argmap/_seeds/000_b453c5a90ba6841f.txt; do
  grep -q "$member" <<<"$listing" || { echo "wheel lacks $member"; exit 1; }
done

"$py" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel"
cd "$work"  # away from the checkout, so only the installed package can be imported
export QT_QPA_PLATFORM=offscreen
export ARGMAP_HOME="$work/home"  # no settings or recovery copies from this machine
bin="$work/venv/bin"

# Every module of the checkout is in the wheel, and every installed module imports.
(cd "$checkout" && find argmap -name '*.py' | sed 's/\.py$//; s/\/__init__$//; s/\//./g' | sort) \
  > "$work/expected-modules"
"$bin/python" - "$work/expected-modules" <<'EOF'
import importlib, pkgutil, sys
import argmap

expected = set(open(sys.argv[1], encoding="utf-8").read().split())
found, failed = {"argmap"}, []
for info in pkgutil.walk_packages(argmap.__path__, "argmap.", onerror=failed.append):
    if info.name.split(".")[1] in ("_resources", "_seeds"):
        continue  # bundled data, not code
    found.add(info.name)
    if info.name == "argmap.__main__":
        continue  # importing it runs the app
    try:
        importlib.import_module(info.name)
    except Exception as exc:  # noqa: BLE001 -- report every module that fails
        failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
missing = sorted(expected - found)
for line in failed + [f"not in the wheel: {name}" for name in missing]:
    print(line, file=sys.stderr)
if failed or missing:
    sys.exit(1)
print(f"imported {len(found) - 1} modules of the installed package")
EOF

sample=$("$bin/python" -c "from argmap.resources import resource; print(resource('sample.argmap.json'))")
case "$sample" in "$work"/venv/*) ;; *) echo "sample not from the wheel: $sample"; exit 1;; esac
"$bin/argmap" --version
"$bin/argmap" validate "$sample"
"$bin/argmap" export "$sample" -o "$work/sample.png"
"$bin/argmap" export "$sample" -o "$work/sample.svg"
"$bin/argmap" analyze "$sample" --top 3 > /dev/null
test -s "$work/sample.png" && test -s "$work/sample.svg"

# The windows (ARGMAP_QUIT_AFTER_SHOW, see argmap/ui/app.py): open, paint each window
# once, close, exit 0 with nothing on stderr and no recovery copy or lock left behind.
gui() {  # gui EXPECTED-TITLE [ARGMAP-ARGS...]
  local expect=$1 out err
  shift
  local name="argmap${*:+ $1}"
  out=$(ARGMAP_QUIT_AFTER_SHOW=1 timeout 120 "$bin/argmap" "$@" 2>"$work/stderr") \
    || { cat "$work/stderr"; echo "$name failed"; exit 1; }
  err=$(grep -v -e 'propagateSizeHints' "$work/stderr" || true)
  [ -z "$err" ] || { echo "$err"; echo "$name wrote to stderr"; exit 1; }
  grep -qF "$expect" <<<"$out" || { echo "$out"; echo "$name: no window '$expect'"; exit 1; }
  [ -z "$(find "$ARGMAP_HOME" -path '*/state/*' -type f)" ] \
    || { find "$ARGMAP_HOME/state" -type f; echo "$name left session files"; exit 1; }
  echo "$name: $out"
}
gui "Kremlin ceasefire calculus, 2024-2025 — argmap'"
gui "Kremlin ceasefire calculus, 2024-2025 — presentation'" present "$sample"
echo "wheel check passed"
