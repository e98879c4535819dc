"""The demo's wording: names of people and places, posts, notes and answers, read once from the resource file.

The file (`resources/demo/words.json`, see `paths.demo_words_file`) holds only Vietnamese text; how often each
is drawn stays in the code. `{name}` fields in a template are filled by the module that uses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from grassroots_app import paths
from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import RecommendationField

Post = tuple[str, str]  # a position and its workplace
Titles = tuple[str, str, str]  # a party committee's word ("Tỉnh ủy"), its member's title, its decision suffix


@dataclass(frozen=True)
class Words:
    """Everything the demo writes in Vietnamese, in the order the generator draws from it."""

    regions: dict[int, str]  # an official province code -> its region
    hamlet_kinds: dict[tuple[str, str], tuple[str, ...]]  # (region, commune kind) -> the kinds of its hamlets
    hamlet_names: dict[str, tuple[str, ...]]  # a hamlet kind -> names a hamlet of that kind may have
    district_first: tuple[str, ...]  # a made-up district's name is a first and a different second word
    district_second: tuple[str, ...]
    family_names: tuple[str, ...]
    family_weights: tuple[float, ...]  # how common each family name is
    middle_names: dict[bool, tuple[str, ...]]  # female? -> middle names
    given_names: dict[bool, tuple[str, ...]]  # female? -> given names
    phone_prefixes: tuple[str, ...]
    party_bodies: dict[str, Titles]  # the kind of a province or district -> its party committee's titles
    commune_party_body: Titles
    standing_post: str  # {committee}, {duty}
    standing_duties: tuple[str, ...]  # {committee}, {kind}
    committee_posts: dict[Tier, tuple[Post, ...]]  # {committee}, {party}, {place}
    staff_posts: dict[Tier, tuple[Post, ...]]
    cell_member_post: Post  # {hamlet}, {place}
    retirement: str  # the reason a cadre who retired left, one of end_reasons
    end_reasons: tuple[str, ...]
    cluster_name: str  # {number}
    group_kind: str
    group_name: str  # {number}
    activity_notes: dict[ActivityKind, tuple[str, ...]]  # {month}, {place}, {n} households
    recommendations: dict[RecommendationField, tuple[tuple[str, str], ...]]  # (content with {place}, answer)
    forward_bodies: dict[Preset, dict[RecommendationField, tuple[str, ...]]]  # {commune}, {district}, {province}
    resolve_notes: tuple[str, ...]
    close_notes: tuple[str, ...]
    rating_notes: dict[Grade, tuple[str, ...]]


def _pair(raw: list[str]) -> tuple[str, str]:
    """Return a two-item list as a pair."""
    first, second = raw
    return first, second


def _posts(raw: dict[str, list[list[str]]]) -> dict[Tier, tuple[Post, ...]]:
    """Return posts by tier."""
    return {Tier(tier): tuple(map(_pair, rows)) for tier, rows in raw.items()}


def _titles(raw: list[str]) -> Titles:
    """Return a party committee's three titles."""
    word, member, suffix = raw
    return word, member, suffix


def parse_words(raw: dict[str, Any]) -> Words:
    """Return the wording held by the decoded resource file."""
    return Words(
        regions={code: region for region, codes in raw["regions"].items() for code in codes},
        hamlet_kinds={
            (region, kind): tuple(hamlets)
            for region, kinds in raw["hamlet_kinds"].items()
            for kind, hamlets in kinds.items()
        },
        hamlet_names={kind: tuple(names) for kind, names in raw["hamlet_names"].items()},
        district_first=tuple(raw["district_first"]),
        district_second=tuple(raw["district_second"]),
        family_names=tuple(raw["family_names"]),
        family_weights=tuple(raw["family_names"].values()),
        middle_names={sex == "female": tuple(names) for sex, names in raw["middle_names"].items()},
        given_names={sex == "female": tuple(names) for sex, names in raw["given_names"].items()},
        phone_prefixes=tuple(raw["phone_prefixes"]),
        party_bodies={kind: _titles(titles) for kind, titles in raw["party_bodies"].items()},
        commune_party_body=_titles(raw["commune_party_body"]),
        standing_post=raw["standing_post"],
        standing_duties=tuple(raw["standing_duties"]),
        committee_posts=_posts(raw["committee_posts"]),
        staff_posts=_posts(raw["staff_posts"]),
        cell_member_post=_pair(raw["cell_member_post"]),
        retirement=raw["retirement"],
        end_reasons=tuple(raw["end_reasons"]),
        cluster_name=raw["cluster_name"],
        group_kind=raw["group_kind"],
        group_name=raw["group_name"],
        activity_notes={ActivityKind(kind): tuple(notes) for kind, notes in raw["activity_notes"].items()},
        recommendations={
            RecommendationField(subject): tuple(map(_pair, rows)) for subject, rows in raw["recommendations"].items()
        },
        forward_bodies={
            Preset(preset): {RecommendationField(subject): tuple(names) for subject, names in bodies.items()}
            for preset, bodies in raw["forward_bodies"].items()
        },
        resolve_notes=tuple(raw["resolve_notes"]),
        close_notes=tuple(raw["close_notes"]),
        rating_notes={Grade(grade): tuple(notes) for grade, notes in raw["rating_notes"].items()},
    )


@cache
def demo_words() -> Words:
    """Return the demo's wording, reading the resource file the first time."""
    with paths.demo_words_file().open(encoding="utf-8") as file:
        return parse_words(json.load(file))
