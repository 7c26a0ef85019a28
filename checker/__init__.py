"""Pre-submission checker for mainland China ICP filings (ICP备案).

The checker runs both as a normal Python package and inside Pyodide in the
browser, so everything under this package is pure Python.
"""
