// The inspector's look, scoped under .tfi (it lives in the page's own DOM, so tests and the page
// can query its data- hooks). Dark, quiet, with colour only for meaning: JS amber, Java orange,
// subgraph violet, packets teal, errors red.
export const CSS = `
.tfi { --bg:#14161c; --panel:#1b1e26; --line:#2a2f3a; --text:#dde3ee; --dim:#8891a3; --js:#f2c744; --java:#f0803c;
  --graph:#a68cff; --flow:#3fd0c9; --err:#ff5d73; --sel:#5aa9ff;
  position:relative; display:grid; grid-template-columns:minmax(0,1fr) 300px; grid-template-rows:auto minmax(0,1fr) 190px;
  background:var(--bg); color:var(--text); font:12px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;
  border:1px solid var(--line); border-radius:10px; overflow:hidden; min-height:480px; height:100%; box-sizing:border-box; }
.tfi *, .tfi *::before, .tfi *::after { box-sizing:border-box; }
.tfi-bar { grid-column:1 / 3; display:flex; align-items:center; gap:14px; padding:8px 12px; background:var(--panel); border-bottom:1px solid var(--line); }
.tfi-title { font-weight:650; letter-spacing:.02em; }
.tfi-pill { padding:2px 8px; border-radius:999px; background:#262b36; color:var(--dim); font-variant-numeric:tabular-nums; }
.tfi-pill[data-state=running] { background:#143a38; color:var(--flow); }
.tfi-pill[data-state=stopped] { background:#3a1c22; color:var(--err); }
.tfi-spacer { flex:1; }
.tfi-legend { display:flex; gap:10px; color:var(--dim); }
.tfi-legend i { display:inline-block; width:9px; height:9px; border-radius:3px; margin-right:4px; vertical-align:-1px; }
.tfi button { background:#262b36; color:var(--text); border:1px solid var(--line); border-radius:6px; padding:3px 9px; font:inherit; cursor:pointer; }
.tfi button:hover { border-color:var(--sel); }
.tfi-canvas { position:relative; overflow:hidden; cursor:grab; background:radial-gradient(circle at 1px 1px,#232733 1px,transparent 0) 0 0/22px 22px; }
.tfi-canvas.tfi-dragging { cursor:grabbing; }
.tfi-canvas svg { display:block; width:100%; height:100%; }
.tfi-note { position:absolute; left:12px; bottom:10px; color:var(--dim); pointer-events:none; }
.tfi-node { cursor:pointer; }
.tfi-node > rect.tfi-box { fill:#20242e; stroke:#343a48; stroke-width:1.2; }
.tfi-node.tfi-kind-js > rect.tfi-box { stroke:color-mix(in srgb,var(--js) 55%,#343a48); }
.tfi-node.tfi-kind-java > rect.tfi-box { stroke:color-mix(in srgb,var(--java) 55%,#343a48); }
.tfi-node.tfi-kind-graph > rect.tfi-box { fill:rgba(166,140,255,.07); stroke:color-mix(in srgb,var(--graph) 60%,#343a48); stroke-dasharray:5 3; }
.tfi-node.tfi-selected > rect.tfi-box { stroke:var(--sel); stroke-width:2.4; }
.tfi-node.tfi-has-errors > rect.tfi-box { stroke:var(--err); }
.tfi-node rect.tfi-stripe { fill:var(--js); }
.tfi-kind-java rect.tfi-stripe { fill:var(--java); }
.tfi-kind-graph rect.tfi-stripe { fill:var(--graph); }
.tfi-node text { fill:var(--text); font-size:12px; }
.tfi-node text.tfi-id { font-weight:650; font-size:13px; }
.tfi-node text.tfi-component, .tfi-node text.tfi-port { fill:var(--dim); font-size:10.5px; }
.tfi-node text.tfi-kind { font-size:9.5px; font-weight:700; letter-spacing:.06em; }
.tfi-kind-js text.tfi-kind { fill:var(--js); } .tfi-kind-java text.tfi-kind { fill:var(--java); } .tfi-kind-graph text.tfi-kind { fill:var(--graph); }
.tfi-node text.tfi-stats { fill:#b6bfd0; font-size:10.5px; font-variant-numeric:tabular-nums; }
.tfi-node text.tfi-errors { fill:var(--err); font-weight:650; }
.tfi-node circle.tfi-port-dot { fill:#3a4150; stroke:#596174; }
.tfi-node circle.tfi-pending { fill:#2a2f3a; }
.tfi-node.tfi-running circle.tfi-pending { fill:var(--flow); stroke:#bff7f3; stroke-width:1.5; }
.tfi-node.tfi-queued circle.tfi-pending { fill:var(--js); }
.tfi-edge path { fill:none; stroke:#485064; stroke-width:1.6; }
.tfi-edge.tfi-active path { stroke:var(--flow); stroke-width:2.2; }
.tfi-far text { display:none; }
.tfi-edge text { fill:var(--dim); font-size:10px; font-variant-numeric:tabular-nums; paint-order:stroke; stroke:var(--bg); stroke-width:3px; }
.tfi-edge.tfi-active text { fill:var(--flow); }
.tfi-side { grid-row:2 / 4; grid-column:2; border-left:1px solid var(--line); background:var(--panel); overflow:auto; padding:12px; }
.tfi-side h3 { margin:0 0 2px; font-size:14px; word-break:break-all; }
.tfi-side .tfi-sub { color:var(--dim); margin-bottom:10px; word-break:break-all; }
.tfi-side dl { display:grid; grid-template-columns:auto 1fr; gap:3px 10px; margin:0 0 12px; }
.tfi-side dt { color:var(--dim); } .tfi-side dd { margin:0; font-variant-numeric:tabular-nums; word-break:break-all; }
.tfi-state { width:100%; border-collapse:collapse; table-layout:fixed; }
.tfi-state td { border-top:1px solid var(--line); padding:4px 2px; vertical-align:top; word-break:break-all; }
.tfi-state td.tfi-key { color:var(--js); width:34%; font-family:ui-monospace,monospace; }
.tfi-state td.tfi-value { font-family:ui-monospace,monospace; }
.tfi-state td.tfi-actions { width:54px; text-align:right; white-space:nowrap; }
.tfi-state button { padding:0 5px; font-size:11px; }
.tfi-side input, .tfi-side textarea { width:100%; background:#12141a; color:var(--text); border:1px solid var(--line); border-radius:5px; padding:3px 5px; font:11px ui-monospace,monospace; }
.tfi-add { display:grid; grid-template-columns:1fr 1.4fr auto; gap:4px; margin-top:8px; }
.tfi-problem { color:var(--err); margin-top:4px; min-height:1em; }
.tfi-empty { color:var(--dim); }
.tfi-log { grid-column:1; border-top:1px solid var(--line); display:grid; grid-template-rows:auto minmax(0,1fr); background:#111318; }
.tfi-log-bar { display:flex; gap:10px; align-items:center; padding:5px 10px; border-bottom:1px solid var(--line); color:var(--dim); }
.tfi-log-bar label { display:flex; gap:4px; align-items:center; cursor:pointer; }
.tfi-log-bar input[type=search] { background:#12141a; border:1px solid var(--line); color:var(--text); border-radius:5px; padding:2px 6px; font:inherit; width:150px; }
.tfi-log ol { list-style:none; margin:0; padding:4px 10px; overflow:auto; font:11px/1.55 ui-monospace,monospace; }
.tfi-log li { white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.tfi-log li .tfi-t { color:#5d6577; margin-right:8px; }
.tfi-log li[data-type=error] { color:var(--err); }
.tfi-log li[data-type=data] .tfi-what { color:var(--flow); }
.tfi-log li[data-type=start], .tfi-log li[data-type=stop], .tfi-log li[data-type=idle] { color:var(--dim); }
`;
