"""Exchange files: reading and writing the .xlsx and .csv sheets clerks import and export."""
