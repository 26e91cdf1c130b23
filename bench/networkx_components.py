"""Baseline for rings_1m_ms and rings_cold_1m_ms: networkx connected components on the linker's own edge list.

Reads int32 little-endian pairs (a0 b0 a1 b1 ...) written by bench/run.mjs, builds an undirected
graph over all orders (every order a node, as in the linker) and lists the components of two or
more orders. Prints JSON with the times to read the edge file from disk, build the graph and find
the components, each run separately (the file is read again in every run).
"""
import array
import json
import sys
import time

import networkx as nx


def main() -> None:
    path, nodes, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    out = []
    for _ in range(runs):
        r0 = time.perf_counter()
        pairs = array.array("i")
        with open(path, "rb") as f:
            pairs.frombytes(f.read())
        if sys.byteorder != "little":
            pairs.byteswap()
        t0 = time.perf_counter()
        g = nx.Graph()
        g.add_nodes_from(range(nodes))
        it = iter(pairs)
        g.add_edges_from(zip(it, it))
        t1 = time.perf_counter()
        components = sum(1 for c in nx.connected_components(g) if len(c) >= 2)
        t2 = time.perf_counter()
        out.append({"read_ms": (t0 - r0) * 1000, "build_ms": (t1 - t0) * 1000, "components_ms": (t2 - t1) * 1000, "components": components})
        del g
    print(json.dumps({"networkx": nx.__version__, "edges": len(pairs) // 2, "nodes": nodes, "runs": out}))


if __name__ == "__main__":
    main()
