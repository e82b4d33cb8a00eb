"""The peer on the whole-address dev set: vietnamadminunits (MIT, tranngocminhhieu).

Usage: python3 bench/address/peer.py ROWS.jsonl OUT.json   (PYTHONPATH holds the peer's sources)

Pre-2025 text goes to convert_address, 2025 text to parse_address, as its README says. Each
answer is the 2025 ward and province codes it returns (the peer's codes are the official ones,
the same as ours). The peer geocodes with ArcGIS (network) when a divided pre-2025 ward comes
with a street; there is no network here, so such a call is retried without the street, which
makes the peer take its own default ward for the divided ward (its documented offline path).
Exit code 3 with one line on stderr when the peer or its dependencies cannot be imported.
"""

import json
import sys
import time

try:
    import vietnamadminunits as vau
    from vietnamadminunits.converter import converter_2025
except Exception as e:  # noqa: BLE001 - any import failure means: skip the peer
    print(f"peer unavailable: cannot import vietnamadminunits ({e.__class__.__name__}: {e})", file=sys.stderr)
    sys.exit(3)

_drop_street = False
_parse = converter_2025.parse_address


def _parse_maybe_without_street(address, mode=None, keep_street=True, level=0):
    unit = _parse(address, mode=mode, keep_street=keep_street, level=level)
    if _drop_street and mode == vau.ParseMode.LEGACY:
        unit.street = None
    return unit


def _no_network(_address):
    raise ConnectionError("no network: the ArcGIS geocoder is not reachable")


converter_2025.parse_address = _parse_maybe_without_street
converter_2025.get_geo_location = _no_network


def answer(row):
    global _drop_street
    text = row["text"]
    if row["era"] == "legacy":
        try:
            return vau.convert_address(text), False
        except ConnectionError:
            _drop_street = True
            try:
                return vau.convert_address(text), True
            finally:
                _drop_street = False
    return vau.parse_address(text), False


def main():
    rows_path, out_path = sys.argv[1], sys.argv[2]
    out = []
    with open(rows_path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        t = time.perf_counter()
        res = {"id": row["id"]}
        try:
            unit, retried = answer(row)
            res.update(ward=unit.ward_code, province=unit.province_code, wardName=unit.ward, retriedWithoutStreet=retried)
        except Exception as e:  # noqa: BLE001 - a crash is a wrong answer, not a stopped bench
            res.update(ward=None, province=None, error=f"{e.__class__.__name__}: {e}"[:200])
        res["ms"] = (time.perf_counter() - t) * 1000
        out.append(res)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
