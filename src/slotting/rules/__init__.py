"""The decisions and figures: claims, the slotting engine, pay, reasons, savings, redundancy, equality.

Pure: nothing here opens a file or prints.
"""
