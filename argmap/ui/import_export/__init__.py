"""File ▸ Import and File ▸ Export: the export dialog and options, article and format import."""
