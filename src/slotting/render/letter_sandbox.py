"""The Jinja sandbox that fills letter templates: templates are data, so what they may do is bounded.

A template is checked once, before any letter: only output, `if`, `for` and `set`/`with` are allowed
(no includes, imports, macros or `{% autoescape %}`), only the fields and `range` may be named, lists
may hold only written values, and only filters that cannot blow up are known. The checked template is
then rewritten so that every loop step is counted and every `~` join is measured, and compiled once.

While a letter is filled, everything a template builds is measured against a budget reset for each
letter (limits.py): a range gives at most LETTER_RANGE numbers, loops take at most LETTER_LOOP_STEPS steps,
no value is longer than LETTER_TEXT_CHARS (or the longest field), the text built in all is at most
LETTER_WORK_CHARS and the letter itself at most LETTER_CHARS. `'x' * 10**8`, `9 ** 9 ** 9`, `'%999999999d' % 1`
and `str.center` are refused before they run. Jinja's own sandbox (no `__class__`, no unsafe calls) stays
underneath; its module-wide MAX_RANGE is left alone (a process-wide setting), `range` is ours instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import StrictUndefined, meta, nodes
from jinja2.filters import FILTERS
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from .. import limits


class TemplateError(ValueError):
    """A template that cannot be used, or that failed while a letter was filled: the message names the template
    (and the person and the place in the document, where known)."""


class Refused(Exception):
    """A template asked for more than a letter may take, or for something templates may not do."""


_INT_BITS = 4096  # an integer a template computes (a salary has 20 bits)
_STR_METHODS = frozenset({"upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip",
                          "rstrip", "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
                          "islower", "count", "find"})  # none grows text beyond three times its length
FILTERS_ALLOWED = ("abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "int", "join",
                   "last", "length", "lower", "replace", "reverse", "round", "string", "striptags", "title", "trim",
                   "truncate", "upper", "wordcount")
GLOBALS = frozenset({"range"})  # the names a template may use besides the fields
_INCLUDES = "includes are not allowed ({% include %}, {% import %}, {% extends %}): a letter template stands alone"
_REFUSED_NODES: dict[type[nodes.Node], str] = {
    nodes.Include: _INCLUDES, nodes.Import: _INCLUDES, nodes.FromImport: _INCLUDES, nodes.Extends: _INCLUDES,
    nodes.Block: "{% block %} is not allowed: a letter template stands alone",
    nodes.Macro: "macros are not allowed", nodes.CallBlock: "macros are not allowed ({% call %})",
    nodes.FilterBlock: "{% filter %} blocks are not allowed; put the filter on the field",
    nodes.AssignBlock: "{% set %}...{% endset %} blocks are not allowed; write {% set name = ... %}",
    nodes.EvalContextModifier: "{% autoescape %} is not allowed: fields are always escaped",
    nodes.ScopedEvalContextModifier: "{% autoescape %} is not allowed: fields are always escaped",
}


def _size(value: Any) -> int:
    """The size of a value a template built: characters of text, items of a list, digits of a number."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple, range, dict)):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 3
    return 0


class Budget:
    """What one letter may still take: loop steps, text built, text written. Reset before each letter."""

    def __init__(self) -> None:
        self.reset(0)

    def reset(self, longest_field: int) -> None:
        self.steps = limits.LETTER_LOOP_STEPS
        self.work = limits.LETTER_WORK_CHARS
        self.written = limits.LETTER_CHARS
        self.text = max(limits.LETTER_TEXT_CHARS, longest_field)

    def step(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise Refused(f"its loops take more than {limits.LETTER_LOOP_STEPS:,} steps for one letter")

    def would_build(self, size: int) -> None:
        if size > self.text:
            raise Refused(f"it builds a value of {size:,} characters; at most {self.text:,} are allowed")

    def built(self, value: Any) -> Any:
        size = _size(value)
        self.would_build(size)
        self.work -= size
        if self.work < 0:
            raise Refused(f"it builds more than {limits.LETTER_WORK_CHARS:,} characters of text for one letter")
        return value

    def wrote(self, size: int) -> None:
        self.written -= size
        if self.written < 0:
            raise Refused(f"the letter is more than {limits.LETTER_CHARS:,} characters of XML once filled")


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox with every growth measured against a letter's budget (see the module's docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, budget: Budget, *, autoescape: bool) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=autoescape, finalize=budget.built)
        self.budget = budget
        self.filters = {name: _bounded(FILTERS[name], name, budget) for name in FILTERS_ALLOWED}
        self.globals = {"range": self._range, "_steps": self._steps, "_concat": self._concat}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str):
            return attr in _STR_METHODS
        if isinstance(obj, LoopContext):
            return super().is_safe_attribute(obj, attr, value)
        return False

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _refuse_binop(operator, left, right)
        if operator == "*":
            text, times = (left, right) if isinstance(left, str) else (right, left)
            if isinstance(text, str) and isinstance(times, int):
                self.budget.would_build(len(text) * max(times, 0))
        elif operator == "+" and isinstance(left, str) and isinstance(right, str):
            self.budget.would_build(len(left) + len(right))
        return self.budget.built(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: B902 - Jinja's names
        return __self.budget.built(super().call(__context, __obj, *args, **kwargs))

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:
            count = limits.LETTER_RANGE + 1
        if count > limits.LETTER_RANGE:
            raise Refused(f"range() may give at most {limits.LETTER_RANGE:,} numbers")
        return numbers

    def _steps(self, values: Iterable[Any]) -> Iterator[Any]:
        for value in values:
            self.budget.step()
            yield value

    def _concat(self, *values: Any) -> str:
        markup = any(hasattr(v, "__html__") for v in values)
        parts = [escape(v) if markup else str(v) for v in values]
        self.budget.would_build(sum(map(len, parts)))
        return Markup("").join(parts) if markup else "".join(parts)


def _bounded(function: Callable[..., Any], name: str, budget: Budget) -> Callable[..., Any]:
    """Gives a filter that refuses what would grow too large before it runs, and measures what it gives."""

    @functools.wraps(function)  # keeps Jinja's pass_eval_context / pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in args if not _is_jinja_state(a)]
        if name == "replace" and len(values) >= 3 and all(isinstance(v, str) for v in values[:3]):
            text, old, new = values[:3]
            count = len(text) + 1 if not old else text.count(old)
            budget.would_build(len(text) + count * max(len(new) - len(old), 0))
        elif name == "join" and values:
            separator = values[1] if len(values) > 1 else kwargs.get("d", "")
            items = values[0]
            if isinstance(separator, str) and hasattr(items, "__len__"):
                budget.would_build(len(separator) * max(len(items) - 1, 0))
        return budget.built(function(*args, **kwargs))

    return bounded


def _is_jinja_state(value: Any) -> bool:
    from jinja2.environment import Environment
    from jinja2.nodes import EvalContext

    return isinstance(value, (Environment, EvalContext))


class _Counted(NodeTransformer):
    """Rewrites a checked template: every loop's values pass through _steps, every `~` through _concat."""

    def __init__(self, environment: Sandbox) -> None:
        self.environment = environment

    def _call(self, name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
        function = nodes.Name(name, "load", lineno=lineno, environment=self.environment)
        return nodes.Call(function, args, [], None, None, lineno=lineno, environment=self.environment)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = self._call("_steps", [node.iter], node.lineno)  # type: ignore[list-item]  # an Expr
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return self._call("_concat", list(node.nodes), node.lineno)


def _refuse_binop(operator: str, left: Any, right: Any) -> None:
    """Raises Refused for an operation a letter has no need of that could build a value without bound: lists repeated
    or joined, text formatted with %, numbers multiplied or raised past _INT_BITS."""
    if operator in ("*", "+") and (isinstance(left, (list, tuple)) or isinstance(right, (list, tuple))):
        raise Refused(f"lists cannot be repeated or joined with {operator}")
    if operator == "%" and isinstance(left, str):
        raise Refused("text cannot be formatted with %; write each field where it goes")
    if not (isinstance(left, int) and isinstance(right, int)):
        return
    if operator == "*" and left.bit_length() + right.bit_length() > _INT_BITS:
        raise Refused("it multiplies numbers too large for a letter")
    if operator == "**" and right > 0 and abs(left) > 1 and right * left.bit_length() > _INT_BITS:
        raise Refused("it raises a number to a power too large for a letter")


def _refusal(tree: nodes.Template) -> tuple[str, int] | None:
    """Gives (why, line) for the first construct a letter template may not use, or None."""
    for node in tree.find_all(nodes.Node):
        kind = type(node)
        if kind in _REFUSED_NODES:
            return _REFUSED_NODES[kind], node.lineno
        if isinstance(node, nodes.For) and node.recursive:
            return "recursive loops are not allowed", node.lineno
        if isinstance(node, nodes.Filter) and node.name not in FILTERS_ALLOWED:
            return (f"the filter {node.name!r} is not allowed; the filters are {', '.join(FILTERS_ALLOWED)}",
                    node.lineno)
        if isinstance(node, (nodes.List, nodes.Tuple, nodes.Dict)) and getattr(node, "ctx", "load") == "load":
            items = [p for item in node.items for p in ((item.key, item.value) if isinstance(item, nodes.Pair) else (item,))]
            if not all(isinstance(i, (nodes.Const, nodes.List, nodes.Tuple, nodes.Dict)) for i in items):
                return "a list may hold only written values ('a', 1), not fields or other expressions", node.lineno
    return None


def compiled(environment: Sandbox, source: str, fields: Iterable[str]) -> Any:
    """Gives the compiled template of a source, once it is checked; raises Refused (with .lineno) or Jinja's
    TemplateSyntaxError."""
    tree = environment.parse(source)
    refused = _refusal(tree)
    if refused is not None:
        error = Refused(refused[0])
        error.lineno = refused[1]  # type: ignore[attr-defined]
        raise error
    unknown = sorted(meta.find_undeclared_variables(tree) - set(fields) - GLOBALS)
    if unknown:
        error = Refused(f"unknown field(s) {', '.join(map(repr, unknown))}; the fields are {', '.join(fields)}")
        error.unknown = unknown  # type: ignore[attr-defined]
        raise error
    return environment.from_string(_Counted(environment).visit(tree))


def filled(template: Any, context: dict[str, str], budget: Budget) -> str:
    """Gives a compiled template's text for one letter, counted against the budget as it is written."""
    pieces = []
    for piece in template.generate(context):
        budget.wrote(len(piece))
        pieces.append(piece)
    return "".join(pieces)


def template_line(error: BaseException) -> int | None:
    """The line of the template where an error was raised (Jinja puts the template's lines in the traceback)."""
    line = getattr(error, "lineno", None)
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == "<template>":
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def reason(error: BaseException) -> str:
    """Gives what went wrong in plain words."""
    if isinstance(error, RecursionError):
        return "it is nested too deeply"
    if isinstance(error, MemoryError):
        return "it needs more memory than a letter may take"
    if isinstance(error, ZeroDivisionError):
        return "it divides by zero"
    message = getattr(error, "message", None) or str(error)
    text = re.sub(r"\s+", " ", message).strip()
    return text[:300] if isinstance(error, Refused) or type(error).__module__.startswith("jinja2") \
        else f"{type(error).__name__}: {text[:300]}"
