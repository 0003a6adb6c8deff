"""The bounds of every input, checked at the edge before any work that grows with them.

Each is sized well above a real review (a whole organisation of 200,000 people) and well below what
would exhaust the machine. The docs' page docs/reference/limits.md lists them; the schema carries
the numeric ones.
"""

from __future__ import annotations

import re
from decimal import Decimal

FILE_BYTES = 256 * 1024 * 1024  # a YAML or CSV file (a 200,000-person YAML review is about 110 MB)
NESTING = 16  # levels of lists and mappings in a YAML file (a review needs 6)
RECORDS = 1_000_000  # items in one list section (people, overlaps, posts)
SHEET_CELLS = 10_000_000  # the rectangle of cells of one spreadsheet sheet (200,000 rows of 50 columns)
WORKBOOK_BYTES = 256 * 1024 * 1024  # a workbook (.xlsx, .ods) unzipped
WORKBOOK_PARTS = 10_000  # files inside a workbook's zip
JD_FILES = 10_000  # job descriptions in one folder
TEXT_CHARS = 10_000  # characters in one value (a title, a name, a number written out)
# Characters a review file, a CSV table or a sheet's cell may not hold as they are: control characters but tab and
# line breaks, C1 controls, the Unicode line and paragraph separators and a byte order mark inside the text.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")

MONEY = Decimal(10_000_000)  # pounds a year: a salary, a spinal amount, a saving target
PLACES = 100_000  # places in one new post
LEVEL = 1_000  # the magnitude of a grade level
SPINAL_POINT = 1_000  # the largest spinal point number
POINTS_PER_GRADE = 100  # spinal points from the bottom to the top of one grade
GRADE_DISTANCE = 100  # the largest grade distance a policy may allow
ROUND_TO = (Decimal(1), Decimal(10), Decimal(100), Decimal(1000))  # what a savings cell may be rounded to
YEARS = (1900, 2100)  # the first and last year of a date
NOTICE_WEEKS = 104  # contractual notice, in weeks
FINANCIAL_YEARS = 50  # financial years in a savings profile
COMPETITORS_LISTED = 100  # a person's competitors listed in run JSON and explain (a pool is listed once in full)
WORKING_AGE_START = 14  # service_years may be at most age minus this

# A sweep (`slotting sensitivity --vary`) re-runs the rules once per variant, so its size is counted from
# the options' text, before any value is made; each bound is far above a question a committee asks.
SWEEP_OPTIONS = 10  # --vary options of one sweep (ten fields of two values each are already 1,024 variants)
SWEEP_VALUES = 1_000  # values of one --vary, a range or a list
SWEEP_VARIANTS = 1_000  # combinations in a grid of several --vary options
SWEEP_OPTION_CHARS = 100_000  # characters of one --vary (a thousand values of up to 100 characters)
SWEEP_PLACES = 28  # decimal places of a swept value (Decimal's default precision): a range is counted exactly
SWEEP_MAGNITUDE = MONEY * 100  # the size of a swept value: the largest any numeric field takes (a savings target)

# Letter templates (.docx) are data from the employer: bounded before any work, and so is what they do.
TEMPLATE_BYTES = 32 * 1024 * 1024  # one template file (a letter with a logo is well under 1 MB)
TEMPLATE_UNZIPPED = 64 * 1024 * 1024  # a template's parts unzipped, in all (each part read with a cap, not trusted)
TEMPLATE_PARTS = 1_000  # files inside a template's zip (a Word letter has about 15)
TEMPLATE_XML_BYTES = 8 * 1024 * 1024  # the parts whose fields are filled (body, headers, footers, ...), in all
LETTER_RANGE = 1_000  # the numbers one range() in a template may give
LETTER_LOOP_STEPS = 10_000  # loop steps while filling one letter (every {% for %} together)
LETTER_TEXT_CHARS = 100_000  # a value a template builds or prints (longer only when a field itself is longer)
LETTER_WORK_CHARS = 20_000_000  # characters of text a template builds while filling one letter, in all
LETTER_CHARS = 16 * 1024 * 1024  # one letter's filled XML, every part together
