// Reads a composer's text from its text nodes and keeps the map from text offsets (UTF-16 code
// units, as the checker returns them) back to DOM positions. Never writes to the editor.
const BLOCK = /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|SECTION|ARTICLE|TABLE|TR)$/;
const TEXT = 3, ELEMENT = 1;

/**
 * @typedef {{node: Text, start: number, end: number}} Segment
 * @typedef {{text: string, segments: Segment[], kind: "dom"|"textarea", root: Element}} TextMap
 */

function isBlock(el) { return BLOCK.test(el.tagName); }

// Is this <br> the placeholder at the end of its block (renders no line of its own)?
function trailingBr(br, root) {
  let n = br;
  while (n && n !== root) {
    let sib = n.nextSibling;
    while (sib && sib.nodeType === TEXT && sib.data === "") sib = sib.nextSibling;
    if (sib) return false;
    n = n.parentNode;
    if (n && n.nodeType === ELEMENT && isBlock(n)) return true;
  }
  return true;
}

/** The text of a contenteditable as the editors' own models hold it: <p> blocks "\n\n", other blocks and <br> "\n". */
export function fromEditable(root) {
  const segments = [];
  let text = "";
  let pendingBreak = "";   // separator owed before the next content of a new block
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) {
        if (!c.data) continue;
        if (pendingBreak && text) text += pendingBreak;
        pendingBreak = "";
        segments.push({ node: c, start: text.length, end: text.length + c.data.length });
        text += c.data;
      } else if (c.nodeType === ELEMENT) {
        if (c.getAttribute("contenteditable") === "false" || c.getAttribute("aria-hidden") === "true") continue;
        if (c.tagName === "BR") {
          if (trailingBr(c, root)) continue;
          if (pendingBreak && text) text += pendingBreak;
          pendingBreak = "";
          text += "\n";
          continue;
        }
        if (isBlock(c) && text) pendingBreak = c.tagName === "P" ? "\n\n" : "\n";
        walk(c);
      }
    }
  };
  walk(root);
  return { text, segments, kind: "dom", root };
}

/** @returns {TextMap} */
export function read(composer) {
  if (composer.tagName === "TEXTAREA" || composer.tagName === "INPUT") {
    return { text: composer.value, segments: [], kind: "textarea", root: composer };
  }
  return fromEditable(composer);
}

/** offset -> {node, offset}; an offset inside a separator goes to the end of the text before it (or the start of the next with preferNext). */
export function position(map, offset, preferNext) {
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

/** A DOM Range over text [start, end), or null (a textarea, or offsets off the map). */
export function range(map, start, end) {
  if (map.kind !== "dom") return null;
  const a = position(map, start, true);
  const b = position(map, end, false);
  if (!a || !b) return null;
  const r = map.root.ownerDocument.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch (e) {
    return null;
  }
  return r;
}

/** The text offset of a DOM position inside the map (-1 when outside it). */
export function offsetOf(map, node, offset) {
  const seg = map.segments.find((s) => s.node === node);
  return seg ? seg.start + offset : -1;
}
