// x.com and twitter.com: the Draft.js composer for posts, replies and quotes; direct messages are private.
import { ANY_TEXT_BOX, hostsOf, CTRL_ENTER, ENTER, isMessageLabel } from "./common.js";

const DRAFT = '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"], [contenteditable="true"][role="textbox"]';
const BUTTONS = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';

/** @type {import("./common.js").Adapter} */
export default {
  id: "x",
  hosts: hostsOf("x"),
  fields: [
    {
      name: "dm",
      selector: '[data-testid="dmComposerTextInput"], ' + DRAFT + ", textarea",
      match: (el) => /^\/(messages|i\/chat)\b/.test(location.pathname) ||
        !!el.closest('[data-testid="dmComposerTextInput"], [data-testid="DmActivityContainer"], [data-testid="DMDrawer"]') ||
        isMessageLabel(el),
      context: "comment",
      scope: '[data-testid="DmActivityContainer"], [data-testid="DMDrawer"], [role="dialog"], main, body',
      submitStable: '[data-testid="dmComposerSendButton"]',
      submitKeys: [ENTER],
      direct: true,
    },
    {
      // On a post's own page (/user/status/123) the composer writes a reply.
      name: "post",
      selector: DRAFT,
      context: () => (/\/status\/\d+/.test(location.pathname) ? "reply" : "post"),
      scope: '[role="dialog"], [data-testid="primaryColumn"], main, body',
      submitStable: BUTTONS,
      submitKeys: [CTRL_ENTER],
    },
    ANY_TEXT_BOX,
  ],
};
