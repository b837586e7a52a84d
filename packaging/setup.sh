#!/usr/bin/env bash
# Set up argmap on a fresh Debian/Ubuntu machine: Qt's system libraries and a font
# (apt), then a virtual environment in .venv with argmap installed (editable).
#   packaging/setup.sh          app only
#   packaging/setup.sh --test   app + test tools at the versions pinned in
#                               packaging/dev-constraints.txt (pytest, hypothesis, ruff,
#                               mypy...), poppler-utils and librsvg2-bin to check exports,
#                               and the reference Argdown parser in .tools/ via npm
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Qt 6 (xcb and offscreen platforms) needs these on a minimal system; without a font Qt
# silently draws empty boxes. argmap also bundles DejaVu Sans for identical rendering.
apt_pkgs=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1
          libfreetype6 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
          fonts-dejavu-core)
# Tests also read PDFs (poppler), draw SVGs (rsvg), run under X (xvfb), check desktop files,
# and walk the accessibility tree over AT-SPI from another process (dbus, at-spi2-core,
# python3-pyatspi for the system Python).
[ $want_test = 1 ] && apt_pkgs+=(poppler-utils librsvg2-bin xvfb desktop-file-utils appstream
                                  shared-mime-info dbus at-spi2-core python3-pyatspi)

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

py=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$py" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ $want_test = 1 ]; then
  .venv/bin/python -m pip install -q -c packaging/dev-constraints.txt -e '.[test]'
  packaging/install-argdown-cli.sh
else
  .venv/bin/python -m pip install -q -e .
fi
echo "argmap is installed in .venv"
