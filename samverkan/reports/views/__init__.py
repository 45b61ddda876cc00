"""pages: the report's web pages and its workflow; exports: the PDF, spreadsheet, HTML file
and the memo as PDF."""
