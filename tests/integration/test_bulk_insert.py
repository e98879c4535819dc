"""New units inserted as tuples through the driver read back as the ORM would have stored them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine, select

from grassroots_app.domain.model import Level, Period, Unit, UnitAttributes
from grassroots_app.persistence import mapping
from grassroots_app.persistence.bulk import insert_tuples
from grassroots_app.persistence.tables import UnitRow, metadata

UNITS = [
    Unit("u1", Level.PROVINCE, "tỉnh", "Tỉnh Lạng Sơn", None, Period(date(2020, 1, 1)), "20",
         UnitAttributes(True, 10, 40, 2)),
    Unit("u2", Level.COMMUNE, "xã", "Xã Tân Đoàn", "u1", Period(date(2021, 7, 1), date(2025, 7, 1)), None,
         UnitAttributes()),
]


@pytest.mark.parametrize("paramstyle", ["qmark", "named"])  # the driver's executemany, and Core for other drivers
def test_units_inserted_as_tuples_read_back_as_the_orm_writes_them(paramstyle: str) -> None:
    engine = create_engine("sqlite://", paramstyle=paramstyle)
    metadata.create_all(engine)
    with engine.begin() as connection:
        insert_tuples(connection, UnitRow.__table__, mapping.UNIT_COLUMNS,  # type: ignore[attr-defined]
                      [mapping.unit_values(unit) for unit in UNITS])
        stored = [tuple(row) for row in connection.execute(select(UnitRow.__table__).order_by("id"))]  # type: ignore[attr-defined]
        raw = connection.exec_driver_sql("SELECT valid_from, valid_to, is_remote FROM unit ORDER BY id").fetchall()
    expected = []
    for unit in UNITS:
        row = mapping.unit_to_row(unit)
        expected.append(tuple(getattr(row, column) for column in mapping.UNIT_COLUMNS))
    assert stored == expected
    assert raw == [("2020-01-01", None, 1), ("2021-07-01", "2025-07-01", 0)]
