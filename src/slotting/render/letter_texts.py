"""The default letters' texts, one per outcome: the Word templates are made from them (data/letters/_make.py)
and the Markdown letters use them directly. Each line is a paragraph; {{ fields }} are filled from
rules.letters.fields."""

from __future__ import annotations

OPENING = ["{{ review_name }}", "", "Dear {{ person_name }},", ""]
CLOSING = ["", "If you have any questions, please speak to your HR adviser. You may be accompanied at any meeting "
           "by a trade union representative or a work colleague.", "", "Yours sincerely,", "", "Human Resources"]
TEXTS = {
    "assimilated": [
        "Your post in the new structure",
        "I am writing to confirm that, under the slotting policy of the {{ review_name }}, you have been assimilated "
        "into the post of {{ new_post_title }} ({{ new_grade }}) in the new structure, from {{ effective_date }}.",
        "Your salary will be {{ new_salary }} (spinal point {{ spinal_point }}).{% if protection %} This is less than "
        "your current salary, so your pay is protected: {{ protection_schedule }}, until {{ protection_end }}.{% endif %}",
        "If you wish to appeal against this slotting, please write to HR by {{ appeals_close }}.",
    ],
    "matched": [
        "Your slotting: matched, subject to assessment",
        "Under the slotting policy of the {{ review_name }}, your current post of {{ current_post_title }} has been "
        "matched to the post of {{ new_post_title }} ({{ new_grade }}) in the new structure.",
        "You are invited to a competency assessment for the post, to be held by {{ assessments_by }}. If you are "
        "confirmed in the post, your salary will be {{ new_salary }} (spinal point {{ spinal_point }})"
        "{% if protection %}, with pay protection of {{ protection_schedule }}, until {{ protection_end }}{% endif %}.",
        "If you wish to appeal against this slotting, please write to HR by {{ appeals_close }}.",
    ],
    "competitive": [
        "Your slotting: a competitive selection",
        "Under the slotting policy of the {{ review_name }}, more people have a claim on the post of "
        "{{ new_post_title }} ({{ new_grade }}) than it has places: {{ pool_candidates }} people for "
        "{{ pool_places }}. A competitive selection will be held by {{ assessments_by }}.",
        "If you are selected, your salary will be {{ new_salary }} (spinal point {{ spinal_point }}). If you are not "
        "selected, you will be at risk of redundancy{% if ring_fenced_posts %}, and you may apply for these "
        "ring-fenced posts: {{ ring_fenced_posts }}{% endif %}.",
        "If you wish to appeal against this slotting, please write to HR by {{ appeals_close }}.",
    ],
    "displaced": [
        "Your slotting: at risk of redundancy",
        "I am sorry to tell you that, under the slotting policy of the {{ review_name }}, there is no post in the new "
        "structure into which you can be slotted, and you are at risk of redundancy.",
        "{% if ring_fenced_posts %}These posts are ring-fenced for people at risk, and you may apply for them: "
        "{{ ring_fenced_posts }}.{% else %}No ring-fenced post is open to you at present.{% endif %} "
        "HR will also look with you for suitable alternative employment.",
        "Your notice period would be {{ notice_weeks }} weeks; no dismissal could take effect before "
        "{{ earliest_dismissal }}.",
        "If you wish to appeal against this slotting, please write to HR by {{ appeals_close }}.",
    ],
    "on_hold": [
        "Your slotting: the post is on hold",
        "Under the slotting policy of the {{ review_name }}, your claim is on the post of {{ new_post_title }}, but "
        "appointments to that post are on hold. We will write to you again when the hold is lifted.",
        "If you wish to appeal against this slotting, please write to HR by {{ appeals_close }}.",
    ],
    "out_of_review": [
        "The review does not change your post",
        "Your post of {{ current_post_title }} is outside the scope of the {{ review_name }}. Your post, grade and "
        "pay are unchanged.",
    ],
}


def lines(outcome: str) -> list[str]:
    return [*OPENING, *TEXTS[outcome], *CLOSING]
