// Starting the comment review from the content script: once the settings are known, on Facebook,
// Instagram and X. The review itself decides, on every change of the page, whether it applies
// (an administrator, on one of the organization's own pages).
import { onStorageChanged, send } from "../platform.js";
import { t } from "../i18n.js";
import { CommentReview } from "./review.js";
import { loadSettings } from "../content/runtime.js";

let review = null;

/** @param {{adapter: {id: string}, settings: {values: object}|null}} runtime */
export function startReview(runtime) {
  if (review || !["facebook", "instagram", "x"].includes(runtime.adapter.id)) return;
  review = new CommentReview({
    doc: document, platform: runtime.adapter.id, send, t,
    settings: () => (runtime.settings ? runtime.settings.values : null),
  });
  review.start();
  onStorageChanged(async () => { await loadSettings(); review.soon(); });   // role or pages changed: look again
}
