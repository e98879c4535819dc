"""The screens of a shared server: connecting to it, and the history of changes it keeps."""
