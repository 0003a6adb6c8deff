"""The cascade's end: every person's standing once the records are applied, and the free places open to each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..case import NO_PAYMENT
from ..pay import placer
from .places import CascadePerson, day_text
from .records import Records
from .standing import LISTED, PROPOSAL, Decided, Offer, Standing, Status


class Cascade(Records):
    """The cascade run: the records applied, and where each person ends."""

    def finish(self) -> Decided:
        """Gives every person's standing once the records are applied."""
        held: dict[str, int | Decimal] = {}
        for person in self.people.values():
            for post in person.holds:
                held[post] = held.get(post, 0) + person.weight
        self.frozen_free = {post: places - held.get(post, 0) - (self.pools[post].places if post in self.pools else 0)
                            for post, places in self.places.items()}
        self.free_posts = [post for post in sorted(self.places) if self.frozen_free[post] > 0]
        self.post_facts = {post: (self.titles[post], self.review.grade[self.review.new_post[post].grade],
                                  post in self.on_hold) for post in self.free_posts}
        standings = []
        for p in self.result.people:
            person = self.people[p.id]
            first, *rest = person.history
            person.history = [first, *sorted(rest, key=lambda s: s.date or dt.date.min)]
            records = tuple(dict.fromkeys(s.record for s in person.history if s.record != PROPOSAL))
            status, reason, offers = self._status(person)
            standings.append(Standing(
                p.id, person.outcome, status, tuple(sorted(person.holds)), reason, records, tuple(person.history),
                self.review.person[p.id].priority, status == "on_trial" or person.at_risk or bool(person.pools),
                person.since if person.at_risk or status == "on_trial" else None,
                person.trial_end if status == "on_trial" else None, person.no_payment, offers,
                tuple(sorted(person.pools))))
        free = tuple((post, self.free(post)) for post in sorted(self.places) if self.free(post) > 0)
        return Decided(tuple(standings), free, tuple(dict.fromkeys(self.warnings)), self._offers_of)

    def _status(self, person: CascadePerson) -> tuple[Status, str, tuple[str, ...]]:
        """Gives the person's status, the reason with the records it cites, and the free places open to them."""
        status, said, offers = self._standing(person)
        cited = list(dict.fromkeys(s.record for s in person.history if s.record != PROPOSAL))
        return status, said + (f" (decisions: {', '.join(cited)})" if cited else " (the proposal)"), offers

    def _standing(self, person: CascadePerson) -> tuple[Status, str, tuple[str, ...]]:
        """Gives the person's status, the reason in words, and the free places open to them."""
        if person.left is not None:
            status, record, day = person.left
            return status, f"{status.replace('_', ' ')} on {day}", ()
        if person.holds:
            post, (record, how) = sorted(person.holds.items())[0]
            if how == "matched":
                held = " (the post is on hold)" if post in self.on_hold else ""
                return "still_open", f"matched to {post}: the assessment is not yet recorded{held}", ()
            if how == "on_trial":
                return "on_trial", f"on trial in {post} until {person.trial_end}", ()
            if how == "redeployed":
                return "redeployed", f"redeployed to {post}", ()
            if how == "assimilated":
                return "appointed", f"assimilated to {post}", ()
            return "appointed", f"appointed to {post}" + (" on appeal" if record in self.appeals else ""), ()
        offers = self._open_posts(person)
        if person.pools:
            pools = ", ".join(sorted(person.pools))
            held = " (the post is on hold)" if any(p in self.on_hold for p in person.pools) else ""
            return "still_open", f"a candidate in the pool for {pools}: no selection yet recorded{held}", offers
        since = f"at risk since {day_text(person.since)}"
        payment = f"; {NO_PAYMENT}: {person.no_payment} was an unreasonable refusal of suitable employment" \
            if person.no_payment else ""
        if offers:
            shown = ", ".join(offers[:LISTED]) + (f" and {len(offers) - LISTED:,} more"
                                                                   if len(offers) > LISTED else "")
            return "still_open", f"{since}; the ring-fence is still open to them: {shown}{payment}", offers
        tried = sorted(person.tried)
        closed = f"no free place remains open to them (refused, failed on trial or not won: {', '.join(tried)})" \
            if tried else "no free place is open to them"
        return "compulsory_redundancy", f"{since}; {closed}{payment}", ()

    def _open_posts(self, person: CascadePerson) -> tuple[str, ...]:
        """Gives the free places open to the person, by post id."""
        free, tried, weight, every = self.frozen_free, person.tried, person.weight, self.open_to_all
        assert free is not None
        return tuple(post for post in self.free_posts if post not in tried and free[post] >= weight
                     and (every or self.open_to(person, post)))

    def _offers_of(self, person_id: str) -> tuple[Offer, ...]:
        """Gives the free places open to the person, each with the grade distance and the pay placed on its grade
        (the engine's alternative where it listed one): placed once a grade, not once a post."""
        person = self.people[person_id]
        slotted = self.result.person(person.id)
        assert slotted is not None
        review = self.review
        level = review.grade[review.old_post[slotted.current_post].grade].level
        listed = {a.post: a.new_salary for a in slotted.alternatives}
        salary = slotted.current_salary
        placed: dict[str, tuple[Decimal, Decimal]] = {}  # grade -> (pay placed on it, change)
        offers = []
        for post in self._open_posts(person):
            title, grade, on_hold = self.post_facts[post]
            amount = listed.get(post)
            pay: tuple[Decimal, Decimal] | None
            if amount is not None:
                pay = (amount, amount - salary)
            else:
                pay = placed.get(grade.id)
                if pay is None:
                    if grade.id not in self.placers:
                        self.placers[grade.id] = placer(review, grade)
                    amount = self.placers[grade.id](salary).amount
                    pay = placed[grade.id] = (amount, amount - salary)
            offers.append(Offer(post, title, grade.level - level, pay[0], pay[1], on_hold))
        return tuple(offers)
