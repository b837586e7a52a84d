"""Keeping the open map safe: autosave, the file lock and outside changes, recovery, banners."""
