"""The main window shell: its actions and menus, dock layout, settings, appearance, recent files."""
