"""Editing the open map: the document controller, its undo commands, keyboard editing, find."""
