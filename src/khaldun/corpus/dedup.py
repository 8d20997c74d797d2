"""Exact and near-duplicate articles: text hashes, MinHash signatures and LSH bands.

The same wire story republished on ten sites must be coded once. Two checks:

- **exact**: the same text after normalisation (lower case, runs of spaces
  and punctuation folded) has the same :func:`text_hash`;
- **near**: the Jaccard similarity of the articles' word 5-gram shingles,
  estimated from ``NUM_PERM`` MinHash values, is at least a threshold
  (0.8 by default). Candidates are found with locality-sensitive hashing:
  the signature is cut into ``BANDS`` bands of ``ROWS`` values; two articles
  sharing any band hash are compared. With 16 bands of 4 rows, a pair with
  Jaccard 0.8 is a candidate with probability 1 - (1 - 0.8^4)^16 > 0.999.

Hashes use fixed seeds (derived with BLAKE2b), so signatures are stable across
processes and versions; they are stored with each document (``minhash``
column) and its band hashes (``doc_bands`` table) so later runs find
duplicates of earlier ones.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK32 = np.uint64(0xFFFFFFFF)


def _seeds() -> tuple[np.ndarray, np.ndarray]:
    a, b = [], []
    for i in range(NUM_PERM):
        digest = hashlib.blake2b(f"khaldun-minhash-{i}".encode(), digest_size=16).digest()
        x, y = struct.unpack("<QQ", digest)
        a.append(x | 1)  # odd multipliers
        b.append(y)
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_A, _B = _seeds()


def normalise(text: str) -> str:
    """Lower-case words joined by single spaces: formatting and punctuation do not matter."""
    return " ".join(_WORD.findall(text.lower()))


def text_hash(text: str) -> str:
    """Hash of the normalised text: equal for exact duplicates."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str) -> np.ndarray:
    """CRC32 hashes of the text's word 5-grams (the whole text when shorter)."""
    words = normalise(text).split()
    if len(words) <= SHINGLE_WORDS:
        grams = [" ".join(words)]
    else:
        grams = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in set(grams)), dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """MinHash signature: NUM_PERM unsigned 32-bit values (multiply-shift hashing)."""
    x = shingles(text)
    with np.errstate(over="ignore"):
        hashed = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return (hashed & _MASK32).min(axis=0).astype(np.uint32)


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band (fits a BIGINT column)."""
    raw = signature_bytes(sig)
    step = ROWS * 4
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(bytes([band]) + raw[band * step : (band + 1) * step], digest_size=8)
        out.append(int.from_bytes(digest.digest(), "little", signed=True))
    return out


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(sig_a == sig_b))


@dataclass(frozen=True)
class Fingerprint:
    """What deduplication needs to know about one document."""

    text_hash: str
    signature: np.ndarray
    bands: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        sig = signature(text)
        return cls(text_hash(text), sig, tuple(band_hashes(sig)))
