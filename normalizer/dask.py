"""Running the engine on Dask: collections for pipelines, and the cluster the CLI uses.

Needs the optional extra: ``pip install normalizer[dask]`` (dask.distributed, pyarrow,
pandas). Each worker process builds one `Normalizer` per profile and keeps it, so the
lexicon loads once per process however many partitions it handles.

- `normalize_series(series)`: a pandas Series of texts to their clean texts;
- `normalize_bag(bag)`: a dask.bag of texts to a bag of clean texts;
- `normalize_frame(ddf, column)`: a dask DataFrame with ``COLUMN_normalized`` added;
- `cluster_client(scheduler, workers)`: a `distributed.Client` of an existing cluster or
  of a new local one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .pipeline import Normalizer
from .profile import Profile

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import distributed
    import pandas

MISSING_EXTRA = "the Dask executor needs the optional extra: pip install 'normalizer[dask]'"


@lru_cache(maxsize=8)
def engine(profile: Profile | None = None) -> Normalizer:
    """This process's `Normalizer` for `profile`, built once and kept."""
    return Normalizer(profile)


def _clean_texts(texts: Any, profile: Profile | None, options: dict[str, Any]) -> list[str]:
    normalizer = engine(profile)
    return [normalizer.normalize(text, **options).text for text in texts]


def normalize_series(
    series: pandas.Series, profile: Profile | None = None, **options: Any
) -> pandas.Series:
    """The clean text of each text in `series` (same index and name). `options` are
    `Normalizer.normalize`'s per-call options (mode, only, skip, allow, gazetteer)."""
    import pandas as pd

    return pd.Series(
        _clean_texts(series, profile, options), index=series.index, name=series.name,
        dtype=object,
    )


def normalize_bag(
    bag: dask.bag.Bag, profile: Profile | None = None, **options: Any
) -> dask.bag.Bag:
    """A bag of the clean texts of `bag`'s texts, partition by partition."""
    return bag.map_partitions(_clean_texts, profile, options)


def normalize_frame(
    ddf: dask.dataframe.DataFrame, column: str, profile: Profile | None = None, **options: Any
) -> dask.dataframe.DataFrame:
    """`ddf` with a ``COLUMN_normalized`` column: the clean text of `column`."""
    output = f"{column}_normalized"
    meta = ddf._meta.assign(**{output: ddf._meta[column].astype(object)})

    def partition(frame: pandas.DataFrame) -> pandas.DataFrame:
        return frame.assign(**{output: normalize_series(frame[column], profile, **options)})

    return ddf.map_partitions(partition, meta=meta)


@contextmanager
def cluster_client(scheduler: str | None, workers: int) -> Iterator[distributed.Client]:
    """A client of the cluster at `scheduler` (``tcp://HOST:PORT``), or of a new local
    cluster of `workers` single-threaded worker processes, closed (with the local cluster)
    on exit. Raise ImportError with `MISSING_EXTRA` when dask.distributed is missing."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError(MISSING_EXTRA) from exc
    if scheduler:
        with Client(scheduler, timeout="20s") as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster, Client(cluster) as client:
        yield client
