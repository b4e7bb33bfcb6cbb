// instagram.com: the caption of a new post (Lexical, or a textarea where Enter is a new line),
// comment and reply textareas sent with Enter; Instagram Direct is private.
import { ANY_TEXT_BOX, hostsOf, ENTER, isMessageLabel, labelContext } from "./common.js";

/** @type {import("./common.js").Adapter} */
export default {
  id: "instagram",
  hosts: hostsOf("instagram"),
  fields: [
    {
      name: "dm",
      selector: 'textarea, [contenteditable="true"]',
      match: (el) => /^\/direct\b/.test(location.pathname) || isMessageLabel(el),
      context: "comment",
      scope: 'form, [role="dialog"], main, body',
      submitLabelled: 'div[role="button"], button',
      submitKeys: [ENTER],
      direct: true,
    },
    {
      // Comments and replies: a textarea in a form; Enter sends, Shift+Enter is a new line.
      name: "comment",
      selector: "form textarea",
      context: (el) => (labelContext(el) === "reply" ? "reply" : "comment"),
      scope: "form",
      submitStable: '[type="submit"]',
      submitLabelled: 'div[role="button"], button',
      submitKeys: [ENTER],
    },
    {
      // The caption of a new post: Enter is a new line; only "Share" posts.
      name: "caption",
      selector: '[contenteditable="true"][data-lexical-editor="true"], [contenteditable="true"][role="textbox"], textarea',
      context: "post",
      scope: '[role="dialog"], form',
      submitStable: '[type="submit"]',
      submitLabelled: 'div[role="button"], button',
      submitKeys: [],
    },
    ANY_TEXT_BOX,
  ],
};
