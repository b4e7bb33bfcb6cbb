// The compact findings panel by the composer, the card shown on a hovered or focused mark, and
// the unobtrusive "checker unreachable" notice.
(function (SC) {
  "use strict";
  const O = SC.overlay;
  let panel = null, card = null, notice = null, noticeDismissed = false;
  const openWhy = new Set();

  function place(node, composer, width) {
    const r = (composer.closest(SC.adapter && SC.adapter.scope || "form") || composer).getBoundingClientRect();
    const c = composer.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    let left, top;
    if (vw - c.right >= width + 16) { left = Math.max(c.right, r.right) + 12; top = c.top; }
    else if (c.left >= width + 16) { left = c.left - width - 12; top = c.top; }
    else { left = Math.max(8, Math.min(c.left, vw - width - 8)); top = r.bottom + 8; }
    if (left + width > vw - 4) left = Math.max(4, vw - width - 4);
    node.style.left = left + "px";
    node.style.top = Math.max(4, top) + "px";
  }

  function severityLabel(sev) { return SC.t("severity_" + sev); }

  function descriptionOf(rule, finding) {
    if (finding && typeof finding.description === "string" && finding.description) return finding.description;
    const d = SC.rules && SC.rules[rule];
    if (!d) return SC.t("why_unknown");
    return d[SC.locale()] || d.en || Object.values(d)[0] || SC.t("why_unknown");
  }

  function findingText(f) {
    const box = O.el("div");
    const head = O.el("div", "sc-meta");
    head.append(O.el("span", "sc-sev", severityLabel(f.severity)));
    if (f.end > f.start && f.excerpt) head.append(O.el("span", "sc-excerpt", f.excerpt));
    box.append(head, O.el("div", "sc-msg", f.message));
    return box;
  }

  function renderPanel(composer, items, onDismiss) {
    const root = O.ensure();
    if (!items.length) { hidePanel(); return; }
    if (!panel) {
      panel = O.el("section", "sc-panel");
      panel.setAttribute("role", "region");
      root.appendChild(panel);
    }
    panel.setAttribute("aria-label", SC.t("panel_label"));
    panel.textContent = "";
    const head = O.el("div", "sc-head");
    head.append(O.el("span", "sc-logo", "S"), O.el("span", "", SC.t("panel_title", items.length)));
    const list = O.el("ul", "sc-list");
    for (const { id, finding: f } of items) {
      const li = O.el("li", "sc-item");
      li.dataset.id = id;
      li.dataset.rule = f.rule;
      li.dataset.severity = f.severity;
      li.tabIndex = 0;
      li.appendChild(findingText(f));
      const meta = O.el("div", "sc-meta");
      const gl = O.el("span", "sc-guideline", SC.t("guideline_label", f.guideline));
      gl.title = SC.t("guideline_title");
      const why = O.el("button", "sc-link sc-why", SC.t("why"));
      why.type = "button";
      why.setAttribute("aria-expanded", openWhy.has(id) ? "true" : "false");
      const dismiss = O.el("button", "sc-dismiss", SC.t("dismiss"));
      dismiss.type = "button";
      dismiss.title = SC.t("dismiss_title");
      meta.append(gl, why, dismiss);
      li.appendChild(meta);
      if (openWhy.has(id)) li.appendChild(O.el("div", "sc-desc", descriptionOf(f.rule, f)));
      why.addEventListener("click", () => {
        if (openWhy.has(id)) openWhy.delete(id); else openWhy.add(id);
        renderPanel(composer, items, onDismiss);
      });
      dismiss.addEventListener("click", () => onDismiss(id));
      li.addEventListener("mouseenter", () => O.setActive(id));
      li.addEventListener("mouseleave", () => O.setActive(null));
      li.addEventListener("focus", () => O.setActive(id));
      li.addEventListener("blur", () => O.setActive(null));
      list.appendChild(li);
    }
    panel.append(head, list);
    place(panel, composer, 300);
  }

  function hidePanel() {
    if (panel) { panel.remove(); panel = null; }
  }

  function showCard(finding, rect) {
    const root = O.ensure();
    if (!card) {
      card = O.el("div", "sc-card");
      card.setAttribute("role", "tooltip");
      root.appendChild(card);
    }
    card.textContent = "";
    card.dataset.rule = finding.rule;
    card.dataset.severity = finding.severity;
    card.appendChild(findingText(finding));
    const meta = O.el("div", "sc-meta");
    meta.append(O.el("span", "sc-guideline", SC.t("guideline_label", finding.guideline)));
    card.append(meta, O.el("div", "sc-desc", descriptionOf(finding.rule, finding)));
    const vh = document.documentElement.clientHeight;
    card.style.left = Math.max(4, rect.left) + "px";
    const below = rect.bottom + 6;
    card.style.top = (below + 140 > vh ? Math.max(4, rect.top - 146) : below) + "px";
  }

  function hideCard() {
    if (card) { card.remove(); card = null; }
  }

  function showNotice(composer, url, detail) {
    if (noticeDismissed) return;
    const root = O.ensure();
    if (!notice) {
      notice = O.el("div", "sc-notice");
      notice.setAttribute("role", "status");
      root.appendChild(notice);
    }
    notice.textContent = "";
    const close = O.el("button", "", "×");
    close.type = "button";
    close.setAttribute("aria-label", SC.t("close"));
    close.addEventListener("click", () => { noticeDismissed = true; hideNotice(); });
    const text = O.el("div");
    text.append(O.el("strong", "", SC.t("unreachable_title")), document.createTextNode(" " + SC.t("unreachable_body", url) + " "));
    if (detail) text.append(document.createTextNode(detail + " "));
    text.append(document.createTextNode(SC.t("unreachable_start") + " "), O.el("code", "", "somecheck serve"));
    text.append(document.createTextNode(" " + SC.t("unreachable_posting")));
    notice.append(close, text);
    place(notice, composer, 300);
  }

  function hideNotice() {
    if (notice) { notice.remove(); notice = null; }
  }

  function reposition(composer) {
    if (panel) place(panel, composer, 300);
    if (notice) place(notice, composer, 300);
  }

  SC.panel = { descriptionOf, renderPanel, hidePanel, showCard, hideCard, showNotice, hideNotice, reposition, findingText, severityLabel };
})(SomeCheck);
