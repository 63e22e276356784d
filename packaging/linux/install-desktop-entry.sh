#!/bin/sh
# Add this unpacked application to the current user's menu (no administrator rights).
# Run it from the application folder; run it again after moving the folder.
#   ./install-desktop-entry.sh            add or update the menu entry and icons
#   ./install-desktop-entry.sh --remove   take them away again (the data stays)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
desktop=$(ls "$here"/share/applications/*.desktop)
id=$(basename "$desktop" .desktop)
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")

if [ "${1:-}" = "--remove" ]; then
    rm -f "$data/applications/$id.desktop"
    find "$data/icons/hicolor" -name "$id.png" -delete 2>/dev/null || true
    echo "Removed $id from the application menu."
else
    mkdir -p "$data/applications"
    # Exec points at this folder, so the entry works wherever the bundle was unpacked.
    sed "s|^Exec=$exe|Exec=\"$here/$exe\"|" "$desktop" > "$data/applications/$id.desktop"
    cp -R "$here/share/icons" "$data/"
    echo "Added $id to the application menu: $data/applications/$id.desktop"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
