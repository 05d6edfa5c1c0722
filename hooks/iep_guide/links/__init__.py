"""Links: Markdown links into another language (markdown.py), and the check of every link
of the whole site once all languages are built (check.py)."""
