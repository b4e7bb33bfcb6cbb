// facebook.com: Lexical composers for posts, comments and replies; Messenger chats are private.
import { ANY_TEXT_BOX, hostsOf, CTRL_ENTER, ENTER, isMessageLabel, labelContext } from "./common.js";

const LEXICAL = '[contenteditable="true"][data-lexical-editor="true"], [contenteditable="true"][role="textbox"]';
const SUBMIT_LABELLED = 'div[role="button"][aria-label], [role="button"]';

/** @type {import("./common.js").Adapter} */
export default {
  id: "facebook",
  hosts: hostsOf("facebook"),
  fields: [
    {
      // A Messenger chat (the chat tabs at the bottom, or /messages): private, not a post.
      name: "dm",
      selector: LEXICAL,
      match: (el) => /^\/(messages|messenger)\b/.test(location.pathname) ||
        !!el.closest('[aria-label^="Messenger" i], [data-pagelet*="Chat" i], [role="complementary"][aria-label*="chat" i]') ||
        isMessageLabel(el),
      context: "comment",
      scope: '[role="dialog"], [role="complementary"], form',
      submitStable: '[type="submit"]',
      submitLabelled: SUBMIT_LABELLED,
      submitKeys: [ENTER],
      direct: true,
    },
    {
      // Comment and reply boxes under a post: sent with Enter or the send arrow.
      name: "comment",
      selector: LEXICAL,
      match: (el) => labelContext(el) !== "post",
      context: labelContext,
      scope: 'form, [role="article"], [role="dialog"]',
      submitStable: '#focused-state-composer-submit, [type="submit"]',
      submitLabelled: SUBMIT_LABELLED,
      submitKeys: [ENTER],
    },
    {
      // The "Create post" composer: the Post button, or Ctrl/Cmd+Enter.
      name: "post",
      selector: LEXICAL,
      context: "post",
      scope: 'form, [role="dialog"]',
      submitStable: '#focused-state-composer-submit, [type="submit"]',
      submitLabelled: SUBMIT_LABELLED,
      submitKeys: [CTRL_ENTER],
    },
    ANY_TEXT_BOX,
  ],
};
