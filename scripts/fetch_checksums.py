#!/usr/bin/env python3
"""Print the size and SHA-256 of each dataset file, as rows for Sources/Fetch/Catalog.swift.

    python3 scripts/fetch_checksums.py ../shared/data/mnist
    python3 scripts/fetch_checksums.py ../shared/data/fashion-mnist

Each file's MD5 is checked against the sum the dataset's authors publish, so a row is printed
only for the very file the mirrors serve.

The Fashion-MNIST files of the Debian package dataset-fashion-mnist were gzipped again without
the file name (FNAME) in the gzip header; their deflate data is unchanged. For such a file the
script rebuilds the published one by putting back the header the authors' gzip wrote: the FNAME
flag, the original modification time and the name. The times below were found by trying every
second near the date Fashion-MNIST was published (2017-08-31) until the MD5 matched.
"""
import hashlib
import struct
import sys
from pathlib import Path

PUBLISHED_MD5 = {
    "mnist": {
        "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
        "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
        "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
    },
}

# Modification times in the published Fashion-MNIST gzip headers (seconds since 1970, UTC).
FASHION_MTIME = {
    "train-images-idx3-ubyte.gz": 1504176606,
    "train-labels-idx1-ubyte.gz": 1504176606,
    "t10k-images-idx3-ubyte.gz": 1504176627,
    "t10k-labels-idx1-ubyte.gz": 1504176627,
}

GZIP_FNAME = 0x08


def with_file_name(data: bytes, name: str, mtime: int) -> bytes:
    """The same gzip stream with FNAME and MTIME put back into its 10-byte header."""
    assert data[:3] == b"\x1f\x8b\x08" and data[3] == 0, "expected a gzip header without optional fields"
    stem = name[: -len(".gz")].encode() + b"\x00"
    return data[:3] + bytes([GZIP_FNAME]) + struct.pack("<I", mtime) + data[8:10] + stem + data[10:]


def main(folder: Path) -> None:
    dataset = folder.name
    for name, md5 in PUBLISHED_MD5[dataset].items():
        data = (folder / name).read_bytes()
        if hashlib.md5(data).hexdigest() != md5 and data[3] == 0 and name in FASHION_MTIME:
            data = with_file_name(data, name, FASHION_MTIME[name])
        if hashlib.md5(data).hexdigest() != md5:
            sys.exit(f"{folder / name}: MD5 differs from the published {md5}")
        sha = hashlib.sha256(data).hexdigest()
        print(f'DatasetFile(name: "{name}", byteCount: {len(data):_},\n            sha256: "{sha}"),')


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
