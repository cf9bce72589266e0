"""Saves the emulator's tables and report files to a folder and loads them back.

moto keeps everything in memory, so the local stack snapshots it: one JSON-lines
file per table (items in DynamoDB's wire format) and the bucket's objects as
files. Reading whole tables here is fine: this is the development stack's
save/restore, never a request path.
"""

import json
import os
import tempfile
from pathlib import Path

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.tables import TABLES


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)


def save(folder: Path) -> int:
    """Write every table and report object under ``folder``; returns items saved."""
    config = settings()
    dynamodb = client("dynamodb")
    saved = 0
    for spec in TABLES:
        name = config.table(spec.name)
        lines = []
        for page in dynamodb.get_paginator("scan").paginate(TableName=name):
            lines.extend(json.dumps(item, sort_keys=True) for item in page["Items"])
        saved += len(lines)
        _write_atomic(folder / "dynamodb" / f"{spec.name}.jsonl", "\n".join(lines))
    s3 = client("s3")
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=config.reports_bucket):
        for entry in page.get("Contents", []):
            target = folder / "s3" / entry["Key"]
            if target.exists() and target.stat().st_size == entry["Size"]:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            s3.download_file(config.reports_bucket, entry["Key"], str(target))
    return saved


def load(folder: Path) -> int:
    """Put back what ``save`` wrote; returns items loaded."""
    config = settings()
    dynamodb = client("dynamodb")
    loaded = 0
    for spec in TABLES:
        path = folder / "dynamodb" / f"{spec.name}.jsonl"
        if not path.exists():
            continue
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        for start in range(0, len(items), 25):
            batch = [{"PutRequest": {"Item": item}} for item in items[start : start + 25]]
            pending = {config.table(spec.name): batch}
            while pending:
                pending = dynamodb.batch_write_item(RequestItems=pending).get("UnprocessedItems")
        loaded += len(items)
    s3_folder = folder / "s3"
    if s3_folder.exists():
        s3 = client("s3")
        for path in s3_folder.rglob("*"):
            if path.is_file():
                s3.upload_file(
                    str(path), config.reports_bucket, path.relative_to(s3_folder).as_posix()
                )
    return loaded
