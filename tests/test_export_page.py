"""The export page: one click for the workbook, what it holds, the filters' note, and the
progress bar a large workspace is built with."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from conftest import app_test
from journey import export
from journey.workspace import open_workspace
from test_export import build_shop

PAGE = "views/export.py"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export-page") / "workspaces"
    folder.mkdir()
    db = open_workspace(folder / "Corner Shop.db")
    build_shop(db)
    db.close()
    open_workspace(folder / "Empty.db").close()
    return folder


@pytest.fixture
def shop(home, monkeypatch):
    monkeypatch.setenv("JOURNEY_HOME", str(home))
    return "Corner Shop"


def contents(at) -> dict[str, int]:
    table = at.main.dataframe[0].value
    return {sheet: None if pd.isna(rows) else int(rows)
            for sheet, rows in zip(table["Sheet"], table["Rows"])}


def captions(at) -> str:
    return " ".join(c.value for c in at.main.caption)


def test_the_page_offers_the_workbook_in_one_click(shop):
    at = app_test(shop, PAGE)
    assert not at.exception
    assert at.title[0].value == "Export"
    assert [b.label for b in at.main.get("download_button")] == ["Download the workbook"]
    assert not [b for b in at.main.button if b.label == "Build the workbook"]
    held = contents(at)
    assert list(held) == list(export.SHEETS) and held["Overview"] is None
    assert (held["Clients"], held["Events"], held["Personas"], held["Touchpoints"]) == \
        (5, 4, 2, 2)
    assert f"Corner-Shop-journey-{dt.date.today().isoformat()}.xlsx" in captions(at)
    assert "None is set: every client is in the workbook." in captions(at)


def test_the_filters_say_what_the_clients_sheet_holds(shop):
    at = app_test(shop, PAGE)
    at.multiselect(key="filter_region").set_value(["NSW"]).run()
    assert not at.exception
    assert "Filtered: region NSW." in at.main.info[0].value
    assert (contents(at)["Clients"], contents(at)["Events"]) == (2, 3)


def test_a_large_workspace_is_built_with_a_progress_bar_first(shop, monkeypatch):
    monkeypatch.setattr(export, "LARGE_WORKSPACE_ROWS", 0)
    at = app_test(shop, PAGE)
    assert not at.main.get("download_button")
    next(b for b in at.main.button if b.label == "Build the workbook").click().run()
    assert not at.exception
    assert [b.label for b in at.main.get("download_button")] == ["Download the workbook"]
    book = openpyxl.load_workbook(io.BytesIO(at.session_state["_export_ready"][1]))
    assert book.sheetnames == list(export.SHEETS)
    assert book["Clients"].max_row == 6
    at.run()                                    # the built workbook stays ready
    assert [b.label for b in at.main.get("download_button")] == ["Download the workbook"]


def test_an_empty_workspace_exports_empty_tables(shop):
    at = app_test("Empty", PAGE)
    assert not at.exception
    assert "No clients or events yet" in captions(at)
    assert [b.label for b in at.main.get("download_button")] == ["Download the workbook"]
