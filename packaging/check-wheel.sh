#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment (no checkout on the
# path), and use it: validate and export the bundled sample map, headless. A resource
# missing from the wheel fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
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
sample=$("$work/venv/bin/python" -c \
  "from argmap.resources import resource; print(resource('sample.argmap.json'))")
case "$sample" in "$work"/venv/*) ;; *) echo "sample not from the wheel: $sample"; exit 1;; esac
"$work/venv/bin/argmap" --version
"$work/venv/bin/argmap" validate "$sample"
"$work/venv/bin/argmap" export "$sample" -o "$work/sample.png"
"$work/venv/bin/argmap" export "$sample" -o "$work/sample.svg"
"$work/venv/bin/argmap" analyze "$sample" --top 3 > /dev/null
test -s "$work/sample.png" && test -s "$work/sample.svg"
echo "wheel check passed"
