// "If in doubt, don't publish": asked once before a post with a block-level finding goes out.
import { t } from "../i18n.js";
import { button, el, root, setState } from "./overlay.js";
import { descriptionOf, entryText, guidelineBox } from "./entry-view.js";

let open = null;

export const isOpen = () => !!open;

export function close() {
  if (open) { open.remove(); open = null; setState({ dialog: "closed" }); }
}

/**
 * Ask; `onEdit()` or `onPublish()` runs once, after the dialog has closed.
 * @param {import("./findings.js").Entry[]} entries  the block-level entries
 */
export function ask(entries, { onEdit, onPublish }) {
  close();
  const backdrop = el("div", "sc-backdrop");
  const box = el("div", "sc-dialog");
  box.setAttribute("role", "alertdialog");
  box.setAttribute("aria-modal", "true");
  const title = el("h2", "", t("dialog_title"));
  title.id = "sc-dialog-title";
  box.setAttribute("aria-labelledby", title.id);
  const list = el("ul");
  for (const entry of entries) {
    const li = el("li");
    li.dataset.rule = entry.finding.rule;
    li.append(entryText(entry));
    if (entry.info.guideline.id) li.append(guidelineBox(entry));
    li.append(el("div", "sc-desc", descriptionOf(entry)));
    list.appendChild(li);
  }
  const actions = el("div", "sc-actions");
  const edit = button("sc-edit", t("dialog_edit"));
  const publish = button("sc-publish", t("dialog_publish"));
  actions.append(publish, edit);
  box.append(title, el("p", "", t("dialog_body")), list, actions);
  backdrop.appendChild(box);
  root().appendChild(backdrop);
  open = backdrop;
  setState({ dialog: "open" });
  let done = false;
  const finish = (fn) => { if (done) return; done = true; close(); fn(); };
  edit.addEventListener("click", () => finish(onEdit));
  publish.addEventListener("click", () => finish(onPublish));
  box.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Escape") finish(onEdit);
    if (e.key === "Tab") { e.preventDefault(); (e.target === edit ? publish : edit).focus(); }
  });
  // Keys typed while the dialog is up go to it, never to the page behind.
  edit.focus({ preventScroll: true });
}
