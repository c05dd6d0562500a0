"""Type stubs for ordernorm (the _ordernorm extension and its wrappers)."""

import datetime
from typing import Any, Iterator, Literal, overload

__version__: str

Data = bytes | bytearray | memoryview | str
Order = dict[str, Any]
Shipment = dict[str, Any]
# {"record": int, "offset": int, "pointer": str, "code": str, "message": str}:
# the fields of the CLI's --rejects / --warnings lines, less "input".
Report = dict[str, Any]
Money = Literal["str", "decimal"]
Timestamps = Literal["str", "datetime"]

class Converter:
    def __init__(
        self,
        source: str = "auto",
        *,
        mapper: Literal["fast", "reference"] = "fast",
        strict: bool = False,
        max_record_bytes: int = -1,
        max_depth: int = -1,
        max_string_bytes: int = -1,
        as_of: str | None = None,
        money: Money = "str",
        timestamps: Timestamps = "str",
        threads: int = 0,
    ) -> None: ...
    @overload
    def convert(
        self,
        data: Data,
        output: Literal["dicts"] = "dicts",
        *,
        base_offset: int = 0,
        ndjson_chunk: bool = False,
    ) -> list[Order]: ...
    @overload
    def convert(
        self,
        data: Data,
        output: Literal["ndjson"],
        *,
        base_offset: int = 0,
        ndjson_chunk: bool = False,
    ) -> bytes: ...
    @property
    def rejects(self) -> list[Report]: ...
    @property
    def warnings(self) -> list[Report]: ...
    @property
    def records(self) -> int: ...
    @property
    def converted(self) -> int: ...
    @property
    def rejected(self) -> int: ...

class FileStream(Iterator[Any]):
    def __init__(
        self, path: str, converter: Converter, output: str = "dicts", batch_size: int = 1024
    ) -> None: ...
    def __iter__(self) -> FileStream: ...
    def __next__(self) -> Any: ...
    def close(self) -> None: ...
    def __enter__(self) -> FileStream: ...
    def __exit__(self, *args: object) -> None: ...
    @property
    def rejects(self) -> list[Report]: ...
    @property
    def warnings(self) -> list[Report]: ...
    @property
    def records(self) -> int: ...
    @property
    def converted(self) -> int: ...
    @property
    def rejected(self) -> int: ...

class Tracker:
    def __init__(
        self,
        source: str = "auto",
        *,
        explain: bool = False,
        mapper: Literal["fast", "reference"] = "fast",
        strict: bool = False,
        max_record_bytes: int = -1,
        max_depth: int = -1,
        max_string_bytes: int = -1,
        as_of: str | None = None,
        timestamps: Timestamps = "str",
    ) -> None: ...
    @overload
    def track(self, data: Data, output: Literal["dicts"] = "dicts") -> list[Shipment]: ...
    @overload
    def track(self, data: Data, output: Literal["ndjson"]) -> bytes: ...
    @property
    def rejects(self) -> list[Report]: ...
    @property
    def warnings(self) -> list[Report]: ...
    @property
    def records(self) -> int: ...
    @property
    def rejected(self) -> int: ...
    @property
    def shipments(self) -> int: ...

def input_layout(
    data: Data,
) -> Literal["ndjson", "bulk_export", "documents", "json_seq", "unknown"]: ...
@overload
def convert(
    data: Data,
    source: str = "auto",
    *,
    output: Literal["dicts"] = "dicts",
    mapper: Literal["fast", "reference"] = "fast",
    strict: bool = False,
    max_record_bytes: int = -1,
    max_depth: int = -1,
    max_string_bytes: int = -1,
    as_of: str | datetime.datetime | None = None,
    money: Money = "str",
    timestamps: Timestamps = "str",
    threads: int = 0,
) -> list[Order]: ...
@overload
def convert(
    data: Data,
    source: str = "auto",
    *,
    output: Literal["ndjson"],
    mapper: Literal["fast", "reference"] = "fast",
    strict: bool = False,
    max_record_bytes: int = -1,
    max_depth: int = -1,
    max_string_bytes: int = -1,
    as_of: str | datetime.datetime | None = None,
    money: Money = "str",
    timestamps: Timestamps = "str",
    threads: int = 0,
) -> bytes: ...
def convert_file(
    path: str,
    source: str = "auto",
    *,
    output: Literal["dicts", "ndjson"] = "dicts",
    batch_size: int = 1024,
    mapper: Literal["fast", "reference"] = "fast",
    strict: bool = False,
    max_record_bytes: int = -1,
    max_depth: int = -1,
    max_string_bytes: int = -1,
    as_of: str | datetime.datetime | None = None,
    money: Money = "str",
    timestamps: Timestamps = "str",
) -> FileStream: ...
def track(
    data: Data,
    source: str = "auto",
    *,
    output: Literal["dicts", "ndjson"] = "dicts",
    explain: bool = False,
    mapper: Literal["fast", "reference"] = "fast",
    strict: bool = False,
    max_record_bytes: int = -1,
    max_depth: int = -1,
    max_string_bytes: int = -1,
    as_of: str | datetime.datetime | None = None,
    timestamps: Timestamps = "str",
) -> Any: ...
