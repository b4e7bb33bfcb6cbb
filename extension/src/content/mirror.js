// Where text of a <textarea> is drawn: a hidden mirror with the textarea's exact text box, since a
// textarea has no DOM text to take a Range of. The mirror takes the padding box *inside* the
// scrollbar (clientWidth), the padding, the wrapping styles and the scroll position.

/** Text styles a mirror copies from the textarea's computed style. */
export const COPIED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch",
  "fontKerning", "fontFeatureSettings", "letterSpacing", "lineHeight", "textTransform", "wordSpacing",
  "textIndent", "textAlign", "tabSize", "direction", "whiteSpace", "wordBreak", "overflowWrap", "hyphens",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft"];

/**
 * The mirror's style for a textarea.
 * @param {CSSStyleDeclaration|object} cs   the textarea's computed style
 * @param {{left: number, top: number}} rect  its border box in the viewport
 * @param {{clientWidth: number, clientHeight: number}} box  its padding box without scrollbars
 * @returns {Object<string, string>} style properties for the mirror element (border-box, no border)
 */
export function mirrorStyle(cs, rect, box) {
  const style = {};
  for (const p of COPIED) if (cs[p]) style[p] = cs[p];
  // A textarea wraps like pre-wrap unless the page says otherwise; "normal" would collapse spaces.
  if (!style.whiteSpace || style.whiteSpace === "normal") style.whiteSpace = "pre-wrap";
  const px = (v) => parseFloat(v) || 0;
  style.boxSizing = "border-box";
  style.border = "0";
  style.left = rect.left + px(cs.borderLeftWidth) + "px";
  style.top = rect.top + px(cs.borderTopWidth) + "px";
  style.width = box.clientWidth + "px";
  style.height = box.clientHeight + "px";
  return style;
}

/**
 * Client rects of text [start, end) of a textarea.
 * @param {HTMLTextAreaElement} ta
 * @param {HTMLElement} mirror  a hidden, position: fixed, overflow: hidden element
 */
export function textareaRects(ta, text, start, end, mirror) {
  const style = mirrorStyle(getComputedStyle(ta), ta.getBoundingClientRect(), ta);
  mirror.removeAttribute("style");
  Object.assign(mirror.style, style);
  const doc = mirror.ownerDocument;
  const inner = doc.createElement("div");
  // The scrolled text moves inside the padding box, as in the textarea.
  inner.style.transform = `translate(${-ta.scrollLeft}px, ${-ta.scrollTop}px)`;
  const mark = doc.createElement("span");
  mark.textContent = text.slice(start, end);
  inner.append(doc.createTextNode(text.slice(0, start)), mark, doc.createTextNode(text.slice(end) + "\u200b"));
  mirror.replaceChildren(inner);
  return Array.from(mark.getClientRects());
}
