// Fallback for any other focused text box on the enabled sites, and shared heuristics.
(function (SC) {
  "use strict";
  // Button words of the three languages users run the sites in (used only when no stable attribute).
  const SUBMIT_WORDS = /^(post|share|reply|comment|publish|send|tweet|julkaise|jaa|vastaa|kommentoi|lähetä|twiittaa|publicera|dela|svara|kommentera|skicka)$/i;
  SC.isSubmitLabel = (el) => {
    const label = (el.getAttribute("aria-label") || el.textContent || "").trim();
    return SUBMIT_WORDS.test(label);
  };
  SC.labelContext = (composer) => {
    const label = (composer.getAttribute("aria-label") || composer.getAttribute("placeholder") || "").toLowerCase();
    if (/reply|vastaa|svara|answer/.test(label)) return "reply";
    if (/comment|kommentt|kommentar/.test(label)) return "comment";
    return "post";
  };
  SC.generic = {
    name: "generic",
    platform: "other",
    hosts: /.*/,
    composer: 'textarea, [contenteditable="true"], [contenteditable=""], [role="textbox"][contenteditable]',
    scope: 'form, [role="dialog"]',
    submit: '[type="submit"], [role="button"], button',
    enterSubmits: () => false,
  };
})(SomeCheck);
