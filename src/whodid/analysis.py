"""Analysis over the event store, as pandas DataFrames: dyad time series (events by quad class, Goldstein sum,
mentions per day, week or month).

    from whodid.store import Store
    from whodid.analysis import dyad_series
    with Store("events.duckdb", read_only=True) as store:
        frame = dyad_series(store, "USA", "PRK", by="month")
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from whodid.store import Store, sql_filters

PERIODS = ("day", "week", "month")
SERIES_COLUMNS = ("period", "events", "q1", "q2", "q3", "q4", "goldstein", "mentions")


def dyad_series(store: Store, a: str, b: str, by: str = "month", *, level: str = "events",
                **filters: Any) -> pd.DataFrame:
    """Events between ``a`` and ``b`` (ISO3, actor code or name; either side) per period.

    Columns: ``period`` (first day of the day/ISO week/month), ``events``, ``q1``..``q4`` (events per quad class),
    ``goldstein`` (sum), ``mentions`` (sum of mentions; 1 per row at ``level="mentions"``). An event is counted
    only when its date lies within one period (a "2025-10" event has no week); how many were left out is in
    ``frame.attrs["too_coarse"]``. Further filters as :meth:`Store.query` (``status="asserted"``, ``since`` ...).
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose one of: {', '.join(PERIODS)}")
    if level not in ("events", "mentions"):
        raise ValueError(f"unknown level {level!r}; choose events or mentions")
    where, params = sql_filters(dyad=(a, b), level=level, **filters)
    where.append("date_start IS NOT NULL")
    mentions = "n_mentions" if level == "events" else "1"
    fits = f"date_trunc('{by}', date_start) = date_trunc('{by}', date_end)"
    sql = f"""
        SELECT CAST(date_trunc('{by}', date_start) AS DATE) AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
               count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein, sum({mentions}) AS mentions
        FROM {level} WHERE {' AND '.join(where)} AND {fits}
        GROUP BY 1 ORDER BY 1"""
    frame = store.connection.execute(sql, params).df()
    coarse = store.connection.execute(
        f"SELECT count(*) FROM {level} WHERE {' AND '.join(where)} AND NOT ({fits})", params).fetchone()[0]
    for column in SERIES_COLUMNS[1:]:
        if column != "goldstein":
            frame[column] = frame[column].astype("int64")
    frame["period"] = pd.to_datetime(frame["period"])
    frame.attrs["too_coarse"] = int(coarse)
    return frame
