"""The outline view: the map as an indented, keyboard-navigable tree."""
