"""The review section: what the review is called, when the new structure takes effect, whose law applies, the dates
of the process around the decision (timeline), and what the committee paper and the letters say of themselves.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import Model
from .types import Date, Id, NonEmptyText, Text, Whole


class Timeline(Model):
    """The dates of the process around the decision (slotting timeline)."""

    consultation_start: Date | None = Field(None, description="The day consultation began (TULRCA 1992 s.188).")
    slotting_list_issued: Date | None = Field(None, description="The day the slotting list was issued to the staff "
                                              "affected: appeals and assessments are counted from it.")
    decision: Date | None = Field(None, description="The day the new structure is approved: objections to "
                                  "dismissals are counted from it.")
    nation: Literal["england-and-wales", "scotland", "northern-ireland"] = Field(
        "england-and-wales", description="Whose bank holidays working days skip.")


class Letters(Model):
    """What the letters say that the review's figures cannot: whom to write to, who hears appeals, how pools are
    selected. Each default is the reference case's practice in general words (the Leicester 2011 review); an
    employer names its own."""

    hr_contact: NonEmptyText = Field(
        "Human Resources", description="Whom people write to with questions and appeals (a name, a team, an address).")
    appeal_to: NonEmptyText = Field(
        "a manager who has had no previous involvement in the review",
        description="Who hears an appeal against the slotting (Leicester report s.10.3: the Deputy City Mayor with an "
        "HR adviser who had no previous involvement in the review).")
    dismissal_appeal_to: NonEmptyText = Field(
        "a panel whose members have had no previous involvement in the review",
        description="Who hears an appeal against a dismissal, which is separate (Leicester report s.12.1 and s.14.4: "
        "an Employees Committee in appeals mode, its members not previously involved).")
    selection_method: NonEmptyText = Field(
        "a competitive interview", description="How a competitive pool is selected (Leicester report s.11.1 and the "
        "notes of 28 October 2011, item 5: Member interviews, competitive where there are more people than posts).")
    selection_criteria: NonEmptyText = Field(
        "the requirements of the new post, as its job description and person specification set them out",
        description="What the candidates in a pool are assessed against (notes of 28 October 2011, item 5: whether "
        "they meet the requirements of the changed job).")
    reference: NonEmptyText | None = Field(
        None, description="The start of each letter's reference, followed by /PERSON-ID (default: the review's name).")


Jurisdiction = Literal["england-wales", "scotland", "northern-ireland"]
# The bank holidays of each jurisdiction, and the jurisdiction whose law a nation's bank holidays belong to.
NATION_OF: dict[str, str] = {"england-wales": "england-and-wales", "scotland": "scotland",
                             "northern-ireland": "northern-ireland"}


class CommitteePaper(Model):
    """What a committee paper says of itself (slotting report): who writes it, for which meeting, what it asks."""

    author: Text | None = Field(None, description="The officer who submits the paper, e.g. 'Chief Operating Officer'.")
    contact: Text | None = Field(None, description="Who to ask about the paper: a name, telephone and email.")
    meeting: Text | None = Field(None, description="The meeting the paper goes to, e.g. 'Employees Committee'.")
    date: Date | None = Field(None, description="The day of the meeting.")
    decision_maker: Text | None = Field(None, description="Who decides, e.g. 'Employees Committee'.")
    purpose: list[Text] = Field(default_factory=list, description="Paragraphs of the paper's purpose.")
    recommendations: list[Text] = Field(default_factory=list, description="What the meeting is asked to agree.")
    legal: list[Text] = Field(default_factory=list, description="Legal notes the employer adds to the statutes "
                              "the paper cites, e.g. the standing orders for chief officers.")
    consultation: list[Text] = Field(default_factory=list, description="The consultation record: meetings held, "
                                     "with whom, and what was sent (the timetable comes from review.timeline).")
    policy: list[Text] = Field(default_factory=list, description="The employer's own policy text and references, "
                               "for the method section (e.g. 'Protocol for organisational and staffing change').")
    background_papers: list[Text] = Field(default_factory=list, description="Background papers (Local Government "
                                          "Act 1972 s.100D).")
    appendices: list[Text] = Field(default_factory=list, description="The appendices listed at the end.")
    exempt_paragraph: Whole | None = Field(1, ge=1, le=7, description="The paragraph of Schedule 12A to the Local "
                                           "Government Act 1972 that exempts the confidential version (1: "
                                           "information relating to any individual).")


class Review(Model):
    name: NonEmptyText
    effective_date: Date | None = Field(None, description="Date the new structure takes effect (YYYY-MM-DD).")
    currency: Literal["GBP"] = "GBP"
    jurisdiction: Jurisdiction = Field(
        "england-wales", description="Whose employment law applies: england-wales (default), scotland or "
        "northern-ireland. It chooses the legal tables (week's-pay limits, collective consultation, notice, the "
        "compensation regulations) and the bank holidays, unless timeline.nation is given; without it, the "
        "jurisdiction of timeline.nation where that is given.")
    ring_fence_group: Text | None = Field(
        None,
        description="A wider group that ring-fenced posts are also open to (e.g. 'all Heads of "
        "Service'); by default only people displaced or in a competitive pool may apply.",
    )
    groups: dict[Text, list[Id]] = Field(
        default_factory=dict, description="Named groups of people (ids), for ring-fence tiers: e.g. "
        "{heads_of_service: [P01, P02]}.")
    timeline: Timeline | None = Field(None, description="The dates of consultation, the list and the decision.")
    paper: CommitteePaper | None = Field(None, description="The committee paper's own details (slotting report): "
                                         "without them the paper has no committee sections.")
    letters: Letters | None = Field(None, description="What the letters say besides the figures: HR contact, who "
                                    "hears appeals, how pools are selected (slotting letters).")
    full_time_hours: Decimal | None = Field(
        None, gt=0, le=168, allow_inf_nan=False,
        description="Weekly hours of a full-time post (e.g. 37): people given by hours have FTE = hours / this.")

    @model_validator(mode="before")
    @classmethod
    def _jurisdiction_of_the_nation(cls, data: Any) -> Any:
        """A review that names only its nation's bank holidays (timeline.nation, before jurisdiction existed) is
        under that nation's law: Northern Ireland's bank holidays with Great Britain's law was the fault."""
        if isinstance(data, dict) and "jurisdiction" not in data and isinstance(data.get("timeline"), dict):
            law = {nation: jurisdiction for jurisdiction, nation in NATION_OF.items()}.get(data["timeline"].get("nation"))
            if law is not None:
                return {**data, "jurisdiction": law}
        return data

    @field_validator("timeline")
    @classmethod
    def _nation_of_the_jurisdiction(cls, timeline: Timeline | None, info: ValidationInfo) -> Timeline | None:
        jurisdiction = info.data.get("jurisdiction")
        if timeline is not None and jurisdiction is not None and "nation" in timeline.model_fields_set \
                and timeline.nation != NATION_OF[jurisdiction]:
            raise ValueError(f"timeline.nation {timeline.nation} contradicts review.jurisdiction {jurisdiction}: the "
                             f"bank holidays of {NATION_OF[jurisdiction]} follow the jurisdiction; give the one that "
                             "applies, or leave nation out")
        return timeline

    @property
    def nation(self) -> str:
        """Gives whose bank holidays working days skip: timeline.nation where given, else the jurisdiction's."""
        if self.timeline is not None and "nation" in self.timeline.model_fields_set:
            return self.timeline.nation
        return NATION_OF[self.jurisdiction]
