"""The committee paper: a PDF made with Typst (offline, fonts embedded), or the same in Markdown or Word.

Every figure comes from the results the other commands give (slotting, savings, equality): with the finance
view, the profiles, the payback and the exit costs are read from the `savings` result, never worked out here.
The Typst template (render/report.typ) is fixed: the content reaches it as JSON data and SVG charts through
Typst's `sys.inputs`, never as Typst source, so no name or title can be read as markup. With the public
audience (the default) the paper holds no person-level data: counts, posts and money only.

The modules, in the order the paper is made: `paper` (what it is made from, its limits, the counts it may
print), `structure` (the structure charts), `content` (each section as plain data, with `committee` and
`exits`), then a format: `pdf` (with `typesetting`, Typst in a child process), `markdown`, and
render/report_docx.py for Word.
"""

from .content import paper_data, savings_shown
from .markdown import report_markdown
from .paper import BARS, DEFAULT_SUPPRESSION, ROWS, SECTIONS, Paper, counts_shown, published
from .pdf import chart_svgs, report_pdf, undrawn, undrawn_message
from .structure import DRAWN, GROUPS_DRAWN, structure_charts
from .typesetting import TypesetError, typeset, typeset_png

__all__ = ["BARS", "DEFAULT_SUPPRESSION", "DRAWN", "GROUPS_DRAWN", "ROWS", "SECTIONS", "Paper", "TypesetError",
           "chart_svgs", "counts_shown", "paper_data", "published", "report_markdown", "report_pdf",
           "savings_shown", "structure_charts", "typeset", "typeset_png", "undrawn", "undrawn_message"]
