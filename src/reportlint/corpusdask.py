"""Building the reference corpus index on a Dask cluster (``pip install "reportlint[dask]"``).

The workers read and fingerprint the files (they are sent paths, never text; every worker
and the scheduler must import reportlint and see the files at the same paths). Their
postings are split by bucket (the low bits of the hash, see ``fingerprint.store_keys``) and
shuffled: one task per bucket gathers that bucket from every batch, sorts it, counts in how
many documents each fingerprint is and sets the frequent ones apart (``corpus.reduce_bucket``,
the same code as the embedded build). With ``--shards`` each such task writes its bucket as
one shard file of a shard folder itself (the folder must be at the same path for every
worker: a shared disk), while the client writes the documents and paragraphs into its
``index.sqlite``; without it, the client writes the buckets in key order into one SQLite
file. Either way the rows are those of the embedded build, checks read the index without
Dask, and find exactly what they find in an index built without it. ``corpus match`` sends
batches of drafts to the same kind of cluster for B105's lookup.

Scheduler: ``--scheduler ADDRESS``, else ``--scheduler-file FILE``, else the environment
variables REPORTLINT_SCHEDULER then DASK_SCHEDULER_ADDRESS; with none of them, ``--workers N``
starts a LocalCluster of N single-threaded worker processes. Off loopback use ``tls://``:
Dask's wire protocol unpickles what it receives, so a cluster must only be reachable by its
own machines.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from . import corpus
from .errors import CorpusError, LoadError
from .fingerprint import split_by_bucket

BATCH = 1000  # files per fingerprinting task of a build (each has 16 bucket selections and a header after it: few,
#               large tasks keep the scheduler's share small, which on a small machine competes with the workers)
MATCH_BATCH = 100  # drafts per lookup task of corpus match (each draft costs a query: smaller tasks spread better)
BUCKET_BITS = 4  # 16 buckets in the shuffle: tasks = batches x 16 small selections, 16 reductions
CONNECT_TIMEOUT = "30s"
_REGISTRIES: dict[str, Any] = {}


def scheduler_address(scheduler: str | None, scheduler_file: Path | None) -> str | Path | None:
    """The cluster to use, in order of precedence (a Path for a scheduler file); None for none."""
    if scheduler:
        return scheduler
    if scheduler_file is not None:
        return scheduler_file
    return os.environ.get("REPORTLINT_SCHEDULER") or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


def off_loopback(address: str) -> bool:
    """A plain ``tcp://`` address of another host: traffic unencrypted and unauthenticated."""
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    host = (parts.hostname or "").lower()
    return parts.scheme == "tcp" and host not in ("localhost", "::1") and not host.startswith("127.")


@contextmanager
def client_for(address: str | Path | None, workers: int | None) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise CorpusError("用 Dask 建立索引需要安装扩展：pip install \"reportlint[dask]\"") from exc
    if isinstance(address, Path) and not address.is_file():  # Dask would wait for it forever
        raise CorpusError(f"Dask 调度器文件“{address}”不存在；"
                          f"请先启动调度器（dask scheduler --scheduler-file {address}）")
    if address:
        try:
            client = (Client(scheduler_file=str(address), timeout=CONNECT_TIMEOUT) if isinstance(address, Path)
                      else Client(address, timeout=CONNECT_TIMEOUT))
        except (OSError, TimeoutError, ValueError, KeyError, TypeError) as exc:
            where = f"调度器文件“{address}”" if isinstance(address, Path) else f"调度器 {address}"
            raise CorpusError(f"无法连接 Dask {where}（{exc}）；请确认调度器已启动、地址正确") from exc
        with client:
            yield client
    else:
        with LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None,
                          host="127.0.0.1") as cluster, Client(cluster) as client:
            yield client


def _registry(config_folder: str) -> Any:
    """The loaders, as the client's configuration names them (one per worker process)."""
    if config_folder not in _REGISTRIES:
        from .config import find_config
        from .engine import Session

        folder = Path(config_folder)
        _REGISTRIES[config_folder] = Session().books(find_config(folder) if folder.is_dir() else None)[0]
    return _REGISTRIES[config_folder]


def fingerprint_batch(batch: list[tuple[int, str]], config_folder: str, bits: int) -> tuple[Any, ...]:
    """A worker's task: load and fingerprint the files of a batch. Returns (documents as rows
    (id, path, sha256, chars, blocks), errors as (path, message), postings by bucket)."""
    from .engine import load

    registry = _registry(config_folder)
    docs, errors, parts = [], [], []
    for doc_id, path in batch:
        try:
            doc = load(Path(path), registry)
            digest = corpus.file_sha256(Path(path))
        except (LoadError, OSError) as exc:
            errors.append((path, str(exc)))
            continue
        blocks, postings = corpus.document_postings(doc, doc_id)
        docs.append((doc_id, path, digest, sum(len(b.text) for b in doc.blocks), blocks))
        parts.append(postings)
    postings = np.concatenate(parts) if parts else np.zeros((0, 4), np.int64)
    return docs, errors, split_by_bucket(postings, bits)


def _documents(result: tuple[Any, ...]) -> tuple[Any, Any]:
    return result[0], result[1]


def _ids(result: tuple[Any, ...]) -> list[int]:
    return [row[0] for row in result[0]]


def _bucket(result: tuple[Any, ...], b: int) -> np.ndarray:
    return result[2][b]


def renumbering(*ids: list[int]) -> np.ndarray:
    """Old id -> new id: the documents read, numbered densely in the order of their batches, as
    the embedded build numbers them (a file that failed leaves no gap)."""
    flat = [i for batch in ids for i in batch]
    out = np.zeros(max(flat, default=0) + 1, np.int64)
    out[np.asarray(flat, dtype=np.int64)] = np.arange(1, len(flat) + 1)
    return out


def reduce_parts(frequent_docs: int, *parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return corpus.reduce_bucket(np.concatenate(parts) if parts else np.zeros((0, 4), np.int64), frequent_docs)


def reduce_to_shard(frequent_docs: int, folder: str, bucket: int, build_id: str, renumber: np.ndarray,
                    *parts: np.ndarray) -> int:
    """A worker's task: one bucket gathered from every batch, sorted, counted, renumbered and
    written as that bucket's shard file of the folder being built; returns its postings."""
    postings, frequent = reduce_parts(frequent_docs, *parts)
    postings[:, 1] = renumber[postings[:, 1]]  # monotone: the order stays
    return corpus.write_shard(Path(folder), bucket, frequent_docs, [(postings, frequent)], build_id)


def build(index_path: Path, files: list[Path], client: Any, frequent_docs: int = corpus.FREQUENT_DOCS,
          on_error: Any = None, shards: bool = False) -> tuple[int, int]:
    """A new index of ``files`` built on the cluster of ``client``; returns (added, total).
    ``shards`` (or an index that is a folder already): a shard folder whose bucket files the
    workers write themselves (the folder must be at the same path for them: a shared disk);
    else the client writes the buckets into one file."""
    target = index_path
    shards = shards or index_path.is_dir()
    corpus.validate(index_path, "build")
    index_path = index_path.with_name(f".{index_path.name}.{os.getpid()}.building")
    corpus.remove_index(index_path)
    seen: dict[str, int] = {}
    for f in files:
        seen.setdefault(os.path.abspath(f), len(seen) + 1)
    numbered = [(i, p) for p, i in seen.items()]
    batches = [numbered[i:i + BATCH] for i in range(0, len(numbered), BATCH)]
    config_folder = str(Path.cwd().resolve())
    added = 0
    renumber = np.zeros(len(numbered) + 1, np.int64)
    try:
        with corpus.Index(index_path, create=True, frequent_docs=frequent_docs,
                          shards=BUCKET_BITS if shards else None) as index:
            corpus.unjournaled(index.db)
            mapped = client.map(fingerprint_batch, batches, config_folder=config_folder, bits=BUCKET_BITS,
                                pure=False)
            headers = client.map(_documents, mapped)
            if shards:
                order = client.submit(renumbering, *client.map(_ids, mapped), pure=False)
                folder = os.path.abspath(index_path)
                reduced = [client.submit(reduce_to_shard, frequent_docs, folder, b, index.build_id, order,
                                         *[client.submit(_bucket, m, b) for m in mapped], pure=False)
                           for b in range(1 << BUCKET_BITS)]
            else:
                reduced = [client.submit(reduce_parts, frequent_docs,
                                         *[client.submit(_bucket, m, b) for m in mapped], pure=False)
                           for b in range(1 << BUCKET_BITS)]
            # the client lets go of the batches' results now: each is kept on its worker only until its
            # selections (documents, ids, buckets) have run, not for the whole build
            del mapped
            for future in headers:
                docs, errors = future.result()
                future.release()
                for path, message in errors:
                    if on_error is not None:
                        on_error(path, message)
                for doc_id, path, sha, chars, blocks in docs:
                    added += 1  # numbered densely, as the embedded build does: files that failed leave no gap
                    renumber[doc_id] = added
                    index.db.execute("INSERT INTO documents (id, path, sha256, chars) VALUES (?, ?, ?, ?)",
                                     (added, index.key(path), sha, chars))
                    index.db.executemany("INSERT INTO blocks VALUES (?, ?, ?)", [(added, b, t) for _, b, t in blocks])
            index.db.commit()
            for future in reduced:  # in bucket order, which is key order
                result = future.result()
                future.release()
                if shards:
                    continue  # the worker wrote it
                postings, frequent = result
                postings = postings if postings.flags.writeable else postings.copy()
                postings[:, 1] = renumber[postings[:, 1]]  # monotone: the order stays
                corpus.write_bucket(index.db, postings, frequent)
            total = index.count()
        corpus.replace_index(index_path, target)
        corpus.remember_verified(target)
    except sqlite3.OperationalError as exc:
        raise corpus._unwritable(target, exc) from exc
    finally:
        corpus.remove_index(index_path)
    return added, total


MatchRow = tuple[int, str, int, float]  # block of the draft, source path, source block, similarity


def match_batch(paths: list[str], index: str, threshold: float, config_folder: str) -> list[tuple[str, Any]]:
    """A worker's task (or the client's, without a cluster): each draft of the batch loaded
    and looked up in the index, opened once for the batch. Returns, per draft, its path and
    either its matches or the message saying why it could not be read."""
    from .engine import load

    registry = _registry(config_folder)
    out: list[tuple[str, Any]] = []
    with corpus.Index(Path(index)) as opened:
        for path in paths:
            try:
                doc = load(Path(path), registry)
                digest = corpus.file_sha256(Path(path))
            except (LoadError, OSError) as exc:
                out.append((path, str(exc)))
                continue
            found = opened.query(doc, threshold, digest)
            out.append((path, [(m.block, m.source, m.source_block, m.similarity) for m in found]))
    return out


def match(files: list[Path], index: Path, threshold: float, client: Any = None) -> Iterator[tuple[str, Any]]:
    """B105's lookup for many drafts: batches of paths sent to the cluster's workers (which
    must see the drafts and the index at the same paths), or looked up here without one.
    Results come in the order of ``files``."""
    corpus.validate(index, "check")
    paths = [os.path.abspath(f) for f in files]
    batches = [paths[i:i + MATCH_BATCH] for i in range(0, len(paths), MATCH_BATCH)]
    config_folder = str(Path.cwd().resolve())
    where = os.path.abspath(index)
    if client is None:
        for batch in batches:
            yield from match_batch(batch, where, threshold, config_folder)
        return
    futures = client.map(match_batch, batches, index=where, threshold=threshold, config_folder=config_folder,
                         pure=False)
    for future in futures:
        result = future.result()
        future.release()
        yield from result
