#!/usr/bin/env python3
"""layers.py - prove src/'s include graph follows the layers.

The layers, lowest first (src/README.md): util, pricing, model, cost, sim,
then report and diff (peers), then cmd, then main.c. A file may include
headers of its own layer and of lower layers; a peer's only where the two
peers do not include each other (a loop). Prints one line per offending
include, "FILE:LINE: includes HEADER (layer X may not include layer Y)",
and exits 1 when there is any; otherwise prints the include counts per
pair of layers and exits 0.

  layers.py [SRC_DIR]
"""
import os
import re
import sys

RANK = {"util": 0, "pricing": 1, "model": 2, "cost": 3, "sim": 4,
        "report": 5, "diff": 5, "cmd": 6, "": 7}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path):
    """src-relative path -> layer name ("" for main.c at the top)."""
    parts = path.split("/")
    return parts[0] if len(parts) > 1 else ""


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    edges = {}  # (from layer, to layer) -> [(file, line, header)]
    bad = []
    for dirpath, _, names in os.walk(src):
        for name in sorted(names):
            if not name.endswith((".c", ".h")):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, src)
            mine = layer_of(rel)
            if mine not in RANK:
                bad.append(f"{full}:1: is in {mine}/, which is no layer "
                           f"(add it to tests/tools/layers.py and src/README.md)")
                continue
            with open(full, encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    header = m.group(1)
                    theirs = layer_of(header)
                    if theirs not in RANK:
                        bad.append(f"{full}:{n}: includes {header}, outside every layer")
                        continue
                    if theirs == mine:
                        continue
                    edges.setdefault((mine, theirs), []).append((full, n, header))
                    if RANK[theirs] > RANK[mine]:
                        bad.append(f"{full}:{n}: includes {header} (layer {mine or 'main'} "
                                   f"may not include the higher layer {theirs})")
    for (a, b), uses in sorted(edges.items()):
        if RANK[a] == RANK[b] and a < b and (b, a) in edges:
            for f, n, h in uses + edges[(b, a)]:
                bad.append(f"{f}:{n}: includes {h} (peers {a} and {b} include each "
                           f"other: a loop)")
    if bad:
        for b in bad:
            print(b)
        return 1
    for (a, b), uses in sorted(edges.items()):
        print(f"{a or 'main'} -> {b}: {len(uses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
