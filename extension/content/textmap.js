// Reads a composer's text from its text nodes and keeps the map from text offsets (UTF-16 code
// units, as the checker returns them) back to DOM positions. Never writes to the editor.
(function (SC) {
  "use strict";
  const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|SECTION|ARTICLE|TABLE|TR)$/;

  function isBlock(el) { return BLOCK.test(el.tagName); }

  // Is this <br> the placeholder at the end of its block (renders no line of its own)?
  function trailingBr(br, root) {
    let n = br;
    while (n && n !== root) {
      let sib = n.nextSibling;
      while (sib && sib.nodeType === Node.TEXT_NODE && sib.data === "") sib = sib.nextSibling;
      if (sib) return false;
      n = n.parentNode;
      if (n && n.nodeType === Node.ELEMENT_NODE && isBlock(n)) return true;
    }
    return true;
  }

  // -> {text, segments: [{node, start, end}], kind: "dom"}
  function fromEditable(root) {
    const segments = [];
    let text = "";
    let pendingBreak = "";   // separator owed before the next content of a new block
    const walk = (node, depth) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === Node.TEXT_NODE) {
          if (!c.data) continue;
          if (pendingBreak && text) text += pendingBreak;
          pendingBreak = "";
          segments.push({ node: c, start: text.length, end: text.length + c.data.length });
          text += c.data;
        } else if (c.nodeType === Node.ELEMENT_NODE) {
          if (c.getAttribute("contenteditable") === "false" || c.getAttribute("aria-hidden") === "true") continue;
          if (c.tagName === "BR") {
            if (trailingBr(c, root)) continue;
            if (pendingBreak && text) text += pendingBreak;
            pendingBreak = "";
            text += "\n";
            continue;
          }
          const block = isBlock(c);
          if (block && text) pendingBreak = c.tagName === "P" ? "\n\n" : "\n";
          walk(c, depth + 1);
        }
      }
    };
    walk(root, 0);
    return { text, segments, kind: "dom", root };
  }

  function fromTextarea(el) {
    return { text: el.value, segments: [], kind: "textarea", root: el };
  }

  function read(composer) {
    return composer.tagName === "TEXTAREA" || composer.tagName === "INPUT" ? fromTextarea(composer) : fromEditable(composer);
  }

  // offset -> {node, offset}; an offset inside a separator goes to the end of the text before it.
  function position(map, offset, preferNext) {
    const segs = map.segments;
    if (!segs.length) return null;
    let lo = 0, hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    let s = segs[lo];
    if (offset < s.start) return { node: s.node, offset: 0 };
    if (offset >= s.end && preferNext && segs[lo + 1] && offset >= segs[lo + 1].start) s = segs[lo + 1];
    if (offset > s.end) {
      if (preferNext && segs[lo + 1]) return { node: segs[lo + 1].node, offset: 0 };
      return { node: s.node, offset: s.node.data.length };
    }
    return { node: s.node, offset: Math.min(offset - s.start, s.node.data.length) };
  }

  function range(map, start, end) {
    if (map.kind !== "dom") return null;
    const a = position(map, start, true);
    const b = position(map, end, false);
    if (!a || !b) return null;
    const r = document.createRange();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch (e) {
      return null;
    }
    return r;
  }

  SC.textmap = { read, range, position };
})(SomeCheck);
