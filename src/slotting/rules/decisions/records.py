"""The records applied: each decision type (withdrawal, voluntary redundancy, assessment, selection,
redeployment) and an upheld appeal's outcome, moving people and places as the policy states (see the package's
docstring), and saying what a record cannot do as a located problem."""

from __future__ import annotations

from decimal import Decimal

from ...model.decisions import PRIORITY_SOURCE, Decision, NewOutcome
from ..case import NO_PAYMENT
from .places import Appeal, CascadePerson, Places, SetAside, has_priority
from .standing import PROPOSAL, Step


class Records(Places):
    """The cascade's state with the records applied to it, one at a time."""

    def apply(self, d: Decision, set_aside: SetAside) -> None:
        """Applies one record (not an appeal) to the people it names, or says why it cannot be applied."""
        people = [pid for pid in d.people if pid in self.people]
        missing = [pid for pid in d.people if pid not in self.people]
        for pid in missing:
            self.problem(d, "person" if d.person else "candidates",
                         f"{pid!r} is not in the slotting (not in review, or holding a post outside it)")
        if missing:
            return
        if d.post is not None and d.post not in self.places:
            self.problem(d, "post", f"new post {d.post!r} is not in the slotting (in_review: false)")
            return
        getattr(self, f"_{d.type}")(d, people, set_aside)

    def _withdrawal(self, d: Decision, people: list[str], set_aside: SetAside) -> None:
        """Applies a withdrawal: the person leaves the process, giving up any place or claim."""
        person = self.people[people[0]]
        if self.gone(person, d, "person"):
            return
        self.release(person, d.date, "withdrew", d.id)
        person.left = ("withdrawn", d.id, d.date)
        self.note(person, d, f"withdrawn ({d.reason}), recorded by {d.by}: any place or claim they had is given up")

    def _voluntary_redundancy(self, d: Decision, people: list[str], set_aside: SetAside) -> None:
        """Applies a voluntary redundancy request: accepted, the person leaves and their place is free."""
        person = self.people[people[0]]
        if self.gone(person, d, "person"):
            return
        if d.result == "declined":
            self.note(person, d, f"voluntary redundancy requested on {d.requested}, declined by {d.by}")
            return
        held = sorted(person.holds)
        self.release(person, d.date, "left by voluntary redundancy", d.id)
        person.left, person.at_risk = ("voluntary_redundancy", d.id, d.date), False
        freed = f"; the place on {', '.join(held)} is free" if held else ""
        self.note(person, d, f"voluntary redundancy requested on {d.requested}, accepted by {d.by}{freed}")

    def _assessment(self, d: Decision, people: list[str], set_aside: SetAside) -> None:
        """Applies a matched person's assessment: confirmed, they take the post; not, they are at risk."""
        person = self.people[people[0]]
        assert d.post is not None
        if self.gone(person, d, "person"):
            return
        held = person.holds.get(d.post)
        if held is None or held[1] != "matched":
            now = ", ".join(f"{post} ({how})" for post, (_, how) in sorted(person.holds.items())) or "no post"
            self.problem(d, "post", f"{person.id!r} is not matched to {d.post!r} awaiting assessment (they hold "
                         f"{now}): only a matched person is assessed; a pool is decided by a selection")
            return
        if d.post in self.on_hold:
            self.problem(d, "post", f"{d.post!r} is on hold (new_structure.posts[].on_hold): no one is assessed for "
                         "it while the hold lasts")
            return
        if (d.id, person.id) in set_aside:
            self.appeal_outcome(person, set_aside[(d.id, person.id)], d)
            return
        if d.result == "confirmed":
            self.hold(person, d.post, d.id, "confirmed")
            self.note(person, d, f"confirmed in {d.post} by {d.by}: appointed")
            return
        self.drop(person, d.post)
        self.note(person, d, f"not confirmed in {d.post} by {d.by}: at risk; the place on {d.post} joins the "
                  "ring-fence")
        self.at_risk_from(person, d.date)

    def _selection(self, d: Decision, people: list[str], set_aside: SetAside) -> None:
        """Applies a selection: a competitive pool's, or the ring-fence's for a post with free places."""
        assert d.post is not None
        post, appointed = d.post, list(d.appointed or ())
        if post in self.on_hold:
            self.problem(d, "post", f"{post!r} is on hold (new_structure.posts[].on_hold): no appointment is made "
                         "to it while the hold lasts")
            return
        if any(self.gone(self.people[pid], d, "candidates") for pid in people):
            return
        weight = sum((self.people[pid].weight for pid in appointed), 0)
        fenced = post not in self.pools
        fits = self._fenced_fits(d, post, people, weight) if fenced else self._pool_fits(d, post, people, weight)
        if not fits:
            return
        if not fenced:
            del self.pools[post]
        for pid in people:
            person = self.people[pid]
            person.pools.discard(post)
            if (d.id, pid) in set_aside:
                self.appeal_outcome(person, set_aside[(d.id, pid)], d)
            elif pid in appointed:
                self._selected(d, person, post, fenced)
            else:
                self._not_selected(d, person, post, fenced)
        left = self.free(post)
        if not fenced and left > 0:
            for pid in people:
                self.people[pid].history[-1:] = [Step(d.id, d.date, self.people[pid].history[-1].text
                                                      + f"; {left} place(s) on {post} left unfilled join the "
                                                      "ring-fence")]

    def _pool_fits(self, d: Decision, post: str, people: list[str], weight: int | Decimal) -> bool:
        """True when a pool's selection names exactly its candidates and appoints no more than its places; else
        each problem is said."""
        pool = self.pools[post]
        outside = [pid for pid in people if pid not in pool.candidates]
        absent = [pid for pid in pool.candidates if pid not in people]
        if outside:
            self.problem(d, "candidates", f"{', '.join(map(repr, outside))} not in the competitive pool for "
                         f"{post!r} (candidates now: {', '.join(pool.candidates)})")
        if absent:
            self.problem(d, "candidates", f"the pool for {post!r} also holds {', '.join(map(repr, absent))}: "
                         "every candidate is selected or not")
        if weight > pool.places:
            self.problem(d, "appointed", f"{len(d.appointed or ())} appointed to {post!r}, which has {pool.places} "
                         "place(s) in its pool")
        return not (outside or absent or weight > pool.places)

    def _fenced_fits(self, d: Decision, post: str, people: list[str], weight: int | Decimal) -> bool:
        """True when a ring-fence selection is for free places, among people at risk that day, and appoints no more
        than are free; else each problem is said."""
        free = self.free(post)
        if free <= 0:
            self.problem(d, "post", f"{post!r} has no competitive pool and no free place on {d.date}: nothing "
                         "to select for")
            return False
        not_at_risk = [pid for pid in people if not self.people[pid].at_risk
                       or (self.people[pid].since or d.date) > d.date]
        if not_at_risk:
            self.problem(d, "candidates", f"{', '.join(map(repr, not_at_risk))} not at risk on {d.date}: the "
                         f"free places on {post!r} are ring-fenced for the people at risk")
        if weight > free:
            self.problem(d, "appointed", f"{len(d.appointed or ())} appointed to {post!r}, which has {free} free "
                         f"place(s) on {d.date}")
        return not (not_at_risk or weight > free)

    def _selected(self, d: Decision, person: CascadePerson, post: str, fenced: bool) -> None:
        """Appoints a person the selection chose (leaving their other pools: one post is enough)."""
        if fenced:
            self._priority_check(person, d, post)
        if not self._appoint(person, d, post, "appointed", "appointed"):
            return
        for other in sorted(person.pools):  # a 50/50 split: one post is enough
            self.leave_pool(person, other, d.date, f"was appointed to {post}", d.id)
        self.note(person, d, f"appointed to {post} by {d.by}{_panel(d)}" + (" (ring-fence)" if fenced else "")
                  + self._scores(d, person.id))

    def _not_selected(self, d: Decision, person: CascadePerson, post: str, fenced: bool) -> None:
        """Records a candidate the selection did not choose: a ring-fenced post is then tried for them."""
        if fenced:
            person.tried.add(post)
        self.note(person, d, f"not appointed to {post} by {d.by}{_panel(d)}" + self._scores(d, person.id)
                  + ("" if person.holds or person.pools or person.at_risk else ": at risk"))
        self.at_risk_from(person, d.date)

    def _scores(self, d: Decision, pid: str) -> str:
        """Gives a candidate's selection scores in words (nothing when none are recorded)."""
        scores = next((c.scores for c in d.candidates or () if c.person == pid), {})
        if not scores:
            return ""
        return " - scores " + ", ".join(f"{k} {v}" for k, v in sorted(scores.items())) + \
            f" (total {sum(scores.values())})"

    def _appoint(self, person: CascadePerson, d: Decision | Appeal, post: str, how: str, field_name: str) -> bool:
        """Gives the person the post, or says why they cannot have it."""
        firm = {p: r for p, r in person.holds.items() if r[1] not in ("matched",)}
        if firm and post not in firm:
            other, (record, _) = sorted(firm.items())[0]
            by = "the proposal" if record == PROPOSAL else f"decision {record!r}"
            self.problem(d if isinstance(d, Decision) else d.record, field_name,
                         f"{person.id!r} already holds {other!r} (by {by}): a person is appointed once")
            return False
        self.drop(person, post)
        if self.free(post) < person.weight:
            self.problem(d if isinstance(d, Decision) else d.record, field_name,
                         f"{post!r} has no free place on {d.date}" + self._holders(post))
            return False
        for other in sorted(person.holds):  # a pending match elsewhere is given up
            self.drop(person, other)
        self.hold(person, post, d.id, how)
        person.at_risk = False
        return True

    def _holders(self, post: str) -> str:
        """Gives who holds the post, and by which record, for a message."""
        held = sorted(f"{p.id} ({'the proposal' if p.holds[post][0] == PROPOSAL else p.holds[post][0]})"
                      for p in self.holders.get(post, {}).values())
        return f": held by {', '.join(held)}" if held else ""

    def _redeployment(self, d: Decision, people: list[str], set_aside: SetAside) -> None:
        """Applies a redeployment offer to a person at risk: refused, tried, or taken (on trial or for good)."""
        person = self.people[people[0]]
        assert d.post is not None and d.offered is not None
        if self.gone(person, d, "person"):
            return
        if d.post in self.on_hold:
            self.problem(d, "post", f"{d.post!r} is on hold (new_structure.posts[].on_hold): it cannot be offered "
                         "while the hold lasts")
            return
        if not person.at_risk:
            self.problem(d, "person", f"{person.id!r} is not at risk on {d.offered}: redeployment is offered to the "
                         "people at risk")
            return
        if person.since is not None and d.offered < person.since:
            self.problem(d, "offered", f"offered on {d.offered}, before {person.id!r} was at risk ({person.since})")
            return
        if (d.id, person.id) in set_aside:
            self.appeal_outcome(person, set_aside[(d.id, person.id)], d)
            return
        suitable = "suitable" if d.suitable else "not suitable"
        said = f"offered {d.post} on {d.offered} ({suitable} alternative employment) by {d.by}"
        if d.response == "refused":
            person.tried.add(d.post)
            if d.suitable and d.refusal_reasonable is False:
                person.no_payment = d.id
                said += f"; refused unreasonably: {NO_PAYMENT}"
            else:
                said += "; refused" + (" reasonably" if d.refusal_reasonable else "")
            self.note(person, d, said)
            return
        if d.trial == "failed":
            person.tried.add(d.post)
            self.note(person, d, said + f"; accepted; the trial period failed{self._ended(d)}: still at risk "
                      "(ERA 1996 s.138(2))")
            return
        self._priority_check(person, d, d.post)
        how = "on_trial" if d.trial == "running" else "redeployed"
        if not self._appoint(person, d, d.post, how, "post"):
            return
        person.trial_end = d.trial_end if d.trial == "running" else None
        tail = (f"; accepted, on trial until {d.trial_end} (ERA 1996 s.138(3))" if d.trial == "running"
                else f"; accepted, the trial period passed{self._ended(d)}" if d.trial == "passed" else "; accepted")
        self.note(person, d, said + tail + ": redeployed" * (d.trial != "running"))

    @staticmethod
    def _ended(d: Decision) -> str:
        """Gives the end of a trial period as a reason names it."""
        return f" (ended {d.trial_end})" if d.trial_end else ""

    def _priority_check(self, person: CascadePerson, d: Decision, post: str) -> None:
        """Warns when a place goes to a person without the statutory priority while one with it, at risk that day,
        had the post open to them and no decision about it."""
        if has_priority(self.review, person.id, d.date):
            return
        for other in self.with_priority:
            if other.id in d.people or not other.at_risk or not has_priority(self.review, other.id, d.date):
                continue
            if (other.id, post) in self.about:
                continue
            if (other.since is None or other.since <= d.date) and self.open_to(other, post):
                self.warnings.append(
                    f"{post} went to {person.id} ({d.id}, {d.date}) while {other.id}, who has the statutory "
                    f"redeployment priority ({self.review.person[other.id].priority}; {PRIORITY_SOURCE}), was at "
                    "risk and the post was open to them with no offer recorded")

    def appeal_outcome(self, person: CascadePerson, appeal: Appeal, replaced: Decision | None) -> None:
        """Applies an upheld appeal's outcome in the place of the decision set aside (or of the proposal)."""
        d = appeal.record
        if replaced is not None:
            self.note(person, replaced, f"a {replaced.type.replace('_', ' ')} by {replaced.by}, set aside on appeal "
                      f"{d.id}")
        what = f"decision {replaced.id}" if replaced is not None else "their outcome in the proposal"
        head = f"appeal upheld by {d.by} (lodged {d.lodged}, heard {d.heard}): {what} set aside"
        outcome = d.new_outcome
        if outcome == "withdrawn":
            if replaced is not None and replaced.type == "selection":
                self.problem(d, "new_outcome", "a selection set aside is run again as a new selection record; on "
                             "appeal against a selection, give new_outcome {post: X} or displaced")
                return
            self.note(person, appeal, head + "; the process resumes as before it")
            return
        if outcome == "displaced":
            held = sorted(person.holds)
            self.release(person, d.date, "was displaced on appeal", d.id)
            person.at_risk, person.since = False, None
            self.at_risk_from(person, d.date)
            freed = f"; the place on {', '.join(held)} is free" if held else ""
            self.note(person, appeal, head + f"; displaced: at risk{freed}")
            return
        assert isinstance(outcome, NewOutcome)
        post = outcome.post
        if post not in self.places:
            self.problem(d, "new_outcome", f"new post {post!r} is not in the slotting (in_review: false)")
            return
        for other in sorted(person.pools):
            self.leave_pool(person, other, d.date, f"was given {post} on appeal", d.id)
        for other in [p for p in person.holds if p != post]:
            self.drop(person, other)
        if self._appoint(person, appeal, post, "appointed", "new_outcome"):
            self.note(person, appeal, head + f"; appointed to {post}")


def _panel(d: Decision) -> str:
    """Gives the selection panel as a reason names it."""
    return f" (panel: {d.panel})" if d.panel else ""
