// x.com and twitter.com: Draft.js composer; posts, replies and quotes.
SomeCheck.addSite({
  name: "x",
  platform: "x",
  hosts: /(^|\.)(x|twitter)\.com$/,
  composer: '[data-testid^="tweetTextarea_"][contenteditable="true"], .public-DraftEditor-content[contenteditable="true"], [contenteditable="true"][role="textbox"]',
  scope: '[role="dialog"], [data-testid="primaryColumn"], main, body',
  submit: '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]',
  submitIsStable: true,
  // On a post's own page (/user/status/123) the composer writes a reply.
  context: () => (/\/status\/\d+/.test(location.pathname) ? "reply" : "post"),
  enterSubmits: () => false,
});
