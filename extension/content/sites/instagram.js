// instagram.com: Lexical caption editor (new post), textarea for comments and replies.
SomeCheck.addSite({
  name: "instagram",
  platform: "instagram",
  hosts: /(^|\.)instagram\.com$/,
  composer: '[contenteditable="true"][data-lexical-editor="true"], form textarea, [contenteditable="true"][role="textbox"]',
  scope: 'form, [role="dialog"]',
  submit: '[type="submit"], div[role="button"]',
  context: (composer) => (composer.tagName === "TEXTAREA" ? "comment" : "post"),
  enterSubmits: (composer) => composer.tagName === "TEXTAREA",
});
