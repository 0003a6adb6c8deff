"""Transcribes the 20 new job descriptions published with the Leicester report into JD files.

    python examples/leicester_2011_jds/_make.py PATH/TO/000_a8e0a67573a61ddb.txt

The report's appendix (seed document 000_a8e0a67573a61ddb.txt) prints each JD with its post title,
"Reports to", and numbered responsibilities in two lists: the post's specific responsibilities (ids
S1, S2...) and the key corporate responsibilities (C1, C2...), numbered in the order printed (one JD's
print restarts its numbering half-way; a duty printed over two paragraphs is joined). The texts are
copied as printed (public documents); duties are unweighted. The old JDs and the mapping beside them are ILLUSTRATIVE and written
by hand (the old JDs were not published).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
POSTS = {  # the post title as printed -> the example's new post id
    "Strategic Director – Education and Children’s Services": "NEW-SD-ECS",
    "Director of Children's Social Care and Safeguarding": "NEW-DD-CSCS",
    "Director of Learning Services": "NEW-DD-LS",
    "Director – Young Peoples Services": "NEW-DD-YPS",
    "Strategic Director – Adult Social Care, Health & Housing": "NEW-SD-ASCHH",
    "Director – Adults Social Care & Safeguarding": "NEW-DD-ASCS",
    "Director – Care Services & Commissioning": "NEW-DD-CSC",
    "Director of Housing": "NEW-DD-HOUS",
    "City Public Health and Health Improvement Officer": "NEW-CO-PH",
    "Strategic Director – City Development & Neighbourhoods": "NEW-SD-CDN",
    "Director – Planning, Transportation & Economic Development": "NEW-DD-PTED",
    "Director – City Centre": "NEW-DD-CC",
    "Director of Property": "NEW-DD-PROP",
    "Director – Neighbourhood Services": "NEW-DD-NS",
    "Director – Environmental Services": "NEW-DD-ENV",
    "Director of Human Resources and Workforce Development": "NEW-DD-HR",
    "Director – Finance": "NEW-DD-FIN",
    "Director of Information and Customer Access": "NEW-DD-ICA",
    "Director – Delivery, Communications and Political Governance": "NEW-DD-DCPG",
    "Head of Standards & City Solicitor": "NEW-CO-SCS",
}
_DUTY = re.compile(r"^(\d+)\.\s+(.+)$")


def job_descriptions(seed: str) -> dict[str, dict]:
    """Gives each JD of the seed by post id: title, reports to, and its duties (id, text) in order."""
    found: dict[str, dict] = {}
    current: dict | None = None
    prefix = None
    for number, line in enumerate(seed.splitlines(), 1):
        line = line.strip()
        if line.startswith("Post Title:"):
            title = line.removeprefix("Post Title:").split("\t")[0].strip()
            current = {"title": title, "reports_to": None, "duties": [], "line": number} if title in POSTS else None
            if current is not None:
                found[POSTS[title]] = current
            prefix = None
        elif current is None:
            continue
        elif line.startswith("Reports to:"):
            current["reports_to"] = line.removeprefix("Reports to:").split("\t")[0].strip()
        elif line.upper().startswith("KEY CORPORATE RESPONSIBILITIES"):
            prefix = "C"
        elif "RESPONSIBILITIES" in line.upper() and line.upper() == line:
            prefix = "S"
        elif line.startswith("Is this post") or line.startswith("Jobs and Careers"):
            current = None if current and current["duties"] else current
        elif prefix and (duty := _DUTY.match(line)):
            count = sum(1 for d, _ in current["duties"] if d.startswith(prefix))
            current["duties"].append((f"{prefix}{count + 1}", duty.group(2).strip()))
        elif prefix and line and current["duties"] and current["duties"][-1][0].startswith(prefix):
            duty_id, text = current["duties"][-1]  # a duty printed over two paragraphs
            current["duties"][-1] = (duty_id, f"{text} {line}")
    return found


MAPPED = ["  - {old_post: OLD-DD-IS, new_post: NEW-DD-ICA, old_in_new: 80, new_from_old: 75}    # threshold met exactly\n",
          "  - {old_post: OLD-DD-CC, new_post: NEW-DD-CC, old_in_new: 85, new_from_old: 60}     # old post \"has no "
          "operational responsibilities\"\n"]


def review_with_evidence() -> str:
    """Gives examples/leicester_2011_evidence.yaml: the example with two overlap rows taken from the mapping."""
    text = (HERE.parent / "leicester_2011.yaml").read_text(encoding="utf-8")
    for row in MAPPED:
        assert row in text, row
        text = text.replace(row, "", 1)
    return text + ("\nevidence:                             # ILLUSTRATIVE: two overlap rows computed from duties\n"
                   "  jds: leicester_2011_jds           # the 20 published new JDs and two old ones\n"
                   "  mapping: leicester_2011_jds/mapping.yaml\n")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\\\", "\\\\\\\\").replace('"', '\\\\"') + '"'


def write(seed_path: Path) -> None:
    seed = seed_path.read_text(encoding="utf-8")
    for post, jd in job_descriptions(seed).items():
        lines = [f"# Transcribed from the Leicester report's appendix (seed {seed_path.name}, line {jd['line']}): "
                 "a public document.", f"post: {post}", "structure: new", f"title: {_quoted(jd['title'])}"]
        if jd["reports_to"]:
            lines.append(f"reports_to: {_quoted(jd['reports_to'])}")
        lines.append("duties:")
        lines += [f"  - {{id: {duty_id}, text: {_quoted(text)}}}" for duty_id, text in jd["duties"]]
        (HERE / f"{post}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    (HERE.parent / "leicester_2011_evidence.yaml").write_text(review_with_evidence(), encoding="utf-8")
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "seeds" / "000_a8e0a67573a61ddb.txt")
