// The extension's own layer: a shadow root on <html> holding the marks, the panel, cards and the
// dialog. Nothing is ever written into the site's editor.
(function (SC) {
  "use strict";
  const SEVERITY_ORDER = { block: 3, warn: 2, info: 1 };
  const hasHighlights = typeof CSS !== "undefined" && CSS.highlights && typeof Highlight === "function";
  let host = null, shadow = null, layer = null, mirror = null;

  const CSS_TEXT = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
* { box-sizing: border-box; font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.sc-box { position: fixed; border-radius: 2px; pointer-events: none; }
.sc-mark[data-severity=block] .sc-box { background: rgba(211,47,47,.18); border-bottom: 2px solid #d32f2f; }
.sc-mark[data-severity=warn] .sc-box { background: rgba(245,158,11,.20); border-bottom: 2px solid #e08a00; }
.sc-mark[data-severity=info] .sc-box { background: rgba(30,136,229,.14); border-bottom: 2px dotted #1e88e5; }
.sc-mark.sc-hl .sc-box { background: transparent; }
.sc-mark.sc-active .sc-box { outline: 2px solid rgba(0,0,0,.35); }
.sc-mirror *, .sc-mirror { font-family: inherit; }
.sc-mirror * { font: inherit; letter-spacing: inherit; }
.sc-mirror { position: fixed; visibility: hidden; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; pointer-events: none; }
.sc-panel, .sc-card, .sc-notice, .sc-dialog { pointer-events: auto; color: #1c1e21; font-size: 13px; line-height: 1.35; }
.sc-panel { position: fixed; width: 300px; max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.14); }
.sc-head { display: flex; align-items: center; gap: 6px; padding: 6px 10px; border-bottom: 1px solid #eceff3; font-weight: 600; background: #f7f8fa; border-radius: 8px 8px 0 0; }
.sc-head .sc-logo { width: 16px; height: 16px; border-radius: 4px; background: #2b5fb4; color: #fff; font-size: 11px; text-align: center; line-height: 16px; }
.sc-list { list-style: none; margin: 0; padding: 0; }
.sc-item { padding: 8px 10px; border-bottom: 1px solid #f0f2f5; border-left: 4px solid transparent; }
.sc-item:last-child { border-bottom: none; }
.sc-item[data-severity=block] { border-left-color: #d32f2f; }
.sc-item[data-severity=warn] { border-left-color: #e08a00; }
.sc-item[data-severity=info] { border-left-color: #1e88e5; }
.sc-sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.sc-item[data-severity=block] .sc-sev, .sc-card[data-severity=block] .sc-sev, .sc-dialog li .sc-sev { color: #c62828; }
.sc-item[data-severity=warn] .sc-sev, .sc-card[data-severity=warn] .sc-sev { color: #b26a00; }
.sc-item[data-severity=info] .sc-sev, .sc-card[data-severity=info] .sc-sev { color: #1565c0; }
.sc-excerpt { font-weight: 600; background: #f3f4f6; border-radius: 3px; padding: 0 3px; }
.sc-msg { margin: 2px 0 4px; }
.sc-meta { display: flex; gap: 8px; align-items: center; font-size: 12px; color: #555; }
.sc-guideline { font-weight: 700; color: #2b5fb4; white-space: nowrap; }
button { font: inherit; font-size: 12px; cursor: pointer; border-radius: 4px; }
.sc-link { background: none; border: none; color: #2b5fb4; padding: 0; text-decoration: underline; }
.sc-dismiss { margin-left: auto; background: none; border: 1px solid #ccd0d5; padding: 1px 6px; color: #444; }
.sc-desc { margin-top: 4px; padding: 6px; background: #f7f8fa; border-radius: 4px; color: #333; }
.sc-card { position: fixed; max-width: 320px; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; }
.sc-notice { position: fixed; max-width: 300px; background: #fffbe6; border: 1px solid #e6d38a; border-radius: 8px; padding: 6px 10px; font-size: 12px; color: #4a3b00; }
.sc-notice code { font-family: "DejaVu Sans Mono", monospace; background: #fff3bf; padding: 0 3px; border-radius: 3px; }
.sc-notice button { float: right; background: none; border: none; font-size: 14px; line-height: 1; padding: 0 0 0 6px; }
.sc-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto; display: flex; align-items: center; justify-content: center; }
.sc-dialog { width: 440px; max-width: calc(100vw - 32px); background: #fff; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.3); padding: 18px 20px; }
.sc-dialog h2 { margin: 0 0 6px; font-size: 18px; color: #b71c1c; }
.sc-dialog p { margin: 0 0 10px; }
.sc-dialog ul { margin: 0 0 14px; padding-left: 18px; }
.sc-dialog li { margin-bottom: 6px; }
.sc-actions { display: flex; gap: 8px; justify-content: flex-end; }
.sc-actions button { padding: 7px 14px; font-size: 14px; }
.sc-edit { background: #2b5fb4; color: #fff; border: 1px solid #2b5fb4; font-weight: 600; }
.sc-publish { background: #fff; color: #333; border: 1px solid #aab; }
`;

  function ensure() {
    if (host && host.isConnected) return shadow;
    host = document.createElement("somecheck-overlay");
    shadow = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = CSS_TEXT;
    layer = document.createElement("div");
    layer.className = "sc-marks";
    shadow.append(style, layer);
    (document.documentElement || document).appendChild(host);
    return shadow;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Client rects of text [start, end) of a textarea, by a hidden mirror with the same styles.
  function textareaRects(ta, text, start, end) {
    ensure();
    if (!mirror) { mirror = el("div", "sc-mirror"); shadow.appendChild(mirror); }
    const cs = getComputedStyle(ta);
    for (const p of ["fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight", "textTransform",
      "wordSpacing", "textIndent", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth",
      "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle", "boxSizing", "tabSize", "direction"]) {
      mirror.style[p] = cs[p];
    }
    mirror.style.borderColor = "transparent";
    const r = ta.getBoundingClientRect();
    mirror.style.left = r.left + "px";
    mirror.style.top = r.top + "px";
    mirror.style.width = r.width + "px";
    mirror.style.height = r.height + "px";
    mirror.textContent = "";
    const inner = el("div");
    inner.style.transform = `translate(${-ta.scrollLeft}px, ${-ta.scrollTop}px)`;
    const mark = el("span", "", text.slice(start, end));
    inner.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end) + "\u200b"));
    mirror.appendChild(inner);
    return Array.from(mark.getClientRects());
  }

  function clip(rect, box) {
    const left = Math.max(rect.left, box.left), top = Math.max(rect.top, box.top);
    const right = Math.min(rect.right, box.right), bottom = Math.min(rect.bottom, box.bottom);
    if (right - left < 1 || bottom - top < 1) return null;
    return { left, top, width: right - left, height: bottom - top };
  }

  // findings: [{id, finding}] with end > start. -> number of marks drawn
  function drawMarks(composer, map, findings) {
    ensure();
    layer.textContent = "";
    const ranges = { block: [], warn: [], info: [] };
    const useHl = hasHighlights && map.kind === "dom";
    const bounds = composer.getBoundingClientRect();
    const box = { left: bounds.left - 2, top: bounds.top - 2, right: bounds.right + 2, bottom: bounds.bottom + 2 };
    for (const { id, finding } of findings) {
      if (finding.end <= finding.start) continue;
      let rects = [];
      if (map.kind === "dom") {
        const r = SC.textmap.range(map, finding.start, finding.end);
        if (!r) continue;
        rects = Array.from(r.getClientRects());
        if (useHl && ranges[finding.severity]) ranges[finding.severity].push(r);
      } else {
        rects = textareaRects(composer, map.text, finding.start, finding.end);
      }
      const mark = el("div", "sc-mark" + (useHl ? " sc-hl" : ""));
      mark.dataset.id = id;
      mark.dataset.rule = finding.rule;
      mark.dataset.severity = finding.severity;
      mark.dataset.start = finding.start;
      mark.dataset.end = finding.end;
      for (const rect of rects) {
        if (rect.width < 1) continue;
        const c = clip(rect, box);
        if (!c) continue;
        const b = el("div", "sc-box");
        b.style.left = c.left + "px";
        b.style.top = c.top + "px";
        b.style.width = c.width + "px";
        b.style.height = c.height + "px";
        mark.appendChild(b);
      }
      layer.appendChild(mark);
    }
    if (hasHighlights) {
      for (const sev of Object.keys(ranges)) {
        const name = "somecheck-" + sev;
        if (ranges[sev].length) CSS.highlights.set(name, new Highlight(...ranges[sev]));
        else CSS.highlights.delete(name);
      }
    }
    return layer.childElementCount;
  }

  function clearMarks() {
    if (layer) layer.textContent = "";
    if (hasHighlights) for (const sev of ["block", "warn", "info"]) CSS.highlights.delete("somecheck-" + sev);
  }

  // The mark under a viewport point, or null.
  function markAt(x, y) {
    if (!layer) return null;
    for (const mark of layer.children) {
      for (const b of mark.children) {
        const r = b.getBoundingClientRect();
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mark;
      }
    }
    return null;
  }

  function setActive(id) {
    if (!layer) return;
    for (const mark of layer.children) mark.classList.toggle("sc-active", mark.dataset.id === id);
  }

  function setState(attrs) {
    ensure();
    for (const [k, v] of Object.entries(attrs)) host.dataset[k] = String(v);
  }

  SC.overlay = { ensure, el, drawMarks, clearMarks, markAt, setActive, setState, SEVERITY_ORDER, hasHighlights,
    root: () => ensure(), host: () => host };
})(SomeCheck);
