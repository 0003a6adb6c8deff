"""The package's legal tables read by libyaml's safe loader give what PyYAML's pure safe loader gives, and a lookup
by day finds the row in force whichever way it is asked."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import yaml

import slotting.data as data


def _tables():
    root = files(data)
    for folder in (root, root.joinpath("severance"), root.joinpath("init")):
        yield from (p for p in folder.iterdir() if p.name.endswith(".yaml"))


def test_every_table_reads_the_same_with_the_c_loader_as_with_the_pure_one():
    found = list(_tables())
    assert len(found) >= 12
    for path in found:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=data._LOADER) == yaml.safe_load(text), path.name


def test_in_force_is_the_latest_row_on_or_before_the_day_in_each_jurisdiction():
    for jurisdiction in data.JURISDICTIONS:
        rows = data.legal_table("weekly_limits", jurisdiction)
        for row in rows:
            day = row["since"]
            assert data.in_force("weekly_limits", day, jurisdiction) is row
            later = [r for r in rows if r["since"] > day]
            if later:
                assert data.in_force("weekly_limits", later[0]["since"] - dt.timedelta(days=1), jurisdiction) is row
        assert data.in_force("weekly_limits", rows[0]["since"] - dt.timedelta(days=1), jurisdiction) is None
