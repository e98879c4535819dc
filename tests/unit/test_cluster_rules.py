"""Cluster rule: a commune belongs to at most one cluster at a time."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.clusters import check_single_cluster
from grassroots_app.domain.errors import RuleViolation
from grassroots_app.domain.model import Period


def test_accepts_a_commune_in_no_cluster() -> None:
    check_single_cluster("Xã Tân Lập", Period(date(2025, 1, 1)), [])


def test_accepts_a_membership_after_the_previous_one_ended() -> None:
    check_single_cluster(
        "Xã Tân Lập", Period(date(2025, 7, 1)), [("Cụm 1", Period(date(2024, 1, 1), date(2025, 7, 1)))]
    )


def test_refuses_an_overlap_with_an_open_membership_naming_the_cluster() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_single_cluster("Xã Tân Lập", Period(date(2025, 7, 1)), [("Cụm Bắc", Period(date(2024, 1, 1)))])
    assert str(caught.value) == "'Xã Tân Lập' already belongs to the cluster 'Cụm Bắc' from 01/01/2024."


def test_refuses_an_open_membership_starting_before_a_later_one() -> None:
    with pytest.raises(RuleViolation):
        check_single_cluster(
            "Xã Tân Lập", Period(date(2024, 1, 1)), [("Cụm Nam", Period(date(2025, 1, 1), date(2025, 6, 1)))]
        )
