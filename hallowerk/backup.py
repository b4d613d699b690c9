"""Backup and restore of the database and the private files (issue 12).

A backup is a folder with three parts:
    database.dump   pg_dump's custom format
    private.tar     the private uploads (CVs, photos) under PRIVATE_MEDIA_ROOT
    manifest.json   every table's row count and every file's SHA-256
The row counts are taken in the same snapshot pg_dump reads (an exported snapshot), so they
describe exactly the dump even while the site keeps running. A restore checks the restored
database and files against the manifest and fails loudly when anything differs.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connection
from django.utils import timezone
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from hallowerk.database_roles import app_role_grant

DUMP, FILES, MANIFEST = "database.dump", "private.tar", "manifest.json"


class BackupError(Exception):
    pass


def postgres_tool(name: str) -> str:
    """pg_dump / pg_restore: from PG_BIN_DIR, else the embedded server's own (the same version
    as the server in development), else the PATH (the production image's postgresql-client)."""
    folder = os.environ.get("PG_BIN_DIR")
    if not folder:
        try:
            from pgserver._commands import POSTGRES_BIN_PATH

            folder = str(POSTGRES_BIN_PATH)
        except ImportError:
            folder = ""
    return str(Path(folder) / name) if folder else (shutil.which(name) or name)


def conninfo(database: str | None = None) -> str:
    """libpq connection string of the configured database, or of another database on the same
    server (a restore into a fresh database)."""
    params = {k: v for k, v in connection.get_connection_params().items()
              if k not in ("cursor_factory", "context", "prepare_threshold")}
    if database:
        params["dbname"] = database
    return make_conninfo(**params)


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                   "ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def row_counts(cursor) -> dict[str, int]:
    counts = {}
    for table in _tables(cursor):
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def file_checksums(root: Path) -> dict[str, str]:
    sums = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []:
        digest = hashlib.sha256()
        with path.open("rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
        sums[str(path.relative_to(root))] = digest.hexdigest()
    return sums


def _run(command: list[str], what: str, database: str) -> None:
    """Run pg_dump / pg_restore on `database` (a connection string); the password goes
    through the environment, not the command line that `ps` shows."""
    params = conninfo_to_dict(database)
    password = params.pop("password", None)
    env = {**os.environ, **({"PGPASSWORD": password} if password else {})}
    command = [*command, f"--dbname={make_conninfo(**params)}"]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode:
        raise BackupError(f"{what} failed: {done.stderr.strip()}")


def backup_create(output: Path) -> Path:
    """Write a new backup folder under `output`; returns its path."""
    target = output / f"hallowerk-{timezone.now():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    with psycopg.connect(conninfo()) as source:
        source.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with source.transaction(), source.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = row_counts(cursor)
            _run([postgres_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}",
                  "--no-owner", "--no-privileges", f"--file={target / DUMP}"], "pg_dump",
                 conninfo())
    files = file_checksums(private_root)
    with tarfile.open(target / FILES, "w") as archive:
        for name in files:
            archive.add(private_root / name, arcname=name)
    manifest = {"format": 1, "created": datetime.now().astimezone().isoformat(),
                "tables": counts, "files": files}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return target


@dataclass
class RestoreResult:
    tables: int
    rows: int
    files: int


def backup_restore(source: Path, database: str | None, private_root: Path) -> RestoreResult:
    """Restore `source` into `database` (default: the configured one), which must be empty,
    and its files into `private_root`; then check both against the manifest."""
    manifest = json.loads((source / MANIFEST).read_text())
    target = conninfo(database)
    with psycopg.connect(target, autocommit=True) as check, check.cursor() as cursor:
        if _tables(cursor):
            raise BackupError("The target database is not empty; restore into a new database.")
    _run([postgres_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", str(source / DUMP)], "pg_restore", target)
    private_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / FILES) as archive:
        archive.extractall(private_root, filter="data")
    with psycopg.connect(target) as restored, restored.cursor() as cursor:
        # The dump carries no rights (--no-privileges): the application role gets its own again.
        app_role_grant(cursor)
        counts = row_counts(cursor)
    problems = [f"table {t}: {manifest['tables'].get(t)} in the backup, {counts.get(t)} restored"
                for t in sorted(set(counts) | set(manifest["tables"]))
                if counts.get(t) != manifest["tables"].get(t)]
    sums = file_checksums(private_root)
    problems += [f"file {name}: checksum differs or missing"
                 for name, digest in manifest["files"].items() if sums.get(name) != digest]
    if problems:
        raise BackupError("The restore does not match the backup:\n" + "\n".join(problems))
    return RestoreResult(len(counts), sum(counts.values()), len(manifest["files"]))


def backups_prune(output: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` backup folders (names sort by time)."""
    found = sorted(p for p in output.glob("hallowerk-*") if (p / MANIFEST).exists())
    old = found[:-keep] if keep > 0 else []
    for path in old:
        shutil.rmtree(path)
    return old
