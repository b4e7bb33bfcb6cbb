// facebook.com: Lexical composers (posts, comments, replies). Selectors only.
SomeCheck.addSite({
  name: "facebook",
  platform: "facebook",
  hosts: /(^|\.)facebook\.com$/,
  composer: '[contenteditable="true"][data-lexical-editor="true"], [contenteditable="true"][role="textbox"]',
  // Where the submit button lives, relative to the composer.
  scope: 'form, [role="dialog"]',
  submit: '#focused-state-composer-submit, [type="submit"], div[role="button"][aria-label]',
  // Comment and reply boxes are sent with Enter.
  enterSubmits: (composer) => SomeCheck.labelContext(composer) !== "post",
});
