"""Node positions for the views, in screen pixels.

Views of up to :data:`LABELLED_MAX` nodes are laid out for a frame of the
size the page shows them at (:data:`FRAME`: a 1400x1000 window minus the
legend column), then every label box is pushed clear of the others (the
"force-transfer" idea of overlap removal, Huang et al. 2007, in its simplest
form: overlapping boxes are separated along the axis of least overlap until
none overlap). vis-network then fits the drawing at a scale close to 1, so
label sizes in pixels are the sizes the reader sees.

Bigger graphs get :func:`grid_layout`, a Fruchterman-Reingold with
grid-limited repulsion, and no label spreading.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 7
FRAME = (820.0, 700.0)  # the layout before label spreading: compact, spreading grows it to about the graph area
LABELLED_MAX = 400  # above this, no label spreading (quadratic)
CHAR_WIDTH = 0.55  # average sans-serif glyph width, in font sizes
LINE_HEIGHT = 1.25


def text_width(text: str) -> float:
    """Width of ``text`` in font sizes, for a sans-serif face (Arial/Liberation
    Sans advance widths, rounded: capitals and digits are wider than the
    average lower-case letter, "i l . ," much narrower)."""
    w = 0.0
    for c in text:
        if c in "il.,:;'|!ftjrI ":
            w += 0.3
        elif c.isupper() or c in "mwMW@%":
            w += 0.72
        elif c.isdigit():
            w += 0.56
        else:
            w += CHAR_WIDTH
    return w


def label_box(label: str, font: float, radius: float) -> tuple[float, float, float]:
    """(width, height, downward offset of the box centre) of a node drawn as
    a shape of ``radius`` with its label under it (vis' default for shapes)."""
    lines = [ln for ln in str(label).split("\n")] or [""]
    text_w = max(text_width(ln) for ln in lines) * font
    text_h = len(lines) * font * LINE_HEIGHT if label.strip() else 0.0
    width = max(2 * radius, text_w) + 6
    height = 2 * radius + text_h + 4
    return width, height, text_h / 2


def spread(pos: np.ndarray, boxes: np.ndarray, iterations: int = 600, pin: np.ndarray | None = None) -> np.ndarray:
    """Move box centres ``pos`` (n x 2) until the boxes (n x 2: width,
    height) do not overlap; ``pin`` marks nodes that stay put (the focus).

    Overlapping boxes move apart along the line joining their centres, by
    the factor that separates them (PRISM's overlap factor, Gansner & Hu
    2010, "Efficient, proximity-preserving node overlap removal"): the
    drawing grows where it is crowded and keeps its shape."""
    pos = pos.astype(float).copy()
    n = len(pos)
    if n < 2:
        return pos
    rng = np.random.default_rng(SEED)
    pos += rng.normal(0, 1e-2, size=pos.shape)
    half_w = (boxes[:, 0][:, None] + boxes[:, 0][None, :]) / 2
    half_h = (boxes[:, 1][:, None] + boxes[:, 1][None, :]) / 2
    movable = np.ones(n) if pin is None else (~pin).astype(float)
    eye = np.eye(n, dtype=bool)
    for _ in range(iterations):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        hit = (half_w - np.abs(dx) > 0) & (half_h - np.abs(dy) > 0) & ~eye
        if not hit.any():
            break
        with np.errstate(divide="ignore", invalid="ignore"):
            factor = np.minimum(half_w / np.abs(dx), half_h / np.abs(dy))
        factor = np.where(hit, np.minimum(np.nan_to_num(factor, posinf=4.0), 4.0), 1.0)
        # each of a pair moves half the way (all of it when the other is pinned)
        share = np.where(movable[None, :] > 0, 0.5, 1.0)
        push = (factor - 1.0) * share
        mx = (push * dx).sum(axis=1)
        my = (push * dy).sum(axis=1)
        count = np.maximum(hit.sum(axis=1), 1)
        pos[:, 0] += 1.05 * mx * movable / np.sqrt(count)
        pos[:, 1] += 1.05 * my * movable / np.sqrt(count)
    return pos


def _fit(pos: dict, frame: tuple[float, float]) -> dict:
    """Positions scaled to fill ``frame`` (centred on 0, 0)."""
    if not pos:
        return {}
    if len(pos) == 1:
        return {k: (0.0, 0.0) for k in pos}
    arr = np.array(list(pos.values()), dtype=float)
    arr -= (arr.max(axis=0) + arr.min(axis=0)) / 2
    span = np.maximum(arr.max(axis=0) - arr.min(axis=0), 1e-9)
    arr *= min(frame[0] / span[0], frame[1] / span[1])
    return {k: (float(x), float(y)) for k, (x, y) in zip(pos, arr)}


def _ordered(g: nx.Graph, nodes: set) -> nx.Graph:
    """The subgraph on ``nodes`` in ``g``'s order (a networkx subgraph view of
    a small set iterates in set order, which the seeded layout would follow)."""
    h = nx.Graph()
    h.add_nodes_from(v for v in g if v in nodes)
    h.add_edges_from((a, b, d) for a, b, d in g.edges(data=True) if a in nodes and b in nodes)
    return h


def base_layout(g: nx.Graph, focus: list | None = None) -> dict:
    """Seeded force-directed positions of ``g`` (weights: log of ``weight``
    or ``papers``), in the frame's proportions; the largest component (or
    the focus's) fills the frame, the small ones are lined up under it."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    und = nx.Graph()
    und.add_nodes_from(g)
    for s, o, d in g.edges(data=True):
        if s != o:
            w = math.log2(1 + float(d.get("weight") or d.get("papers") or 1))
            und.add_edge(s, o, weight=und[s][o]["weight"] + w if und.has_edge(s, o) else w)
    comps = sorted(nx.connected_components(und), key=lambda c: (not (set(focus or []) & c), -len(c), min(map(str, c))))
    main = _ordered(und, comps[0])
    fixed = [f for f in (focus or []) if f in main][:1]
    if main.number_of_nodes() == 1:
        pos = {next(iter(main)): np.zeros(2)}
    else:
        pos = nx.spring_layout(main, k=1.2 / math.sqrt(main.number_of_nodes()), seed=SEED, weight="weight",
                               iterations=200, pos={fixed[0]: (0.0, 0.0)} if fixed else None, fixed=fixed or None)
    pos = _fit(pos, FRAME)
    # the rest: small components in a row under the main one, each laid out in a small box
    y0 = max((p[1] for p in pos.values()), default=0.0) + 80.0
    x = -FRAME[0] / 2
    for comp in comps[1:]:
        sub = _ordered(und, comp)
        width = 90.0 * math.sqrt(len(comp))
        local = _fit(nx.spring_layout(sub, seed=SEED) if len(comp) > 1 else {next(iter(comp)): (0.0, 0.0)},
                     (width, width * 0.6))
        if x + width > FRAME[0] / 2:
            x, y0 = -FRAME[0] / 2, y0 + 110.0
        for v, (px, py) in local.items():
            pos[v] = (px + x + width / 2, py + y0)
        x += width + 40.0
    return pos


def layout(g: nx.Graph, labels: dict | None = None, seed: int = SEED) -> dict:
    """Positions in vis pixels. ``labels`` maps node -> (label, font size,
    radius); given, and the graph small enough, label boxes are spread apart."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n > LABELLED_MAX:
        und = nx.Graph(g.to_undirected(as_view=True))
        return grid_layout(und, seed=seed, scale=90.0 * math.sqrt(n))
    focus = list(g.graph.get("focus") or [])
    pos = base_layout(g, focus)
    if not labels:
        return pos
    nodes = list(pos)
    dims = np.array([label_box(*labels[v]) for v in nodes])
    centres = np.array([pos[v] for v in nodes]) + np.c_[np.zeros(n), dims[:, 2]]
    pin = np.array([v in focus for v in nodes])
    centres = spread(centres, dims[:, :2], pin=pin)
    centres[:, 1] -= dims[:, 2]
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, centres)}


def grid_layout(g: nx.Graph, seed: int = SEED, scale: float = 1.0, iterations: int = 80) -> dict:
    """Fruchterman-Reingold with grid-limited repulsion (only pairs closer than
    ``3k``, found with a k-d tree), vectorised with numpy: about O(n log n) per
    iteration, so thousands of nodes lay out in a second or two (networkx's
    spring layout is O(n^2) per iteration). Deterministic for a given seed."""
    from scipy.spatial import cKDTree

    nodes = list(g)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in g.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    t = 0.1
    cool = t / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(3 * k, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = pos[i] - pos[j]
            dist2 = np.maximum((delta ** 2).sum(axis=1), (0.01 * k) ** 2)
            f = delta * (k * k / dist2)[:, None]
            for dim in range(2):
                disp[:, dim] += np.bincount(i, f[:, dim], n) - np.bincount(j, f[:, dim], n)
        if len(edges):
            i, j = edges[:, 0], edges[:, 1]
            delta = pos[i] - pos[j]
            dist = np.sqrt((delta ** 2).sum(axis=1))
            f = delta * (dist / k)[:, None]
            for dim in range(2):
                disp[:, dim] += np.bincount(j, f[:, dim], n) - np.bincount(i, f[:, dim], n)
        disp -= (pos - pos.mean(axis=0)) * (2.0 * k)  # weak gravity keeps components together
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, t)[:, None]
        t -= cool
    pos -= pos.mean(axis=0)
    pos *= scale / max(np.abs(pos).max(), 1e-9)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


__all__ = ["FRAME", "LABELLED_MAX", "base_layout", "grid_layout", "label_box", "layout", "spread"]
