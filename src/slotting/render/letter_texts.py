"""The default letters' texts, one per outcome: the Word templates are made from them (scripts/make_letter_templates.py)
and the Markdown letters use them directly. Each line is a paragraph; {{ fields }} are filled from
rules.letters.fields.

Each paragraph that states a right, a duty or a fact of the process carries its source. The source is kept in the
template as a Jinja comment, `{# Source: ... #}`, at the paragraph's end: HR sees it when editing the .docx, and
filling removes it, so no letter (Word or Markdown) shows it. "Leicester" is the reference case (the report to the
Employees Committee of 13 December 2011 and its appendices); ERA is the Employment Rights Act 1996.
"""

from __future__ import annotations

from typing import NamedTuple


class Said(NamedTuple):
    text: str
    source: str = ""  # empty for what is only the form of a letter (the greeting, the signature)


_APPEAL = Said(
    "You may appeal against this slotting if you believe the slotting policy has been applied wrongly to you: for "
    "example, that your current and new job descriptions were compared wrongly, that the grades compared are wrong, "
    "or that facts about your post were wrong. To appeal, write to {{ hr_contact }} by {{ appeals_close }}, setting "
    "out your grounds. Your appeal will be heard by {{ appeal_to }}, and you may be accompanied at the hearing by a "
    "trade union representative or a work colleague.",
    "Leicester report s.10.2-10.3 (appeals under the review protocol, heard by someone with no previous involvement) "
    "and business case s.7.1 (the deadline for slotting appeals); the slotting criteria appealed against: notes of 28 "
    "October 2011, item 5; an impartial appeal without unreasonable delay: Acas Code of Practice on disciplinary and "
    "grievance procedures, para 26-27, as good practice")
_AT_RISK_RULES = ("Leicester notes of 28 October 2011, item 5 (people not slotted are at risk; ring-fenced posts); "
                  "report s.12.1 (displacement and dismissal by reason of redundancy)")

OPENING = [
    Said("Private and confidential", "UK GDPR art. 5(1)(f): personal data kept confidential"),
    Said("{{ addressee }}"),
    Said("{{ current_post_title }}"),
    Said(""),
    Said("Date: {{ letter_date }}"),
    Said("Our reference: {{ reference }}"),
    Said(""),
    Said("Dear {{ person_name }},"),
]
CLOSING = [
    Said(""),
    Said("If you have any questions, please contact {{ hr_contact }}. You may be accompanied at any meeting about this "
         "letter by a trade union representative or a work colleague.",
         "practice in the reference case (Leicester business case s.7.1: meetings with the staff affected and the "
         "trade unions)"),
    Said(""),
    Said("Yours sincerely,"),
    Said(""),
    Said("Human Resources"),
]
TEXTS = {
    "assimilated": [
        Said("Your post in the new structure"),
        Said("I am writing to confirm that, under the slotting policy of the {{ review_name }}, you have been "
             "assimilated into the post of {{ new_post_title }} ({{ new_grade }}) in the new structure, from "
             "{{ effective_date }}.",
             "Leicester notes of 28 October 2011, item 5 (assimilation)"),
        Said("Your salary will be {{ new_salary }} (spinal point {{ spinal_point }}).{% if protection %} This is less "
             "than your current salary, so your pay is protected: {{ protection_schedule }}, until "
             "{{ protection_end }}.{% endif %}",
             "Leicester report s.8.1-8.2 (the nearest spinal point; pay protection); the figures: the person's case"),
        Said("All your other terms and conditions of employment are unchanged. This letter is the written statement "
             "of the changes to your particulars of employment (your post, grade and salary), which take effect on "
             "{{ effective_date }}.",
             "ERA s.4(1) and (3): a written statement of any change to the particulars, given no later than the day "
             "the change takes effect"),
        _APPEAL,
    ],
    "matched": [
        Said("Your slotting: matched, subject to assessment"),
        Said("Under the slotting policy of the {{ review_name }}, your current post of {{ current_post_title }} has "
             "been matched to the post of {{ new_post_title }} ({{ new_grade }}) in the new structure.",
             "Leicester notes of 28 October 2011, item 5 (matching)"),
        Said("You are invited to a competency assessment for the post, to be held by {{ assessments_by }}. If you are "
             "confirmed in the post, your salary will be {{ new_salary }} (spinal point {{ spinal_point }})"
             "{% if protection %}, with pay protection of {{ protection_schedule }}, until {{ protection_end }}"
             "{% endif %}.",
             "Leicester notes of 28 October 2011, item 5 (matched employees are assessed against the changed job) and "
             "report s.11.1 (interviews); report s.8.1-8.2 (pay and protection)"),
        Said("If you are not confirmed in the post, you will be at risk of redundancy. We would then consult you "
             "individually, look with you for suitable alternative employment, and you could apply for the posts "
             "ring-fenced for people at risk. No decision to dismiss anyone is made by this letter.",
             _AT_RISK_RULES),
        Said("The new post differs from your current one, so if you are confirmed in it you will have a trial period "
             "of {{ trial_weeks }} weeks from when you start it. If, during the trial, you or we decide that the post "
             "is not suitable, you will be treated as dismissed for redundancy when your current contract ended, and "
             "whether a redundancy payment is due will depend on whether the post was suitable and ending the trial "
             "reasonable.",
             "ERA s.138(2)-(3) (a trial period of four weeks in a changed job) and s.141(3)-(4) (unreasonable "
             "refusal of suitable employment)"),
        Said("Until you are confirmed in the new post, your current post, pay and other terms and conditions are "
             "unchanged. If you are confirmed, we will give you a written statement of the changes; your other terms "
             "and conditions will stay as they are.",
             "ERA s.4(1) and (3): a written statement of any change to the particulars"),
        _APPEAL,
    ],
    "competitive": [
        Said("Your slotting: a competitive selection"),
        Said("Under the slotting policy of the {{ review_name }}, more people have a claim on the post of "
             "{{ new_post_title }} ({{ new_grade }}) than it has places: {{ pool_candidates }} people for "
             "{{ pool_places }}. A competitive selection will be held by {{ assessments_by }}.",
             "Leicester notes of 28 October 2011, item 5 (more employees than posts: a competitive selection)"),
        Said("The selection will be by {{ selection_method }}, and every candidate will be assessed in the same way "
             "against {{ selection_criteria }}.",
             "Leicester report s.11.1 (interviews by Member panels) and notes of 28 October 2011, item 5 (the "
             "requirements of the changed job); objective criteria applied to all: Williams v Compair Maxam [1982] "
             "ICR 156"),
        Said("If you are selected, your salary will be {{ new_salary }} (spinal point {{ spinal_point }}). If you are "
             "not selected, you will be at risk of redundancy: we would write to you, consult you individually and "
             "look with you for suitable alternative employment before any decision on dismissal{% if "
             "ring_fenced_posts %}, and you may apply for these ring-fenced posts: {{ ring_fenced_posts }}{% endif %}.",
             _AT_RISK_RULES + "; the posts open: the person's case"),
        Said("Until the selection is made, your current post, pay and other terms and conditions are unchanged. If "
             "you are appointed, we will give you a written statement of the changes; your other terms and "
             "conditions will stay as they are.",
             "ERA s.4(1) and (3): a written statement of any change to the particulars"),
        _APPEAL,
    ],
    "displaced": [
        Said("Your slotting: at risk of redundancy"),
        Said("I am sorry to tell you that, under the slotting policy of the {{ review_name }}, there is no post in the "
             "new structure into which you can be slotted, and you are at risk of redundancy.",
             _AT_RISK_RULES),
        Said("This letter is not notice of dismissal. No decision to dismiss you has been made, and none will be made "
             "until consultation with you has finished.",
             "Leicester report s.12.1 (formal notice of dismissal only after the Regulations' process); consultation "
             "before a decision: Polkey v A E Dayton Services [1988] AC 344"),
        Said("We will invite you to an individual consultation meeting, to explain the proposal, hear your views and "
             "any alternatives you suggest, and talk about ways of avoiding your redundancy.",
             "individual consultation: Williams v Compair Maxam [1982] ICR 156 and Polkey v A E Dayton Services "
             "[1988] AC 344; collective consultation alongside it: TULRCA 1992 s.188"),
        Said("{% if ring_fenced_posts %}These posts are ring-fenced for people at risk, and you may apply for them: "
             "{{ ring_fenced_posts }}.{% else %}No ring-fenced post is open to you at present.{% endif %} We will also "
             "look with you for suitable alternative employment, and tell you of vacancies during consultation and "
             "any notice. The law gives some employees priority for a suitable alternative vacancy: those on "
             "maternity, adoption or shared parental leave, and (from 6 April 2024) those who are pregnant or have "
             "recently returned from such leave. If this applies to you, please tell {{ hr_contact }}.",
             "Leicester notes of 28 October 2011, item 5 (ring-fence); the posts open: the person's case; priority: "
             "Maternity and Parental Leave etc. Regulations 1999 reg 10, Paternity and Adoption Leave Regulations "
             "2002 reg 23, Shared Parental Leave Regulations 2014 reg 39, extended by the Protection from "
             "Redundancy (Pregnancy and Family Leave) Act 2023 and SI 2024/310 from 6 April 2024"),
        Said("If you accept an alternative post whose terms differ from your current ones, you will have a trial "
             "period of {{ trial_weeks }} weeks{% if trial_end %} (if you start it when your current contract could "
             "first end, on {{ earliest_dismissal }}, the trial ends on {{ trial_end }}){% endif %}. If, during the "
             "trial, you or we decide that the post is not suitable, you will be treated as dismissed for redundancy "
             "when your current contract ended, and keep your right to a redundancy payment unless you unreasonably "
             "refused suitable employment.",
             "ERA s.138(2)-(3) (the statutory trial period) and s.141(3)-(4); the dates: the person's case"),
        Said("If you were dismissed, your notice period would be {{ notice_weeks }} weeks, and no dismissal could take "
             "effect before {{ earliest_dismissal }}.",
             "ERA s.86(1) (the statutory minimum) or the contract, whichever is longer; the dates: the person's case "
             "(TULRCA 1992 s.188 for the consultation period before the first dismissal)"),
        Said("On the figures we hold today, we estimate that your redundancy payment would be {{ redundancy_estimate }} "
             "({{ redundancy_weeks }} weeks' pay) and your pay for your notice {{ notice_pay_estimate }}. Any notice "
             "of dismissal would confirm the final figures.",
             "ERA s.155, s.162 and s.227 (statutory redundancy pay and the week's pay limit on the relevant date, "
             "s.145); the Local Government (Early Termination of Employment) (Discretionary Compensation) (England "
             "and Wales) Regulations 2006 reg 5-6 where the employer enhances it; the figures: the person's case"),
        Said("If you are a member of the Local Government Pension Scheme and are 55 or over when your employment ends "
             "by redundancy, your pension is paid straight away, without reduction.{% if pension_position %} "
             "{{ pension_position }}{% endif %}",
             "Local Government Pension Scheme Regulations 2013 reg 30(7); the person's position: their case (pension "
             "strain at 55 or over)"),
        Said("If you are given notice of dismissal for redundancy and have by then two years' continuous employment, "
             "you may take reasonable paid time off during working hours to look for new employment or to arrange "
             "training for future employment.",
             "ERA s.52 and s.53 (time off to look for work, paid up to 40% of a week's pay in all)"),
        Said("If you were dismissed, you would have a right of appeal against the dismissal, separate from an appeal "
             "against this slotting. It would be heard by {{ dismissal_appeal_to }}, and any notice of dismissal "
             "would say how to appeal.",
             "Leicester report s.12.1 and s.14.4 (the right of appeal against dismissal to a committee not "
             "previously involved); Acas Code of Practice on disciplinary and grievance procedures, para 26-27, as "
             "good practice"),
        Said("Until then, your post, pay and other terms and conditions are unchanged.",
             "ERA s.4(1): no change to the particulars is made by this letter"),
        _APPEAL,
    ],
    "on_hold": [
        Said("Your slotting: the post is on hold"),
        Said("Under the slotting policy of the {{ review_name }}, your claim is on the post of {{ new_post_title }}, but "
             "appointments to that post are on hold. We will write to you again when the hold is lifted.",
             "Leicester report s.7.1 (appointment to a new post suspended)"),
        Said("Until then, you stay in your current post of {{ current_post_title }} on your current pay, and your "
             "other terms and conditions are unchanged.",
             "Leicester report s.7.1; ERA s.4(1): no change to the particulars is made by this letter"),
        _APPEAL,
    ],
    "out_of_review": [
        Said("The review does not change your post"),
        Said("Your post of {{ current_post_title }} is outside the scope of the {{ review_name }}. Your post, grade, "
             "pay and other terms and conditions are unchanged.",
             "the review's scope (old_structure.posts[].in_review); ERA s.4(1): no change to the particulars"),
    ],
}


def paragraphs(outcome: str) -> list[Said]:
    """Gives an outcome's letter, paragraph by paragraph, with each paragraph's source."""
    if outcome in TEXTS:
        return [*OPENING, *TEXTS[outcome], *CLOSING]
    from .outcome_texts import DECIDED_TEXTS  # they reuse this module's texts: imported when first asked for

    return [*OPENING, *DECIDED_TEXTS[outcome], *CLOSING]


def with_source(said: Said) -> str:
    """Gives a paragraph as a template holds it: its text and, when it has one, its source as a Jinja comment
    (which filling removes)."""
    return f"{said.text}{{# Source: {said.source} #}}" if said.source else said.text


def lines(outcome: str) -> list[str]:
    """Gives an outcome's template, one paragraph a line, each with its source."""
    return [with_source(said) for said in paragraphs(outcome)]
