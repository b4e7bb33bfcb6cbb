// The submit guard: when Post/Share/Reply (or Ctrl/Cmd+Enter, or Enter where the site sends with
// Enter) is pressed and a block-level finding remains, ask once: "If in doubt, don't publish".
// Warn and info never interrupt; an unreachable checker never blocks.
(function (SC) {
  "use strict";
  const O = SC.overlay;
  const HOLD_TIMEOUT_MS = 1500;
  let dialog = null;

  function stop(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  function submitButtonFrom(target, adapter, composer) {
    if (!(target instanceof Element)) return null;
    const btn = target.closest(adapter.submit);
    if (!btn || btn === composer || composer.contains(btn)) return null;
    const scope = composer.closest(adapter.scope);
    if (scope && !scope.contains(btn)) return null;
    if (adapter.submitIsStable || btn.matches('[type="submit"], #focused-state-composer-submit') || SC.isSubmitLabel(btn)) return btn;
    return null;
  }

  function replay(action) {
    SC.bypass = true;
    try { action(); } finally { SC.bypass = false; }
  }

  function closeDialog() {
    if (dialog) { dialog.remove(); dialog = null; }
  }

  function openDialog(st, text, items, proceed) {
    closeDialog();
    const root = O.ensure();
    dialog = O.el("div", "sc-backdrop");
    const box = O.el("div", "sc-dialog");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    const title = O.el("h2", "", SC.t("dialog_title"));
    title.id = "sc-dialog-title";
    box.setAttribute("aria-labelledby", title.id);
    const list = O.el("ul");
    for (const { finding } of items) {
      const li = O.el("li");
      li.dataset.rule = finding.rule;
      li.append(SC.panel.findingText(finding));
      const meta = O.el("div", "sc-meta");
      meta.append(O.el("span", "sc-guideline", SC.t("guideline_label", finding.guideline)),
        O.el("span", "", SC.panel.descriptionOf(finding.rule, finding)));
      li.append(meta);
      list.appendChild(li);
    }
    const actions = O.el("div", "sc-actions");
    const edit = O.el("button", "sc-edit", SC.t("dialog_edit"));
    const publish = O.el("button", "sc-publish", SC.t("dialog_publish"));
    edit.type = publish.type = "button";
    actions.append(publish, edit);
    box.append(title, O.el("p", "", SC.t("dialog_body")), list, actions);
    dialog.appendChild(box);
    root.appendChild(dialog);
    O.setState({ dialog: "open" });
    const back = () => { closeDialog(); O.setState({ dialog: "closed" }); st.composer && st.composer.focus(); };
    edit.addEventListener("click", back);
    publish.addEventListener("click", () => {
      closeDialog();
      O.setState({ dialog: "closed" });
      st.approvedText = text;
      replay(proceed);
    });
    box.addEventListener("keydown", (e) => {
      if (e.key === "Escape") { e.stopPropagation(); back(); }
      if (e.key === "Tab") { e.preventDefault(); (e.target === edit ? publish : edit).focus(); }
    });
    edit.focus();
  }

  // e: the submitting event (already known to belong to the active composer).
  function decide(e, proceed) {
    const st = SC.state;
    const text = SC.currentText();
    if (!text.trim() || text === st.approvedText || st.status === "unreachable" || st.status === "off") return;
    if (text === st.checkedText && st.status === "ok") {
      const blocking = SC.blocking();
      if (blocking.length) { stop(e); openDialog(st, text, blocking, proceed); }
      return;
    }
    // The text changed since the last check (typed and posted within the pause): hold, check, decide.
    stop(e);
    let done = false;
    const go = () => { if (!done) { done = true; replay(proceed); } };
    const timer = setTimeout(go, HOLD_TIMEOUT_MS);
    SC.checkNow().then(() => {
      if (done) return;
      clearTimeout(timer);
      const blocking = SC.blocking();
      if (st.status === "ok" && st.checkedText === text && blocking.length) { done = true; openDialog(st, text, blocking, proceed); }
      else go();
    });
  }

  function onClick(e) {
    if (SC.bypass || SC.disabled()) return;
    const st = SC.state;
    if (!st.composer || !st.composer.isConnected) return;
    const btn = submitButtonFrom(e.target, st.adapter, st.composer);
    if (!btn) return;
    decide(e, () => btn.click());
  }

  function onKeydown(e) {
    if (SC.bypass || SC.disabled() || e.key !== "Enter" || e.isComposing || e.keyCode === 229) return;
    const st = SC.state;
    const c = st.composer;
    if (!c || !(e.target === c || c.contains(e.target))) return;
    const modifier = e.ctrlKey || e.metaKey;
    const plain = !modifier && !e.shiftKey && !e.altKey && st.adapter.enterSubmits(c);
    if (!modifier && !plain) return;
    const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true,
      ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: false, altKey: false };
    decide(e, () => c.dispatchEvent(new KeyboardEvent("keydown", init)));
  }

  window.addEventListener("click", onClick, true);
  window.addEventListener("keydown", onKeydown, true);
  SC.guard = { openDialog, closeDialog };
})(SomeCheck);
