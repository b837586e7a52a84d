#!/usr/bin/env bash
# Register argmap with the desktop for the current user: menu entry, icons, and the
# .argmap.json MIME type so maps open in argmap by double-click.
# Usage: packaging/linux/install-desktop.sh [PREFIX]   (default ~/.local/share)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
prefix="${1:-${XDG_DATA_HOME:-$HOME/.local/share}}"
app=io.github.argmap.Argmap

install -Dm644 "$here/$app.desktop" "$prefix/applications/$app.desktop"
install -Dm644 "$here/$app.metainfo.xml" "$prefix/metainfo/$app.metainfo.xml"
install -Dm644 "$here/$app.mime.xml" "$prefix/mime/packages/$app.xml"
install -Dm644 "$icons/argmap.svg" "$prefix/icons/hicolor/scalable/apps/$app.svg"
for s in 16 32 48 64 128 256 512; do
  install -Dm644 "$icons/argmap-$s.png" "$prefix/icons/hicolor/${s}x${s}/apps/$app.png"
done
command -v update-mime-database >/dev/null && update-mime-database "$prefix/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "argmap registered under $prefix"
