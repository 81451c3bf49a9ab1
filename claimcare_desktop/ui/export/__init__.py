"""The Export workspace: pick a report, period, scope and file; write it in the background."""
