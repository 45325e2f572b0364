"""Render a view graph as a standalone, offline, interactive HTML page (pyvis).

* colour and shape per node type, with a legend (checkboxes hide/show a type);
* node size by paper count, edge labels (and colours) by relation type;
* tooltips with canonical name, aliases, paper count and evidence sentences
  (papers: title and date); a search box finds nodes by name or alias;
* positions computed with networkx; physics only for small graphs;
* vis-network and its CSS are inlined (``cdn_resources="in_line"``) and the
  template's CDN references (bootstrap) are removed: the page needs no network.

Safety: every store string reaches the page either as JSON inside the data
script (pyvis' ``tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and is then
drawn on the canvas or set with ``textContent``, or as tooltip HTML built here
with every piece of text passed through :func:`html.escape`. vis-network 9
shows string tooltips as plain text, so the page turns the (escaped) tooltip
HTML into elements itself, when a node or edge is first hovered.
"""
from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from ontology import NodeLabel, RelationType

#: node type -> (colour, vis shape)
NODE_STYLE: dict[str, tuple[str, str]] = {
    NodeLabel.PAPER.value: ("#8d99ae", "square"),
    NodeLabel.METHOD.value: ("#1f77b4", "dot"),
    NodeLabel.DATASET.value: ("#2ca02c", "diamond"),
    NodeLabel.BENCHMARK.value: ("#ff7f0e", "star"),
    NodeLabel.METRIC.value: ("#d62728", "triangle"),
    NodeLabel.TASK.value: ("#9467bd", "hexagon"),
    NodeLabel.RESULT.value: ("#8c564b", "triangleDown"),
}
EDGE_COLOR: dict[str, str] = {
    RelationType.PROPOSES.value: "#e377c2",
    RelationType.USES.value: "#7f7f7f",
    RelationType.EVALUATES_ON.value: "#2ca02c",
    RelationType.MEASURES.value: "#d62728",
    RelationType.ADDRESSES.value: "#9467bd",
    RelationType.REPORTS.value: "#8c564b",
    RelationType.OUTPERFORMS.value: "#1f77b4",
    RelationType.VARIANT_OF.value: "#17becf",
    RelationType.PART_OF.value: "#bcbd22",
}
#: above this many nodes: no physics, no edge labels, straight edges.
PHYSICS_MAX_NODES = 300
LABEL_MAX = 32

_EXTERNAL_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.I | re.S,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)


def _short(text: str, n: int = LABEL_MAX) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def node_tooltip(d: dict) -> str:
    """Tooltip HTML for a node; every value escaped."""
    parts = [f"<div class='kg-tt-type'>{_esc(d['type'])}</div>"]
    if d.get("kind") == "paper":
        parts.append(f"<div class='kg-tt-name'>{_esc(d.get('title') or d['name'])}</div>")
        parts.append(f"<div>date: {_esc(d.get('date') or 'unknown')}</div>")
    else:
        parts.append(f"<div class='kg-tt-name'>{_esc(d['name'])}</div>")
        if d.get("aliases"):
            parts.append(f"<div>aliases: {_esc(', '.join(d['aliases']))}</div>")
        parts.append(f"<div>papers: {int(d.get('papers') or 0)}</div>")
        if d.get("pwc"):
            parts.append(f"<div>Papers with Code: {_esc(d['pwc'])}</div>")
    for s in d.get("evidence") or []:
        parts.append(f"<div class='kg-tt-ev'>\u201c{_esc(_short(s, 300))}\u201d</div>")
    return "".join(parts)


def edge_tooltip(d: dict, src: dict, dst: dict) -> str:
    parts = [
        f"<div class='kg-tt-type'>{_esc(d['type'])}</div>",
        f"<div>{_esc(_short(src['name'], 80))} \u2192 {_esc(_short(dst['name'], 80))}</div>",
        f"<div>papers: {int(d.get('papers') or 1)}</div>",
    ]
    for s in d.get("evidence") or []:
        parts.append(f"<div class='kg-tt-ev'>\u201c{_esc(_short(s, 300))}\u201d</div>")
    return "".join(parts)


def layout(g: nx.Graph, seed: int = 7) -> dict:
    """Positions in vis pixels: Kamada-Kawai for small graphs, else a seeded
    (sparse) spring layout, scaled so nodes keep about 90-150 px apart."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    und = nx.Graph(g.to_undirected(as_view=True))
    scale = 150.0 * math.sqrt(n) if n <= PHYSICS_MAX_NODES else 90.0 * math.sqrt(n)
    if n <= 150:
        comps = list(nx.connected_components(und))
        if len(comps) == 1:
            return nx.kamada_kawai_layout(und, scale=scale)
        pos = nx.spring_layout(und, seed=seed, scale=scale, pos=nx.kamada_kawai_layout(und, scale=scale), iterations=30)
        return pos
    if n <= 500:
        return nx.spring_layout(und, seed=seed, scale=scale, iterations=50)
    return grid_layout(und, seed=seed, scale=scale)


def grid_layout(g: nx.Graph, seed: int = 7, scale: float = 1.0, iterations: int = 80) -> dict:
    """Fruchterman-Reingold with grid-limited repulsion (only pairs closer than
    ``3k``, found with a k-d tree), vectorised with numpy: about O(n log n) per
    iteration, so thousands of nodes lay out in a second or two (networkx's
    spring layout is O(n^2) per iteration). Deterministic for a given seed."""
    import numpy as np
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


def _node_size(d: dict) -> float:
    papers = int(d.get("papers") or 0)
    if d.get("kind") == "paper":
        return 12.0
    return round(10.0 + 6.0 * math.sqrt(max(papers, 0)), 1) if papers < 100 else 70.0


def to_network(g: nx.MultiDiGraph, height: str = "100vh") -> Network:
    """A pyvis Network of ``g`` (ids are integers: no store text in ids)."""
    n = g.number_of_nodes()
    big = n > PHYSICS_MAX_NODES
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    pos = layout(g)
    index = {node: i for i, node in enumerate(g.nodes)}
    focus = set(g.graph.get("focus") or [])
    for node, d in g.nodes(data=True):
        colour, shape = NODE_STYLE.get(d["type"], ("#999999", "dot"))
        x, y = pos[node]
        is_paper = d.get("kind") == "paper"
        # paper titles only label small views (tooltips carry them); entity
        # labels grow with paper count so the hubs stay readable when zoomed out
        label = _short(d["name"], 24 if is_paper else LABEL_MAX) if (not is_paper or n <= 40) else " "
        font = {"size": int(14 + 6 * math.log2(1 + int(d.get("papers") or 0)))} if not is_paper else {"size": 12}
        if node in focus:
            font = {"size": 40, "bold": True, "strokeWidth": 6}
        net.add_node(
            index[node], label=label, title=node_tooltip(d), shape=shape, color=colour, font=font,
            size=_node_size(d) * (1.4 if node in focus else 1.0), x=float(x), y=float(y),
            kgtype=d["type"], kgname=d["name"], kgaliases=list(d.get("aliases") or []),
            papers=int(d.get("papers") or 0), borderWidth=4 if node in focus else 1,
        )
    for s, o, d in g.edges(data=True):
        net.add_edge(
            index[s], index[o], title=edge_tooltip(d, g.nodes[s], g.nodes[o]),
            label=None if big else d["type"], color=EDGE_COLOR.get(d["type"], "#999999"),
            kgtype=d["type"], width=1 + min(4, math.log2(d.get("papers") or 1)),
        )
    options = {
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 2},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": not big,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 160, "springConstant": 0.02,
                          "avoidOverlap": 0.6, "damping": 0.4},
            "stabilization": {"enabled": True, "iterations": 150, "fit": True},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
    }
    net.set_options(json.dumps(options))
    return net


# -- page decoration ---------------------------------------------------------------
_CSS = """
<style>
  html, body { margin: 0; padding: 0; font-family: sans-serif; }
  .card { border: 0; }
  #mynetwork { border: 0 !important; float: none !important; }
  .vis-tooltip { white-space: normal !important; max-width: 420px; font-size: 13px; line-height: 1.35;
                 padding: 6px 8px !important; background: #fffff4 !important; }
  .kg-tt-type { font-size: 11px; text-transform: uppercase; color: #666; }
  .kg-tt-name { font-weight: bold; margin-bottom: 2px; }
  .kg-tt-ev { font-style: italic; color: #333; margin-top: 3px; }
  #kg-panel { position: fixed; top: 10px; left: 10px; z-index: 10; background: rgba(255,255,255,0.93);
              border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; font-size: 13px;
              box-shadow: 0 1px 4px rgba(0,0,0,0.15); max-width: 260px; }
  #kg-panel h2 { font-size: 14px; margin: 0 0 6px 0; }
  #kg-search { width: 100%; box-sizing: border-box; margin-bottom: 6px; padding: 3px 5px; }
  #kg-legend .kg-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
  #kg-legend .kg-sw { width: 12px; height: 12px; display: inline-block; border: 1px solid #555; }
  #kg-legend .kg-edge { width: 18px; height: 3px; display: inline-block; }
  #kg-legend .kg-n { color: #777; margin-left: auto; }
  #kg-legend h3 { font-size: 12px; margin: 6px 0 2px 0; color: #444; }
  #kg-status { color: #777; font-size: 11px; margin-top: 4px; }
</style>
"""

_SHAPE_CSS = {"dot": "border-radius:50%", "diamond": "transform:rotate(45deg) scale(0.8)",
              "square": "", "star": "clip-path:polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%)",
              "triangle": "clip-path:polygon(50% 0,100% 100%,0 100%)",
              "triangleDown": "clip-path:polygon(0 0,100% 0,50% 100%)",
              "hexagon": "clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)"}


def legend_html(g: nx.MultiDiGraph) -> str:
    """The legend/search panel (static text only: type names and counts)."""
    node_counts: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        node_counts[d["type"]] = node_counts.get(d["type"], 0) + 1
    edge_counts: dict[str, int] = {}
    for *_, d in g.edges(data=True):
        edge_counts[d["type"]] = edge_counts.get(d["type"], 0) + 1
    rows = []
    for t, (colour, shape) in NODE_STYLE.items():
        if t not in node_counts:
            continue
        rows.append(
            f"<label class='kg-row'><input type='checkbox' checked data-kgtype='{_esc(t)}'>"
            f"<span class='kg-sw' style='background:{colour};{_SHAPE_CSS.get(shape, '')}'></span>"
            f"{_esc(t)}<span class='kg-n'>{node_counts[t]}</span></label>"
        )
    erows = [
        f"<div class='kg-row'><span class='kg-edge' style='background:{EDGE_COLOR.get(t, '#999')}'></span>"
        f"{_esc(t)}<span class='kg-n'>{edge_counts[t]}</span></div>"
        for t in EDGE_COLOR if t in edge_counts
    ]
    return (
        "<div id='kg-panel'><h2>ML knowledge graph</h2>"
        "<input id='kg-search' list='kg-names' placeholder='Search name or alias\u2026' autocomplete='off'>"
        "<datalist id='kg-names'></datalist>"
        f"<div id='kg-legend'><h3>Nodes</h3>{''.join(rows)}"
        + (f"<h3>Relations</h3>{''.join(erows)}" if erows else "")
        + f"</div><div id='kg-status'>{g.number_of_nodes()} nodes, {g.number_of_edges()} edges</div></div>"
    )


_JS = """
<script>
function kgInit() {
  var net = network;
  window.kgDrawnAt = null;
  net.once("afterDrawing", function () { window.kgDrawnAt = performance.now(); });
  if (net.physics && net.physics.options && net.physics.options.enabled) {
    net.once("stabilizationIterationsDone", function () { net.setOptions({physics: false}); });
  }
  // tooltips: the data holds escaped HTML; build the element on first hover
  function toElement(html) {
    var div = document.createElement("div");
    div.innerHTML = html;  // only text escaped with html.escape in Python
    return div;
  }
  window.kgTooltipElement = function (set, id) {
    var item = set.get(id);
    if (item && typeof item.title === "string") {
      var el = toElement(item.title);
      set.update({id: id, title: el});
      return el;
    }
    return item ? item.title : null;
  };
  net.on("hoverNode", function (p) { kgTooltipElement(nodes, p.node); });
  net.on("hoverEdge", function (p) { kgTooltipElement(edges, p.edge); });
  // search by name or alias
  var byName = {};
  var list = document.getElementById("kg-names");
  nodes.forEach(function (n) {
    [n.kgname].concat(n.kgaliases || []).forEach(function (name) {
      var key = String(name).toLowerCase();
      if (!(key in byName)) {
        byName[key] = n.id;
        var opt = document.createElement("option");
        opt.value = name;
        list.appendChild(opt);
      }
    });
  });
  var search = document.getElementById("kg-search");
  function find() {
    var id = byName[search.value.trim().toLowerCase()];
    if (id === undefined) return;
    net.selectNodes([id]);
    net.focus(id, {scale: 1.2, animation: {duration: 300}});
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") find(); });
  // legend checkboxes hide/show a node type
  document.querySelectorAll("#kg-legend input[data-kgtype]").forEach(function (box) {
    box.addEventListener("change", function () {
      var t = box.getAttribute("data-kgtype");
      var upd = nodes.get({filter: function (n) { return n.kgtype === t; }})
                     .map(function (n) { return {id: n.id, hidden: !box.checked}; });
      nodes.update(upd);
    });
  });
}
</script>
"""


def to_html(g: nx.MultiDiGraph) -> str:
    """The standalone page for ``g``."""
    net = to_network(g)
    page = net.generate_html(notebook=False)
    page = _EXTERNAL_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = page.replace("</head>", _CSS + _JS + "</head>", 1)
    page = re.sub(r"<body>", lambda m: "<body>\n" + legend_html(g), page, count=1)
    tail = page.rfind("drawGraph();")
    if tail < 0:
        raise RuntimeError("unexpected pyvis template: no drawGraph() call")
    page = page[:tail] + "drawGraph();\n              kgInit();" + page[tail + len("drawGraph();"):]
    return page


def external_references(page: str) -> list[str]:
    """Resource URLs the page would fetch (should be none)."""
    refs = re.findall(r"<(?:script|img|iframe)\b[^>]*\bsrc\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", page, re.I)
    refs += re.findall(r"<link\b[^>]*\bhref\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", page, re.I)
    refs += re.findall(r"@import\s+(?:url\()?[\"']?((?:https?:)?//[^\"')\s]+)", page, re.I)
    refs += re.findall(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", page, re.I)
    return refs


def write_html(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the page for ``g`` to ``path`` (parent directories created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = to_html(g)
    path.write_text(page, encoding="utf-8")
    return path


__all__ = ["EDGE_COLOR", "NODE_STYLE", "PHYSICS_MAX_NODES", "external_references", "layout", "legend_html",
           "to_html", "to_network", "write_html"]
