// The site adapters. Adding a site: its adapter file in this folder (the build lists it in
// generated/sites.js) and its line in the vocabulary (generated/vocabulary.js, from the checker).
import ADAPTERS from "../../generated/sites.js";
import { ANY_TEXT_BOX } from "./common.js";

const GENERIC = { id: "other", hosts: [], fields: [ANY_TEXT_BOX] };

/** The adapter for a host name (the generic one if no adapter declares it). */
export function adapterFor(host) {
  host = String(host || "").toLowerCase();
  return ADAPTERS.find((a) => a.hosts.includes(host)) || GENERIC;
}

/** The field of `adapter` an element is a composer of, as {composer, field}, or null. */
export function fieldOf(adapter, node) {
  if (!(node instanceof Element)) return null;
  for (const field of adapter.fields) {
    const el = node.closest(field.selector);
    if (el && (!field.match || field.match(el))) return { composer: el, field };
  }
  return null;
}

/** The field's context for the checker: post, comment or reply. */
export function contextOf(field, composer) {
  return typeof field.context === "function" ? field.context(composer) : field.context;
}

/** Is this key event one the site uses to send from this field? */
export function isSubmitKey(field, e) {
  if (e.isComposing || e.keyCode === 229) return false;
  return field.submitKeys.some((k) => {
    if (e.key !== k.key || e.shiftKey || e.altKey) return false;
    const mod = e.ctrlKey || e.metaKey;
    return k.mods === "ctrlOrMeta" ? mod : !mod;
  });
}
