"""Render a view graph as a standalone, offline, interactive HTML page (pyvis).

* shape per node type; colour per Louvain community in entity-only
  (folded) views, else per type; the legend is a column of its own beside
  the graph (checkboxes hide/show a type);
* node size by paper count; edge colours by relation type, edge labels
  only while an edge is hovered (no label pile-ups like "ADDUSESSES");
* labels on every node of a view up to a few hundred nodes, spread so they
  do not overlap (:mod:`kg.views.layout`); papers labelled by short titles;
* tooltips with canonical name, aliases, paper count and evidence sentences
  (papers: title and date; folded edges: shared papers); a search box finds
  nodes by name or alias;
* positions computed in Python, physics off;
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
import zlib
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from ontology import NodeLabel, RelationType

from .fold import SHARED, backbone, communities
from .layout import LABELLED_MAX, grid_layout, label_box, layout  # noqa: F401  (grid_layout: public since before)

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
    SHARED: "#9aa5b1",
}
#: community colours (Tableau 10 without its grey, then lighter tints), largest community first
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5")
OTHER_COLOUR = "#c0c0c0"
MORE_EDGE_COLOURS = ("#8c6d31", "#e7969c", "#7b4173", "#637939", "#d6616b", "#3182bd", "#31a354", "#756bb1",
                     "#e6550d", "#843c39", "#5254a3", "#bd9e39")
PAPER_LABEL_MAX = 28
WRAP_AT = 16
#: kept for callers of earlier versions; views no longer run physics
PHYSICS_MAX_NODES = 300
LABEL_MAX = 28

_EXTERNAL_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>",
    re.I | re.S,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)


def edge_colour(rel: str) -> str:
    """The colour of a relation type: its own in :data:`EDGE_COLOR`, else one
    of :data:`MORE_EDGE_COLOURS` in the order of the ontology's other types,
    so a type the ontology adds gets a colour of its own (not the grey of
    "shared papers") without a change here."""
    if rel in EDGE_COLOR:
        return EDGE_COLOR[rel]
    extra = sorted(r.value for r in RelationType if r.value not in EDGE_COLOR)  # the ontology's newer types, in turn
    i = extra.index(rel) if rel in extra else zlib.crc32(rel.encode())
    return MORE_EDGE_COLOURS[i % len(MORE_EDGE_COLOURS)]


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
    shared = d["type"] == SHARED
    arrow = "\u2014" if shared else "\u2192"
    parts = [
        f"<div class='kg-tt-type'>{_esc('shared papers' if shared else d['type'])}</div>",
        f"<div>{_esc(_short(src['name'], 80))} {arrow} {_esc(_short(dst['name'], 80))}</div>",
        f"<div>papers: {int(d.get('papers') or 1)}</div>",
    ]
    for t in d.get("titles") or []:
        parts.append(f"<div class='kg-tt-ev'>{_esc(_short(t, 120))}</div>")
    for s in d.get("evidence") or []:
        parts.append(f"<div class='kg-tt-ev'>\u201c{_esc(_short(s, 300))}\u201d</div>")
    return "".join(parts)


def _node_size(d: dict) -> float:
    """Radius in pixels: papers fixed, entities by the square root of their paper count."""
    if d.get("kind") == "paper":
        return 6.0
    return round(min(20.0, 3.5 + 1.8 * math.sqrt(max(int(d.get("papers") or 0), 0))), 1)


def _font_size(d: dict, focus: bool) -> int:
    """Label size in pixels at scale 1: 12 px for papers, 13 px for the
    smallest entities (a 150-node view fits at a scale of about 0.8, so
    they show at 10 px or more), growing with paper count to 19."""
    if focus:
        return 20
    if d.get("kind") == "paper":
        return 12
    return int(min(19, 13 + 1.6 * math.log2(max(1, int(d.get("papers") or 0)))))


def short_title(title: str, n: int = PAPER_LABEL_MAX) -> str:
    """A paper's label: its title up to the colon (the name papers are known
    by: "Selfie: Self-supervised ..." -> "Selfie"), else its first words, cut
    at a word boundary."""
    title = " ".join(str(title).split())
    head = title.split(":", 1)[0].strip()
    if 3 <= len(head) <= n and head != title:
        return head
    if len(title) <= n:
        return title
    cut = title[: n - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return (cut or title[: n - 1]) + "\u2026"


def wrap(label: str, width: int = WRAP_AT) -> str:
    """A long label on two lines, cut at the space nearest the middle (a
    narrower box packs better than a long one)."""
    if len(label) <= width or " " not in label:
        return label
    mid = len(label) / 2
    cut = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - mid))
    return label[:cut] + "\n" + label[cut + 1:]


def node_label(d: dict) -> str:
    text = short_title(d.get("title") or d["name"]) if d.get("kind") == "paper" else _short(d["name"])
    return wrap(text)


def node_colours(g: nx.MultiDiGraph) -> tuple[dict, list[tuple[str, list[str]]]]:
    """Node -> colour, and the legend's communities ``(colour, top names)``.

    Folded (entity-only) views are coloured by Louvain community, the
    largest first in :data:`COMMUNITY_COLOURS`; the rest, and every other
    view, by node type."""
    if not g.graph.get("folded") or g.number_of_nodes() == 0:
        return {n: NODE_STYLE.get(d["type"], ("#999999", "dot"))[0] for n, d in g.nodes(data=True)}, []
    colours: dict[str, str] = {}
    legend: list[tuple[str, list[str]]] = []
    for i, members in enumerate(communities(g)):
        colour = COMMUNITY_COLOURS[i] if i < len(COMMUNITY_COLOURS) and len(members) > 1 else OTHER_COLOUR
        for n in members:
            colours[n] = colour
        if colour != OTHER_COLOUR:
            legend.append((colour, [g.nodes[n]["name"] for n in members[:3]]))
    return colours, legend


def drawn(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The edges a page draws: the backbone of a folded view, else all."""
    return backbone(g) if g.graph.get("folded") else g


def to_network(g: nx.MultiDiGraph, height: str = "100%") -> Network:
    """A pyvis Network of ``g`` (ids are integers: no store text in ids).

    Positions are computed here (:mod:`kg.views.layout`, labels spread so
    they do not overlap) and physics is off, so the page shows that layout.
    Edges have no visible label: hovering one shows its type (and the
    tooltip its evidence or shared papers)."""
    n = g.number_of_nodes()
    big = n > LABELLED_MAX
    draw = drawn(g)
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    focus = set(g.graph.get("focus") or [])
    labels = {v: (node_label(d), _font_size(d, v in focus), _node_size(d) * (1.4 if v in focus else 1.0))
              for v, d in g.nodes(data=True)}
    pos = layout(draw, None if big else labels)
    net.kg_extent = extent(pos, labels)
    colours, _ = node_colours(g)
    index = {node: i for i, node in enumerate(g.nodes)}
    for node, d in g.nodes(data=True):
        shape = NODE_STYLE.get(d["type"], ("#999999", "dot"))[1]
        x, y = pos[node]
        label, font, radius = labels[node]
        is_focus = node in focus
        net.add_node(
            index[node], label=label if not big or d.get("kind") != "paper" else " ", title=node_tooltip(d),
            shape=shape, color=colours[node],
            font={"size": font, **({"bold": True, "strokeWidth": 5} if is_focus else {})},
            size=radius, x=float(x), y=float(y),
            kgtype=d["type"], kgname=d["name"], kgaliases=list(d.get("aliases") or []),
            papers=int(d.get("papers") or 0), borderWidth=4 if is_focus else 1,
        )
    for s, o, d in draw.edges(data=True):
        shared = d["type"] == SHARED
        papers = int(d.get("papers") or 1)
        net.add_edge(
            index[s], index[o], title=edge_tooltip(d, g.nodes[s], g.nodes[o]),
            color={"color": edge_colour(d["type"]), "opacity": 0.45 if shared else 0.8},
            kgtype=d["type"], kglabel=edge_label(d), width=(0.6 if shared else 1.0) + min(5.0, math.log2(papers) * 1.2),
            arrows={"to": {"enabled": not shared, "scaleFactor": 0.5}},
        )
    options = {
        "nodes": {"font": {"size": 13, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff", "color": "#222222"},
                  "scaling": {"label": {"drawThreshold": 3}}},
        "edges": {
            "font": {"size": 12, "align": "horizontal", "color": "#333333", "strokeWidth": 3, "background": "#ffffff"},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False},
    }
    net.set_options(json.dumps(options))
    return net


def extent(pos: dict, labels: dict) -> list[float]:
    """``[left, top, right, bottom]`` of the drawing, label boxes included:
    the page fits this box at load (vis' own fit ignores labels until they are
    first drawn, and cut them at the edges)."""
    if not pos:
        return [-1.0, -1.0, 1.0, 1.0]
    xs0, ys0, xs1, ys1 = [], [], [], []
    for v, (x, y) in pos.items():
        w, h, dy = label_box(*labels[v])
        xs0.append(x - w / 2)
        xs1.append(x + w / 2)
        ys0.append(y + dy - h / 2)
        ys1.append(y + dy + h / 2)
    return [round(min(xs0), 1), round(min(ys0), 1), round(max(xs1), 1), round(max(ys1), 1)]


def edge_label(d: dict) -> str:
    """What an edge says when hovered."""
    if d["type"] == SHARED:
        n = int(d.get("papers") or 1)
        return f"{n} shared paper{'s' if n != 1 else ''}"
    return str(d["type"])


# -- page decoration ---------------------------------------------------------------
_CSS = """
<style>
  html, body { margin: 0; padding: 0; font-family: sans-serif; }
  /* the legend is a column of its own: it never covers the graph */
  .card { border: 0; position: fixed !important; top: 0; bottom: 0; left: 270px; right: 0; width: auto !important; }
  #mynetwork { border: 0 !important; float: none !important; width: 100% !important; height: 100% !important; }
  .vis-tooltip { white-space: normal !important; max-width: 420px; font-size: 13px; line-height: 1.35;
                 padding: 6px 8px !important; background: #fffff4 !important; }
  .kg-tt-type { font-size: 11px; text-transform: uppercase; color: #666; }
  .kg-tt-name { font-weight: bold; margin-bottom: 2px; }
  .kg-tt-ev { font-style: italic; color: #333; margin-top: 3px; }
  #kg-panel { position: fixed; top: 0; bottom: 0; left: 0; width: 270px; box-sizing: border-box; overflow-y: auto;
              background: #f7f7f9; border-right: 1px solid #ddd; padding: 10px 12px; font-size: 13px; }
  #kg-legend .kg-comm { font-size: 12px; color: #333; line-height: 1.25; }
  #kg-note { color: #555; font-size: 12px; margin: 4px 0 6px 0; line-height: 1.3; }
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
    """The legend/search panel (static text only: type names, counts and
    entity names, all escaped). Folded views list the communities by their
    three entities with most papers; shapes then show the type."""
    folded = bool(g.graph.get("folded"))
    shown = drawn(g)
    node_counts: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        node_counts[d["type"]] = node_counts.get(d["type"], 0) + 1
    edge_counts: dict[str, int] = {}
    for *_, d in shown.edges(data=True):
        edge_counts[d["type"]] = edge_counts.get(d["type"], 0) + 1
    rows = []
    for t, (colour, shape) in NODE_STYLE.items():
        if t not in node_counts:
            continue
        fill = "#888888" if folded else colour
        rows.append(
            f"<label class='kg-row'><input type='checkbox' checked data-kgtype='{_esc(t)}'>"
            f"<span class='kg-sw' style='background:{fill};{_SHAPE_CSS.get(shape, '')}'></span>"
            f"{_esc(t)}<span class='kg-n'>{node_counts[t]}</span></label>"
        )
    _, comms = node_colours(g)
    crows = [
        f"<div class='kg-row kg-comm'><span class='kg-sw' style='background:{colour};border-radius:50%'></span>"
        f"{_esc(', '.join(_short(n, 22) for n in names))}</div>"
        for colour, names in comms
    ]
    erows = [
        f"<div class='kg-row'><span class='kg-edge' style='background:{edge_colour(t)}'></span>"
        f"{_esc('shared papers' if t == SHARED else t)}<span class='kg-n'>{edge_counts[t]}</span></div>"
        for t in [*EDGE_COLOR, *sorted(set(edge_counts) - set(EDGE_COLOR))] if t in edge_counts
    ]
    note = ("<div id='kg-note'>Entities; papers are folded into the grey lines (width: shared papers). "
            "Colours: communities (Louvain). Hover a line or node for details.</div>" if folded else
            "<div id='kg-note'>Hover a line for its relation and evidence.</div>")
    return (
        "<div id='kg-panel'><h2>ML knowledge graph</h2>"
        "<input id='kg-search' list='kg-names' placeholder='Search name or alias\u2026' autocomplete='off'>"
        "<datalist id='kg-names'></datalist>" + note
        + f"<div id='kg-legend'><h3>Nodes</h3>{''.join(rows)}"
        + (f"<h3>Communities</h3>{''.join(crows)}" if crows else "")
        + (f"<h3>Lines</h3>{''.join(erows)}" if erows else "")
        + f"</div><div id='kg-status'>{g.number_of_nodes()} nodes, {shown.number_of_edges()} edges</div></div>"
    )


_JS = """
<script>
function kgInit() {
  var net = network;
  window.kgDrawnAt = null;
  // show the whole drawing, labels included (kgExtent: computed with the layout)
  function kgFit() {
    var e = window.kgExtent, box = document.getElementById("mynetwork").getBoundingClientRect();
    if (!e || !box.width || !box.height) { net.fit({animation: false}); return; }
    var scale = 0.98 * Math.min(box.width / (e[2] - e[0]), box.height / (e[3] - e[1]));
    net.moveTo({position: {x: (e[0] + e[2]) / 2, y: (e[1] + e[3]) / 2}, scale: scale, animation: false});
  }
  kgFit();
  net.once("afterDrawing", function () { window.kgDrawnAt = performance.now(); kgFit(); });
  window.addEventListener("resize", kgFit);
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
  // edge labels on hover only (set as text: vis draws it on the canvas)
  net.on("hoverEdge", function (p) {
    kgTooltipElement(edges, p.edge);
    var e = edges.get(p.edge);
    if (e && e.kglabel) edges.update({id: p.edge, label: String(e.kglabel)});
  });
  net.on("blurEdge", function (p) { edges.update({id: p.edge, label: null}); });
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
    fit = f"window.kgExtent = {json.dumps(net.kg_extent)};"  # numbers only
    page = page[:tail] + f"drawGraph();\n              {fit}\n              kgInit();" + page[tail + len("drawGraph();"):]
    return page


def external_references(page: str) -> list[str]:
    """Resource URLs the page would fetch (should be none)."""
    refs = re.findall(r"<(?:script|img|iframe)\b[^>]*\bsrc\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", page, re.I)
    refs += re.findall(r"<link\b[^>]*\bhref\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", page, re.I)
    refs += re.findall(r"@import\s+(?:url\()?[\"']?((?:https?:)?//[^\"')\s]+)", page, re.I)
    refs += re.findall(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", page, re.I)
    return refs


def write_html(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the page for ``g`` to ``path`` (its directory must exist)."""
    path = Path(path)
    page = to_html(g)
    path.write_text(page, encoding="utf-8")
    return path


__all__ = ["EDGE_COLOR", "NODE_STYLE", "PHYSICS_MAX_NODES", "drawn", "external_references", "layout", "legend_html",
           "short_title", "wrap",
           "to_html", "to_network", "write_html"]
