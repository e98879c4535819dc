"""Reports: their figures read from the database (data), and renderers (PDF, Excel) that never query."""
