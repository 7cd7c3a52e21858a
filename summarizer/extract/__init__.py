"""Extraction, one module per stage: furniture (story vs page chrome), numbers (number
expressions), and the field rooms that build grounded candidates from one analysis."""
