"""Type stubs for ordernorm.dask."""

from typing import Any, Iterator

import dask.bag
import dask.dataframe
import pandas

class OrderBags:
    orders: dask.bag.Bag
    rejects: dask.bag.Bag
    warnings: dask.bag.Bag
    def __iter__(self) -> Iterator[dask.bag.Bag]: ...
    def to_dataframe(self) -> dask.dataframe.DataFrame: ...

def order_meta(timestamps: str = "str") -> pandas.DataFrame: ...
def to_dataframe(orders: dask.bag.Bag, timestamps: str = "str") -> dask.dataframe.DataFrame: ...
def read_orders(
    urlpath: str | list[str],
    source: str = "auto",
    blocksize: int | str | None = "64MiB",
    *,
    rejects: bool = False,
    storage_options: dict[str, Any] | None = None,
    **options: Any,
) -> Any: ...
