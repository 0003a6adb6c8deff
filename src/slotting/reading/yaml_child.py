"""Run as a script by yaml_fast: reads YAML from stdin with rapidyaml and writes the document as JSON.

It runs in a process of its own because rapidyaml, on a text it refuses, writes its own report to the
process's standard error (there is no way to turn that off from Python) and could in principle abort:
neither may reach a user, whose message comes from the reference reader. It imports nothing from
slotting, so that it starts in a few tens of milliseconds.

Usage: python -I -S yaml_child.py TEXT_CHARS RECORDS NESTING PATH...  (the limits, then the parent's
import path, where rapidyaml is found)

The JSON goes to stdout and stdout is closed before `verdict` runs, so the parent decodes while this
process checks. The exit status is the verdict: READ, the JSON is the data; SCAN_NEEDED, the data may
pass a limit, which the parent measures exactly; anything else, the reference reader reads the text.
"""

from __future__ import annotations

import re
import sys

READ = 0
REFUSED = 3  # rapidyaml refused the text (malformed, or a list or mapping used as a key)
DOCUMENTS = 4  # more than one document
AMBIGUOUS = 5  # a string that may have been a plain null, boolean or number rapidyaml rewrites
SCAN_NEEDED = 6  # the JSON may hold a value, list or nesting past a limit

# What rapidyaml's JSON writes as a string although the reference reader may read a null, a boolean or
# other text: the plain spellings of yaml_scalars.AS_STRING_IN_JSON, and the infinities and NaNs that it
# rewrites (`nan` as ".nan", `.Inf` as ".inf"), keys included. tests/test_yaml_fast.py keeps the list
# equal to yaml_scalars'.
AS_STRING = ("~", "Null", "NULL", "True", "TRUE", "False", "FALSE")
_AMBIGUOUS = re.compile('"(?:' + "|".join(AS_STRING) + r'|-?\.(?:nan|inf))"')


def convert(data: bytes) -> tuple[str, int]:
    """Gives (the document as JSON, READ) for UTF-8 YAML rapidyaml reads as one document ("" for none), or
    ("", REFUSED or DOCUMENTS)."""
    import ryml  # type: ignore[import-untyped]

    try:
        tree = ryml.parse_in_arena(data)
        root = tree.root_id()
        if tree.is_stream(root):
            if tree.num_children(root) != 1:
                return "", DOCUMENTS
            root = tree.first_child(root)
        return ryml.emit_json(tree, root) or "", READ
    except Exception:  # rapidyaml's own exceptions, or a scalar it cannot give back as text
        return "", REFUSED


def verdict(json_text: str, text_chars: int, records: int, nesting: int) -> int:
    """Gives READ, AMBIGUOUS or SCAN_NEEDED for a document's JSON as `convert` writes it.

    rapidyaml writes a list or mapping that was written over several lines (block style included) with
    one item a line, indented two spaces a level, and any other on one line (tests/test_yaml_fast.py holds
    it to that). So a limit might be passed only if: there are more lines than `records` (a long list
    written over lines); a line is longer than `text_chars` (a long value, each JSON string being on one
    line, or a long list on one line), which shows as a whole aligned block of half that length with no
    line break; or a line indented 2k (inside k containers) opens enough containers to be more than
    `nesting` deep."""
    if _AMBIGUOUS.search(json_text):
        return AMBIGUOUS
    if json_text.count("\n") > records:
        return SCAN_NEEDED
    block = text_chars // 2
    for start in range(0, len(json_text) - block + 1, block):
        if json_text.find("\n", start, start + block) < 0:
            return SCAN_NEEDED
    levels = nesting // 2  # up to levels - 1 from the indentation and as many from the brackets of a line
    if json_text.find("\n" + " " * (2 * levels)) >= 0:
        return SCAN_NEEDED
    brackets = re.compile(r"[\[{](?:[^\n\[{]*+[\[{]){" + str(levels - 1) + "}")
    return SCAN_NEEDED if brackets.search(json_text) else READ


def main() -> int:
    """Gives the exit status: the verdict on the text read from stdin (see the module's docstring)."""
    text_chars, records, nesting = (int(x) for x in sys.argv[1:4])
    sys.path[:0] = sys.argv[4:]
    json_text, status = convert(sys.stdin.buffer.read())
    if status != READ:
        return status
    sys.stdout.buffer.write(json_text.encode("utf-8", "surrogatepass"))
    sys.stdout.close()
    return verdict(json_text, text_chars, records, nesting)

if __name__ == "__main__":
    sys.exit(main())
