"""The default texts of the current stage's letters (`letters --stage current`), one per outcome letter of
rules.outcome_letters; the Word templates are made from them (scripts/make_letter_templates.py) as the proposal's are.

As in letter_texts, each paragraph that states a right, a duty or a fact carries its source, kept in the template
as a Jinja comment. The at-risk paragraphs (not notice; consultation; the ring-fence, redeployment and its
priority; the trial period; notice, the estimates, the pension and time off) are the displaced letter's own.
"""

from __future__ import annotations

from .letter_texts import TEXTS, Said

_DISPLACED = TEXTS["displaced"]
# From "This letter is not notice of dismissal" to the paid time off to look for work (ERA s.52).
AT_RISK = _DISPLACED[2:10]

_DECIDED = ("the decision record ({{ decision_ref }}): decisions[] of the review")
_DECISION_APPEAL = Said(
    "If you believe this decision was wrong, you may appeal against it: write to {{ hr_contact }}, setting out your "
    "grounds. Your appeal will be heard by {{ appeal_to }}, and you may be "
    "accompanied at the hearing by a trade union representative or a work colleague.",
    "Leicester report s.10.2-10.3 (appeals under the review protocol, heard by someone with no previous involvement); "
    "Acas Code of Practice on disciplinary and grievance procedures, para 26-27, as good practice")
_DISMISSAL_APPEAL = Said(
    "If you were dismissed, you would have a right of appeal against the dismissal, separate from an appeal against "
    "this decision. It would be heard by {{ dismissal_appeal_to }}, and any notice of dismissal would say how to "
    "appeal.",
    "Leicester report s.12.1 and s.14.4 (the right of appeal against dismissal to a committee not previously "
    "involved); Acas Code of Practice on disciplinary and grievance procedures, para 26-27, as good practice")
_UNCHANGED_AT_RISK = Said("Until then, your post, pay and other terms and conditions are unchanged.",
                          "ERA s.4(1): no change to the particulars is made by this letter")
_PAY = Said(
    "{% if new_salary %}Your salary will be {{ new_salary }} (spinal point {{ spinal_point }}).{% if protection_schedule %} "
    "This is less than your current salary, so your pay is protected: {{ protection_schedule }}, until "
    "{{ protection_end }}.{% endif %}{% else %}We will confirm your salary in the post separately.{% endif %}",
    "Leicester report s.8.1-8.2 (the nearest spinal point; pay protection); the figures: the person's case")
_STATEMENT = Said(
    "All your other terms and conditions of employment are unchanged. This letter is the written statement of the "
    "changes to your particulars of employment (your post, grade and salary), which take effect on "
    "{{ effective_date }}.",
    "ERA s.4(1) and (3): a written statement of any change to the particulars, given no later than the day the "
    "change takes effect")
_TRIAL_IN_POST = Said(
    "The new post differs from your current one, so you will have a trial period of {{ trial_weeks }} weeks from when "
    "you start it. If, during the trial, you or we decide that the post is not suitable, you will be treated as "
    "dismissed for redundancy when your current contract ended, and whether a redundancy payment is due will depend "
    "on whether the post was suitable and ending the trial reasonable.",
    "ERA s.138(2)-(3) (a trial period of four weeks in a changed job) and s.141(3)-(4) (unreasonable refusal of "
    "suitable employment)")

DECIDED_TEXTS = {
    "confirmed": [
        Said("Your assessment: confirmed in post"),
        Said("Following your competency assessment by {{ decided_by }} on {{ decision_date }}, I am pleased to confirm "
             "that you have been confirmed in the post of {{ new_post_title }} ({{ new_grade }}) in the new structure, "
             "from {{ effective_date }}.",
             "Leicester notes of 28 October 2011, item 5 (matched employees are assessed; confirmed, they take the "
             "post) and report s.11.1 (interviews); " + _DECIDED),
        _PAY, _TRIAL_IN_POST, _STATEMENT,
    ],
    "not_confirmed": [
        Said("Your assessment: not confirmed in post, at risk of redundancy"),
        Said("Following your competency assessment by {{ decided_by }} on {{ decision_date }}, I am sorry to tell you "
             "that you have not been confirmed in the post of {{ decision_post }}. You are now at risk of "
             "redundancy, and the place on that post joins the posts ring-fenced for people at risk.",
             "Leicester notes of 28 October 2011, item 5 (not confirmed: at risk; posts left unfilled are "
             "ring-fenced); report s.12.1; " + _DECIDED),
        *AT_RISK, _DISMISSAL_APPEAL, _UNCHANGED_AT_RISK, _DECISION_APPEAL,
    ],
    "appointed": [
        Said("Your appointment in the new structure"),
        Said("I am pleased to confirm that, following the selection by {{ decided_by }} on {{ decision_date }}, you "
             "have been appointed to the post of {{ new_post_title }} ({{ new_grade }}) in the new structure, from "
             "{{ effective_date }}.",
             "Leicester notes of 28 October 2011, item 5 (a competitive selection; ring-fenced posts) and report "
             "s.11.1 (interviews by Member panels); " + _DECIDED),
        _PAY, _TRIAL_IN_POST, _STATEMENT,
    ],
    "not_appointed": [
        Said("The selection: not appointed, at risk of redundancy"),
        Said("I am sorry to tell you that, following the selection for the post of {{ decision_post }} by "
             "{{ decided_by }} on {{ decision_date }}, you have not been appointed to it. You are at risk of "
             "redundancy.",
             "Leicester notes of 28 October 2011, item 5 (the unsuccessful in a selection are at risk and join the "
             "ring-fence for posts left unfilled) and report s.11.1; " + _DECIDED),
        *AT_RISK, _DISMISSAL_APPEAL, _UNCHANGED_AT_RISK, _DECISION_APPEAL,
    ],
    "redeployment": [
        Said("Redeployment: the post of {{ new_post_title }}"),
        Said("On {{ offered_date }} you were offered the post of {{ new_post_title }} ({{ new_grade }}){% if suitable "
             "%} as suitable alternative employment{% endif %}, and you accepted it (recorded by {{ decided_by }} on "
             "{{ decision_date }}).",
             "ERA s.141(1)-(3) (an offer of suitable alternative employment before the old contract ends); Leicester "
             "notes of 28 October 2011, item 5 (redeployment to ring-fenced posts); " + _DECIDED),
        Said("{% if trial_result == 'running' %}You are in a trial period in the post, which ends on {{ trial_end }}. "
             "If, before then, you or we decide that the post is not suitable, you will be treated as dismissed for "
             "redundancy on the day your previous contract ended, and keep your right to a redundancy payment unless "
             "the post was suitable and you ended the trial unreasonably.{% elif trial_result == 'passed' %}Your "
             "trial period in the post ended on {{ trial_end }}, and you are confirmed in it.{% else %}No trial "
             "period is recorded for the post.{% endif %}",
             "ERA s.138(2)-(3) and (6) (the statutory trial period of four weeks, or longer by agreement for "
             "retraining) and s.141(4) (ending a trial of suitable employment unreasonably); the trial's end: the "
             "decision record and the person's case"),
        _PAY, _STATEMENT,
    ],
    "dismissal": [
        Said("Notice of dismissal by reason of redundancy"),
        Said("{% if voluntary %}Your request for voluntary redundancy, made on {{ vr_requested }}, was accepted by "
             "{{ decided_by }} on {{ decision_date }}.{% else %}I am sorry to tell you that, after consultation, no "
             "suitable alternative post has been found for you in the {{ review_name }}, and you are to be dismissed "
             "by reason of redundancy.{% endif %}",
             "ERA s.139(1) (dismissal by reason of redundancy); Leicester report s.12.1 (dismissal after the "
             "process) and notes of 28 October 2011, item 5; the decision records: decisions[] of the review"),
        Said("This letter is your notice of dismissal. Your notice period is {{ notice_weeks }} weeks, given on "
             "{{ notice_given }}, and your employment will end on {{ earliest_dismissal }}.",
             "ERA s.86(1) (the statutory minimum) or the contract, whichever is longer; the dates: the person's case "
             "at the current stage"),
        Said("{% if no_redundancy_payment %}Because you unreasonably refused an offer of suitable alternative "
             "employment ({{ no_redundancy_payment }}), you are not entitled to a redundancy payment.{% else %}Your "
             "redundancy payment will be {{ redundancy_estimate }} ({{ redundancy_weeks }} weeks' pay){% if voluntary "
             "%}, on the terms of the voluntary redundancy scheme{% endif %}.{% endif %} Your pay for your notice "
             "period is {{ notice_pay_estimate }}.",
             "ERA s.141(2)-(3) (no redundancy payment after an unreasonable refusal of suitable employment); s.155, "
             "s.162 and s.227 (statutory redundancy pay and the week's pay limit on the relevant date, s.145); the "
             "Local Government (Early Termination of Employment) (Discretionary Compensation) (England and Wales) "
             "Regulations 2006 reg 5-6 where the employer enhances it; the figures: the person's case at the current "
             "stage"),
        _DISPLACED[8],  # the pension at 55 or over (LGPS Regulations 2013 reg 30(7))
        Said("As you are under notice of dismissal for redundancy, if you have two years' continuous employment you "
             "may take reasonable paid time off during working hours to look for new employment or to arrange "
             "training for future employment.",
             "ERA s.52 and s.53 (time off to look for work, paid up to 40% of a week's pay in all)"),
        Said("{% if not voluntary %}We will go on looking with you for suitable alternative employment during your "
             "notice. If you accept an alternative post whose terms differ from your current ones, you will have a "
             "trial period of {{ trial_weeks }} weeks.{% endif %}",
             "ERA s.138(2)-(3) (the trial period) and s.141; Leicester notes of 28 October 2011, item 5 "
             "(redeployment)"),
        Said("You may appeal against your dismissal: write to {{ hr_contact }} within the notice period, setting out "
             "your grounds. The appeal will be heard by {{ dismissal_appeal_to }}, and you may be accompanied at the "
             "hearing by a trade union representative or a work colleague.",
             "Leicester report s.12.1 and s.14.4 (the right of appeal against dismissal to a committee not "
             "previously involved); Acas Code of Practice on disciplinary and grievance procedures, para 26-27, as "
             "good practice"),
    ],
    "appeal_outcome": [
        Said("The outcome of your appeal"),
        Said("Your appeal against {{ appeal_against }}, lodged on {{ appeal_lodged }}, was heard on {{ appeal_heard }} "
             "by {{ decided_by }}{% if appeal_panel %} ({{ appeal_panel }}){% endif %}.",
             "Leicester report s.10.2-10.3 (appeals under the review protocol, heard by someone with no previous "
             "involvement); " + _DECIDED),
        Said("{% if appeal_result == 'upheld' %}Your appeal has been upheld, and the decision you appealed against is "
             "set aside.{% else %}Your appeal has been dismissed, and the decision you appealed against stands."
             "{% endif %} As a result, {{ what_follows }}.",
             "the appeal's result and new_outcome (decisions[]); what follows: the cascade of the decisions "
             "recorded (rules.decisions)"),
        Said("{% if at_risk %}{% if ring_fenced_posts %}These posts are ring-fenced for people at risk, and you may "
             "apply for them: {{ ring_fenced_posts }}.{% else %}No ring-fenced post is open to you at present.{% endif "
             "%} We will consult you individually and look with you for suitable alternative employment before any "
             "decision on dismissal.{% endif %}",
             "Leicester notes of 28 October 2011, item 5 (ring-fence); individual consultation: Williams v Compair "
             "Maxam [1982] ICR 156 and Polkey v A E Dayton Services [1988] AC 344"),
        Said("If you are later given notice of dismissal, you will have a separate right of appeal against it, heard "
             "by {{ dismissal_appeal_to }}.",
             "Leicester report s.12.1 and s.14.4 (the right of appeal against dismissal)"),
        Said("Your other terms and conditions are unchanged.",
             "ERA s.4(1): no change to the particulars is made by this letter"),
    ],
}
