// The extension's own layer: one shadow root on <html> for the page, holding each composer
// session's marks, panel, card and notices, and the dialog. Nothing is written into the site's editor.
import { SEVERITIES } from "../generated/vocabulary.js";

const HOST_TAG = "somecheck-overlay";
let host = null, shadow = null;

const sev = (id) => SEVERITIES.find((s) => s.id === id).colour;
const CSS_TEXT = `
:host { all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
* { box-sizing: border-box; font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.sc-box { position: fixed; border-radius: 2px; pointer-events: none; }
.sc-mark[data-severity=block] .sc-box { background: rgba(211,47,47,.18); border-bottom: 2px solid ${sev("block")}; }
.sc-mark[data-severity=warn] .sc-box { background: rgba(245,158,11,.20); border-bottom: 2px solid ${sev("warn")}; }
.sc-mark[data-severity=info] .sc-box { background: rgba(30,136,229,.14); border-bottom: 2px dotted ${sev("info")}; }
.sc-mark.sc-hl .sc-box { background: transparent; }
.sc-mark.sc-active .sc-box { outline: 2px solid rgba(0,0,0,.35); }
.sc-mirror { position: fixed; visibility: hidden; overflow: hidden; pointer-events: none; }
.sc-mirror * { font: inherit; letter-spacing: inherit; }
.sc-panel, .sc-card, .sc-notice, .sc-dialog, .sc-badge { pointer-events: auto; color: #1c1e21; font-size: 13px; line-height: 1.35; }
.sc-panel { position: fixed; width: 300px; overflow: auto; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.14); }
.sc-head { display: flex; align-items: center; gap: 6px; padding: 6px 10px; border-bottom: 1px solid #eceff3; font-weight: 600; background: #f7f8fa; border-radius: 8px 8px 0 0; position: sticky; top: 0; }
.sc-logo { width: 16px; height: 16px; border-radius: 4px; background: #2b5fb4; color: #fff; font-size: 11px; text-align: center; line-height: 16px; flex: none; }
.sc-head .sc-collapse { margin-left: auto; background: none; border: 1px solid #ccd0d5; width: 22px; height: 20px; padding: 0; line-height: 1; color: #444; }
.sc-badge { position: fixed; display: flex; align-items: center; gap: 4px; height: 24px; padding: 0 8px 0 4px; border-radius: 12px; border: 1px solid #d0d4da; background: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.15); font-weight: 700; font-size: 12px; }
.sc-badge[data-severity=block] { border-color: ${sev("block")}; color: #b71c1c; }
.sc-badge[data-severity=warn] { border-color: ${sev("warn")}; color: #8a5300; }
.sc-list { list-style: none; margin: 0; padding: 0; }
.sc-item { padding: 8px 10px; border-bottom: 1px solid #f0f2f5; border-left: 4px solid transparent; }
.sc-item:last-child { border-bottom: none; }
.sc-item[data-severity=block] { border-left-color: ${sev("block")}; }
.sc-item[data-severity=warn] { border-left-color: ${sev("warn")}; }
.sc-item[data-severity=info] { border-left-color: ${sev("info")}; }
.sc-sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
[data-severity=block] .sc-sev, .sc-dialog li .sc-sev { color: #c62828; }
[data-severity=warn] .sc-sev { color: #b26a00; }
[data-severity=info] .sc-sev { color: #1565c0; }
.sc-excerpt { font-weight: 600; background: #f3f4f6; border-radius: 3px; padding: 0 3px; }
.sc-msg { margin: 2px 0 4px; }
.sc-suggestion { margin: 2px 0 4px; padding: 4px 6px; background: #eef6ee; border-radius: 4px; color: #1b5e20; }
.sc-meta { display: flex; gap: 8px; align-items: center; font-size: 12px; color: #555; flex-wrap: wrap; }
.sc-guideline { font-weight: 700; color: #2b5fb4; white-space: nowrap; }
button.sc-guideline { background: none; border: none; padding: 0; text-decoration: underline dotted; }
.sc-guide { margin-top: 4px; padding: 6px; background: #eef3fb; border-radius: 4px; color: #1c2a44; }
.sc-guide strong { display: block; }
button { font: inherit; font-size: 12px; cursor: pointer; border-radius: 4px; }
.sc-link { background: none; border: none; color: #2b5fb4; padding: 0; text-decoration: underline; }
.sc-dismiss { margin-left: auto; background: none; border: 1px solid #ccd0d5; padding: 1px 6px; color: #444; }
.sc-desc { margin-top: 4px; padding: 6px; background: #f7f8fa; border-radius: 4px; color: #333; }
.sc-card { position: fixed; max-width: 320px; background: #fff; border: 1px solid #d0d4da; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 8px 10px; }
.sc-notice { position: fixed; width: 300px; background: #fffbe6; border: 1px solid #e6d38a; border-radius: 8px; padding: 6px 10px; font-size: 12px; color: #4a3b00; }
.sc-notice .sc-close { float: right; background: none; border: none; font-size: 14px; line-height: 1; padding: 0 0 0 6px; }
.sc-notice .sc-link { font-size: 12px; }
.sc-pending { position: fixed; padding: 2px 8px; border-radius: 10px; background: #fff; border: 1px solid #d0d4da; font-size: 12px; color: #444; pointer-events: none; }
.sc-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); pointer-events: auto; display: flex; align-items: center; justify-content: center; }
.sc-dialog { width: 460px; max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); overflow: auto; background: #fff; border-radius: 10px; box-shadow: 0 10px 40px rgba(0,0,0,.3); padding: 18px 20px; }
.sc-dialog h2 { margin: 0 0 6px; font-size: 18px; color: #b71c1c; }
.sc-dialog p { margin: 0 0 10px; }
.sc-dialog ul { margin: 0 0 14px; padding-left: 18px; }
.sc-dialog li { margin-bottom: 8px; }
.sc-actions { display: flex; gap: 8px; justify-content: flex-end; }
.sc-actions button { padding: 7px 14px; font-size: 14px; }
.sc-edit { background: #2b5fb4; color: #fff; border: 1px solid #2b5fb4; font-weight: 600; }
.sc-publish { background: #fff; color: #333; border: 1px solid #aab; }
`;

/** The overlay's shadow root (created on first use). */
export function root() {
  if (host && host.isConnected) return shadow;
  host = document.createElement(HOST_TAG);
  shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = CSS_TEXT;
  shadow.append(style);
  (document.documentElement || document).appendChild(host);
  return shadow;
}

/** The overlay's host element (null before first use). */
export const hostElement = () => host;

/** Is this node part of the overlay? */
export const isOwn = (node) => !!node && (node === host || (node instanceof Element && !!node.closest(HOST_TAG)));

/** A new element: el("div", "sc-x", "text"). */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A button with type=button. */
export function button(cls, text, title) {
  const b = el("button", cls, text);
  b.type = "button";
  if (title) b.title = title;
  return b;
}

/** Test-visible state on the host: data-state, data-count, data-marks, ... */
export function setState(attrs) {
  root();
  for (const [k, v] of Object.entries(attrs)) host.dataset[k] = String(v);
}
