"""Errors the rules raise: an English message template with named values, translated for display."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)


def N_(text: str) -> str:
    """Mark a message for translation without translating it here."""
    return text


class DomainError(Exception):
    """A refusal or bad input that the user can understand and correct."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.render(lambda text: text))

    def __reduce__(self) -> tuple[Callable[..., DomainError], tuple[Any, ...]]:
        """Travel between processes with the template and values, not only the English text."""
        return _rebuild, (type(self), self.template, self.params)

    def render(self, translate: Callable[[str], str]) -> str:
        """Return the message with the template and any enum values passed through `translate`."""
        values = {key: _shown(value, translate) for key, value in self.params.items()}
        return translate(self.template).format(**values)


def _rebuild(kind: type[DomainError], template: str, params: dict[str, Any]) -> DomainError:
    """Make a domain error again from what __reduce__ gave."""
    return kind(template, **params)


class Phrase:
    """A piece of a message with its own template and values, translated when the message is shown."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params

    def render(self, translate: Callable[[str], str]) -> str:
        """Return the phrase with its template and values passed through `translate`."""
        values = {key: _shown(value, translate) for key, value in self.params.items()}
        return translate(self.template).format(**values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)


def render_phrase(phrase: Phrase, translate: Callable[[str], str] = lambda text: text) -> str:
    """Return a phrase as shown (in English unless a translation is given)."""
    return phrase.render(translate)


def _shown(value: Any, translate: Callable[[str], str]) -> Any:
    """Return a message value as shown: labels and phrases translated, tuples of labels joined."""
    if isinstance(value, (Phrase, DomainError)):
        return value.render(translate)
    if isinstance(value, Labelled):
        return translate(value.label)
    if isinstance(value, tuple):
        return " / ".join(str(_shown(item, translate)) for item in value)
    return value


class InvalidInput(DomainError):
    """A value that is malformed or out of range."""


def enum_member(kind: type[E], value: object, template: str, name: str) -> E:
    """Return the member of `kind` a value names, or refuse an unknown one (the value is `name` in the template)."""
    try:
        return kind(value)
    except ValueError:
        raise InvalidInput(template, **{name: value}) from None


class NotFound(DomainError):
    """A reference that names nothing."""


class RuleViolation(DomainError):
    """A well-formed request that a rule of the model refuses."""


class Labelled(Enum):
    """An enum whose members carry a human label to translate."""

    @property
    def label(self) -> str:
        """Return the English label of the member."""
        return _LABELS.get((type(self), self.value), str(self.value))


# Keyed by (enum class, value): members of str enums with equal values compare equal.
_LABELS: dict[tuple[type, Any], str] = {}


def register_labels(labels: list[tuple[Labelled, str]]) -> None:
    """Record the English labels of enum members (a list: equal str-enum members would collide in a dict)."""
    _LABELS.update({(type(member), member.value): text for member, text in labels})
