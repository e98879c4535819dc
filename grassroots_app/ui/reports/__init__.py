"""The reports screen: choosing, editing, previewing and saving quarterly reports."""
