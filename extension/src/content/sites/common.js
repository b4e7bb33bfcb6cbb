// What the site adapters share: the shape of an adapter, button and label words in the three
// languages people use the sites in, and the catch-all field for any other text box.

/**
 * @typedef {{key: string, mods: "none"|"ctrlOrMeta"}} SubmitKey
 *   a key that sends the field's text: plain Enter ("none"), or Ctrl/Cmd+Enter ("ctrlOrMeta")
 * @typedef {Object} Field   one kind of composer on a site
 * @property {string} name               "post", "comment", "caption", "dm", ...
 * @property {string} selector           CSS selector of the composer element
 * @property {(el: Element) => boolean} [match]   a further test of a candidate
 * @property {"post"|"comment"|"reply"|((el: Element) => string)} context   sent to the checker
 * @property {string} scope              the closest container that holds this field's submit control
 * @property {string} [submitStable]     submit controls known by a stable attribute
 * @property {string} [submitLabelled]   controls that submit when their label is a submit word
 * @property {SubmitKey[]} submitKeys    the keys the site itself uses to send from this field
 * @property {boolean} [direct]          a private message: not checked unless the user allows it
 * @typedef {Object} Adapter
 * @property {string} id                 the platform id (generated/vocabulary.js)
 * @property {string[]} hosts            host names (from the vocabulary)
 * @property {Field[]} fields            most specific first
 */

import { PLATFORMS } from "../../generated/vocabulary.js";

/** A platform's host names, from the vocabulary (one list for the manifest, checker and adapters). */
export const hostsOf = (id) => (PLATFORMS.find((p) => p.id === id) || { hosts: [] }).hosts;

export const ENTER = { key: "Enter", mods: "none" };
export const CTRL_ENTER = { key: "Enter", mods: "ctrlOrMeta" };

// Button words of the three languages (used only where a control has no stable attribute).
const SUBMIT_WORDS = /^(post|share|reply|comment|publish|send|tweet|julkaise|jaa|vastaa|kommentoi|lähetä|twiittaa|publicera|dela|svara|kommentera|skicka)$/i;

/** Does the control's label read as a submit word (Post, Julkaise, Publicera, ...)? */
export function isSubmitLabel(el) {
  const label = (el.getAttribute("aria-label") || el.textContent || "").trim();
  return SUBMIT_WORDS.test(label);
}

/** The composer's own label or placeholder, lower case. */
export function labelOf(el) {
  return (el.getAttribute("aria-label") || el.getAttribute("placeholder") || el.getAttribute("aria-placeholder") || "").toLowerCase();
}

/** post, comment or reply, from the composer's label in fi, sv or en. */
export function labelContext(el) {
  const label = labelOf(el);
  if (/reply|vastaa|vastaus|svara|answer/.test(label)) return "reply";
  if (/comment|kommentt|kommentar/.test(label)) return "comment";
  return "post";
}

/** A label that asks for a private message ("Message…", "Viesti…", "Meddelande…", "Aa"). */
export function isMessageLabel(el) {
  return /^(aa|message|viesti|meddelande|skriv ett meddelande|kirjoita viesti|write a message|start a new message)\b/.test(labelOf(el).trim());
}

/** Any other text box on an enabled site: checked as a post; no key is taken for a submit. */
export const ANY_TEXT_BOX = {
  name: "other",
  selector: 'textarea, [contenteditable="true"], [contenteditable=""], [role="textbox"][contenteditable]',
  context: labelContext,
  scope: 'form, [role="dialog"]',
  submitStable: '[type="submit"]',
  submitLabelled: '[role="button"], button',
  submitKeys: [],
};
