"""Report renderers (PDF, Excel, page images) that receive finished figures and never query."""
