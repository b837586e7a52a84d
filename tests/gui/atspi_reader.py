"""A screen reader's view, from outside: run by the system Python (which has pyatspi),
find the application called argmap on the AT-SPI bus and print every accessible object
as JSON [role, name, description]. Exit 1 if argmap never shows up."""

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]  # Debian's python3-pyatspi


def find_app(name: str, seconds: float) -> object | None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name and app.childCount > 0:
                return app
        time.sleep(0.5)
    return None


def walk(node: object, found: list[list[str]], depth: int = 0) -> None:
    if node is None or depth > 60:
        return
    found.append([node.getRoleName(), node.name or "", node.description or ""])
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), found, depth + 1)


def main() -> int:
    app = find_app("argmap", float(sys.argv[1]) if len(sys.argv) > 1 else 60)
    if app is None:
        return 1
    time.sleep(2)  # the first view settles
    found: list[list[str]] = []
    walk(app, found)
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
