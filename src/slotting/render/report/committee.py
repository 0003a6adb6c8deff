"""The committee sections of the paper (with review.paper): front matter, purpose, recommendations, the
timetable and consultation record, the legal implications, the equality narrative and the appendices."""

from __future__ import annotations

import re
from typing import Any

from ...formats import long_date, plural
from .paper import LINES, Paper, counts_shown, published

STATUTES = (
    (r"TULRCA 1992 s\.188", "Trade Union and Labour Relations (Consolidation) Act 1992 s.188",
     "collective consultation with the trade unions when 20 or more dismissals as redundant are proposed at one "
     "establishment within 90 days, for at least the minimum period in the timetable, with a view to avoiding "
     "or reducing them."),
    (r"TULRCA 1992 s\.193", "Trade Union and Labour Relations (Consolidation) Act 1992 s.193",
     "notice of proposed collective redundancies to the Secretary of State (form HR1), by the date in the timetable."),
    (r"ERA 1996 s\.86", "Employment Rights Act 1996 s.86",
     "the statutory minimum notice: a week for each complete year of service, up to twelve; a longer contractual "
     "notice applies where it is given."),
    (r"ERA 1996 s\.138", "Employment Rights Act 1996 s.138",
     "a statutory trial period of four weeks in an alternative post, without losing the right to a redundancy "
     "payment if the post proves unsuitable."),
    (r"ERA 1996 s\.141", "Employment Rights Act 1996 s.141",
     "a person who unreasonably refuses an offer of suitable alternative employment loses the redundancy payment; "
     "the ring-fenced posts are offered in that light."),
    (r"ERA 1996 s\.145", "Employment Rights Act 1996 s.145",
     "the relevant date from which age and service are counted: the day notice expires."),
    (r"ERA 1996 s\.162", "Employment Rights Act 1996 s.162",
     "statutory redundancy pay by age and complete years of service (at most 20), at a week's pay up to the "
     "statutory limit (s.227) in force on the relevant date."),
    (r"2006 Regulations", "The Local Government (Early Termination of Employment) (Discretionary Compensation) "
     "(England and Wales) Regulations 2006", "the discretion to pay redundancy on actual pay and to enhance it, up to "
     "104 weeks' pay, as the employer's published policy says."),
)


def legal_lines(p: Paper) -> list[str]:
    """Gives the legal implications: each statute the review's case and timetable apply, with what it requires,
    then the employer's own notes (review.paper.legal)."""
    said: list[str] = []
    if p.timeline is not None:
        said += [f"{step.source} {step.rule}" for step in p.timeline.steps]
    if p.cases is not None:
        c = p.cases.dates.collective
        said += [c.rule, c.source, getattr(c, "duty", ""), getattr(c, "notify", "")]
        for case in p.cases.people.values():
            said += [case.notice_basis, case.relevant_basis]
            if case.trial_end is not None:
                said.append("ERA 1996 s.138")
            if case.may_apply_for:
                said.append("ERA 1996 s.141")
            if case.entitlements is not None:
                said += [part.basis for _, part in case.entitlements.parts]
                if case.entitlements.redundancy.amount:
                    said.append("ERA 1996 s.162")
    text = "\n".join(said).replace("Employment Rights Act 1996", "ERA 1996")
    lines = [f"{name}: {what}" for pattern, name, what in STATUTES if re.search(pattern, text)]
    paper = p.review.review.paper
    return lines + (list(paper.legal) if paper is not None else [])


def timetable_rows(p: Paper) -> list[list[str]]:
    """Gives the timetable (slotting timeline's steps): date, step, how the date is found, source. In a published
    paper the count of proposed dismissals is left out where the equality tables hide it."""
    assert p.timeline is not None
    rows = [["Date", "Step", "How the date is found", "Source"]]
    hidden = published(p) and not counts_shown(p)["at_risk"].replace(",", "").isdigit()
    for step in p.timeline.steps:
        rule = step.rule
        if hidden:
            rule = re.sub(r"^\d[\d,]* proposed dismissal\(s\): ", "proposed dismissals ", rule)
        when = long_date(step.date) or "-"
        # the committee reads the review's words, not the input file's keys
        rule = re.sub(r"^as given \(review\.[a-z_.]+\)$", "as given", rule).replace("review.effective_date",
                                                                                    "the effective date")
        source = "the review's policy" if step.source.startswith("policy.") else step.source
        rows.append([when, step.what, rule, source])
    return rows


def committee_data(p: Paper) -> dict[str, Any]:
    """Gives the committee sections (with review.paper): front matter, purpose, recommendations, consultation
    and timetable, legal implications, equality narrative, background papers and appendices."""
    paper = p.review.review.paper
    assert paper is not None
    front = [[label, value] for label, value in (
        ("Meeting", paper.meeting), ("Date", long_date(paper.date) or None),
        ("Decision by", paper.decision_maker), ("Report of", paper.author), ("Contact", paper.contact)) if value]
    data: dict[str, Any] = {"front": front,
                            "purpose": list(paper.purpose) or [f"This report asks for approval of the outcome of "
                                                               f"the {p.review.review.name}."],
                            "recommendations": list(paper.recommendations),
                            "consultation": list(paper.consultation),
                            "legal": legal_lines(p),
                            "background_papers": list(paper.background_papers) or ["None."],
                            "appendices": list(paper.appendices)}
    if p.timeline is not None:
        data["timetable"] = timetable_rows(p)
    if p.audience == "confidential" and paper.exempt_paragraph is not None:
        data["exempt"] = (f"NOT FOR PUBLICATION by virtue of paragraph {paper.exempt_paragraph} of Part 1 of "
                          "Schedule 12A to the Local Government Act 1972"
                          + (" (information relating to any individual)" if paper.exempt_paragraph == 1 else ""))
    if p.equality is not None and "equality" in p.sections:
        data["equality_narrative"] = equality_narrative(p)
    return data


def equality_narrative(p: Paper) -> list[str]:
    """Gives the equality section's narrative, from the screening flags (Equality Act 2010 s.149)."""
    assert p.equality is not None
    names = [b.characteristic for b in p.equality.breakdowns]
    flags = [f for b in p.equality.breakdowns for f in b.flags]
    lines = [f"The outcome has been screened by {', '.join(names)} for the public sector equality duty (Equality "
             "Act 2010 s.149): for each outcome that is adverse (competing, displaced, at risk), each group's rate "
             "of avoiding it is compared with the most favoured group's (the four-fifths rule of thumb), and each "
             "group's share of those at risk with its share of the review group."]
    if flags:
        lines.append(f"{plural(len(flags), 'flag')} call for a closer look before the decision: "
                     + "; ".join(f.message.rstrip(".") for f in flags[:LINES]) + ". A flag is a signal, not a "
                     "finding: with groups this small the rates are unstable, and the equality impact assessment "
                     "should say what was looked at and why the outcome stands or changes.")
    else:
        lines.append("No group is flagged: no adverse outcome falls on one group at less than four-fifths of the "
                     "rate of the most favoured, and no group is over-represented among those at risk.")
    lines.append("No comparison with the wider workforce is made here: the review gives the characteristics of "
                 "the people in the review only.")
    return lines
