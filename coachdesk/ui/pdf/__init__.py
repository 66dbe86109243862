"""PDFs in the app: rendering pages, the preview, printing, copies opened in a viewer."""
