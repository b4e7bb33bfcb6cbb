// The plain-words notice when the checker does not answer: one message per cause, what to do,
// and a link to the details on the options page. Posting is never blocked.
import { t } from "../i18n.js";
import { send } from "../platform.js";
import { button, el } from "./overlay.js";

export class Notice {
  constructor(container, place) {
    this.container = container;
    this.place = place;         // (node, width, height) => void
    this.node = null;
    this.dismissed = false;
  }

  show(cause) {
    if (this.dismissed) return;
    if (!this.node) {
      this.node = el("div", "sc-notice");
      this.node.setAttribute("role", "status");
      this.container.appendChild(this.node);
    }
    const n = this.node;
    n.textContent = "";
    n.dataset.cause = cause;
    const close = button("sc-close", "×");
    close.setAttribute("aria-label", t("close"));
    close.addEventListener("click", () => { this.dismissed = true; this.hide(); });
    const details = button("sc-link sc-details", t("notice_details"));
    details.addEventListener("click", () => send({ type: "openOptions" }));
    n.append(close, el("div", "", t("notice_" + cause)), details);
    this.place(n);
  }

  hide() {
    if (this.node) { this.node.remove(); this.node = null; }
  }

  dispose() { this.hide(); }
}
