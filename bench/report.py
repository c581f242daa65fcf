#!/usr/bin/env python3
"""Summarises criterion's results (target/criterion) as the table in docs/PERFORMANCE.md:
each benchmark's median time and throughput, and for the sealed-vs-plain pairs the ratio of
sealed throughput to plain throughput (the brief's "≥ 0.8×" figure).

    python3 bench/report.py            # after cargo bench -p waymark-bench
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
if not root.is_dir():
    sys.exit("no criterion results yet: run `cargo bench -p waymark-bench` first")

rows = {}
for bench in sorted(root.glob("**/new/benchmark.json")):
    meta = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    median_ns = est["median"]["point_estimate"]
    elements = (meta.get("throughput") or {}).get("Elements")
    rows[meta["full_id"]] = (median_ns, elements)


def fmt_time(ns):
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e4:
        return f"{ns / 1e3:.0f} µs"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


print("| benchmark | median | per second |")
print("|---|---|---|")
for name, (ns, elements) in rows.items():
    rate = f"{elements / (ns / 1e9):,.0f}" if elements else ""
    print(f"| `{name}` | {fmt_time(ns)} | {rate} |")

print()
print("| sealed vs plain | ratio of throughputs |")
print("|---|---|")
for name, (ns, _) in rows.items():
    if "/sealed/" in name:
        plain = rows.get(name.replace("/sealed/", "/plain/"))
        if plain:
            print(f"| `{name.replace('/sealed', '')}` | {plain[0] / ns:.2f}× |")
