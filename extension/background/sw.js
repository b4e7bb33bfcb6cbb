// Chromium service worker entry; Firefox loads the same files as background scripts (manifest).
importScripts("../lib/settings.js", "api.js", "main.js");
