"""The baseline for bench_critique: igraph computing only a dominator tree
and one reachability over a napkin file, with a virtual root joined to the
entry points as napkin does.  Prints "READ_AND_BUILD_SECONDS ALGORITHM_SECONDS".

usage: igraph_dominators.py FILE
"""
import json
import sys
import time

import igraph

start = time.perf_counter()
with open(sys.argv[1]) as f:
    doc = json.load(f)
nodes = doc["nodes"]
index = {n["id"]: i for i, n in enumerate(nodes)}
edges = [(index[e["from"]], index[e["to"]]) for e in doc["edges"]]
entries = [i for i, n in enumerate(nodes) if n["kind"] == "client"]
if not entries:
    called = {t for _, t in edges}
    entries = [i for i in range(len(nodes)) if i not in called]
root = len(nodes)
graph = igraph.Graph(n=len(nodes) + 1, edges=edges + [(root, s) for s in entries], directed=True)
built = time.perf_counter()
dominators = graph.dominator(root, mode="out")
reachable = graph.subcomponent(root, mode="out")
done = time.perf_counter()
assert len(dominators) == len(nodes) + 1 and len(reachable) >= 1
print("%.6f %.6f" % (built - start, done - built))
