// Wiring: find the focused composer, read its text after a pause in typing, ask the background to
// check it, and draw the findings. All reads; the site's editor is never written to.
(function (SC) {
  "use strict";
  const O = SC.overlay, P = SC.panel, TM = SC.textmap;
  const DEBOUNCE_MS = 300;
  const adapter = SC.sites.find((s) => s.hosts.test(location.hostname)) || SC.generic;
  SC.adapter = adapter;

  const st = SC.state = {
    adapter, composer: null, map: null, checkedText: null, approvedText: null,
    findings: [], status: "idle", seq: 0, dismissed: new Set(), checks: 0,
  };
  let settings = null, timer = 0, observer = null, raf = 0, composing = false, hoverId = null;

  SC.enabled = () => !!settings && settings.values.sites.includes(adapter.platform);
  // Not yet known counts as on: the guard holds a post until the settings and a check are in.
  SC.disabled = () => !!settings && !SC.enabled();
  SC.locale = () => (settings ? settings.values.locale : "en");
  SC.currentText = () => (st.composer ? TM.read(st.composer).text : "");
  const keyOf = (f) => `${f.rule}|${f.excerpt || ""}`;
  const idOf = (f) => `${f.rule}:${f.start}:${f.end}`;
  const visible = () => st.findings.filter((f) => !st.dismissed.has(keyOf(f))).map((f) => ({ id: idOf(f), finding: f }));
  SC.blocking = () => visible().filter((i) => i.finding.severity === "block");

  async function loadSettings() {
    const res = await SC.send({ type: "settings" });
    if (!res || !res.ok) return;
    settings = res;
    SomeCheckI18n.setDictionary(res.messages);
    const rules = await SC.send({ type: "rules" });
    SC.rules = {};
    if (rules && rules.ok) for (const r of rules.rules.rules || []) SC.rules[r.id] = r.description || {};
  }

  function findComposer(node) {
    if (!(node instanceof Element) || node.closest("somecheck-overlay")) return null;
    return node.closest(adapter.composer) || node.closest(SC.generic.composer);
  }

  function platformContext(c) {
    return adapter.context ? adapter.context(c) : SC.labelContext(c);
  }

  function track(c) {
    if (c === st.composer) return;
    untrack();
    st.composer = c;
    st.checkedText = null;
    st.findings = [];
    st.dismissed = new Set();
    observer = new MutationObserver(onEdit);
    observer.observe(c, { characterData: true, childList: true, subtree: true });
    if (c.tagName === "TEXTAREA") c.addEventListener("input", onEdit);
    c.addEventListener("scroll", relayout, { passive: true });
    resizeObs.observe(c);
    onEdit();
  }

  function untrack() {
    if (!st.composer) return;
    observer && observer.disconnect();
    st.composer.removeEventListener("input", onEdit);
    st.composer.removeEventListener("scroll", relayout);
    resizeObs.unobserve(st.composer);
    st.composer = null;
    clearTimeout(timer);
    O.clearMarks(); P.hidePanel(); P.hideCard(); P.hideNotice();
    sendBadge();
  }

  function onEdit() {
    if (!st.composer) return;
    // Until the next answer, keep only marks whose words are still where they were.
    if (st.findings.length) {
      const text = SC.currentText();
      st.findings = st.findings.filter((f) => f.end === f.start ? true : text.slice(f.start, f.end) === f.excerpt);
      render();
    }
    O.setState({ state: "pending" });
    clearTimeout(timer);
    if (composing) return;
    timer = setTimeout(checkNow, DEBOUNCE_MS);
  }

  async function checkNow() {
    clearTimeout(timer);
    await SC.ready;
    const c = st.composer;
    if (!c || !SC.enabled()) return;
    const map = TM.read(c);
    if (!map.text.trim()) {
      st.findings = []; st.checkedText = map.text; st.dismissed = new Set(); st.approvedText = null;
      st.status = "ok"; render(); P.hideNotice();
      return;
    }
    const seq = ++st.seq;
    O.setState({ state: "checking" });
    const res = await SC.send({ type: "check", text: map.text, platform: adapter.platform, context: platformContext(c) });
    if (seq !== st.seq || c !== st.composer) return;
    st.checks++;
    if (!res || !res.ok) {
      st.status = "unreachable"; st.findings = []; st.checkedText = map.text;
      render();
      const detail = res && res.kind === "http" ? res.message : "";
      P.showNotice(c, settings ? settings.values.checkerUrl : "", detail);
      O.setState({ state: "unreachable", checks: st.checks });
      return;
    }
    P.hideNotice();
    st.status = "ok";
    st.checkedText = map.text;
    st.findings = res.result.findings || [];
    st.rulesVersion = res.result.rules_version;
    render();
  }
  SC.checkNow = checkNow;

  function render() {
    cancelAnimationFrame(raf);
    const c = st.composer;
    if (!c) return;
    const items = visible();
    const map = TM.read(c);
    const drawn = O.drawMarks(c, map, items);
    P.renderPanel(c, items, dismiss);
    O.setState({ state: st.status, count: items.length, marks: drawn, checks: st.checks });
    sendBadge();
  }

  function relayout() {
    cancelAnimationFrame(raf);
    raf = requestAnimationFrame(() => {
      if (!st.composer) return;
      O.drawMarks(st.composer, TM.read(st.composer), visible());
      P.reposition(st.composer);
      P.hideCard();
    });
  }
  const resizeObs = new ResizeObserver(relayout);

  function dismiss(id) {
    const f = st.findings.find((x) => idOf(x) === id);
    if (f) st.dismissed.add(keyOf(f));
    render();
  }

  function sendBadge() {
    const items = st.composer ? visible() : [];
    const rank = { info: 1, warn: 2, block: 3 };
    const top = items.reduce((a, i) => (rank[i.finding.severity] > rank[a] ? i.finding.severity : a), "info");
    SC.send({ type: "badge", count: items.length, verdict: items.length ? top : "ok" });
  }

  function showCardFor(id) {
    if (id === hoverId) return;
    hoverId = id;
    O.setActive(id);
    if (!id) { P.hideCard(); return; }
    const item = visible().find((i) => i.id === id);
    const mark = O.root().querySelector(`.sc-mark[data-id="${CSS.escape(id)}"] .sc-box`);
    if (item && mark) P.showCard(item.finding, mark.getBoundingClientRect());
  }

  // Events. Capture phase on window, registered at document_start.
  // Focus starts tracking; so does typing or clicking (a window without focus gets no focus events).
  function onFocusish(e) {
    if (SC.disabled()) return;
    const path = e.composedPath ? e.composedPath() : [e.target];
    const target = path[0] instanceof Element ? path[0] : e.target;
    if (st.composer && (target === st.composer || st.composer.contains(target))) return;
    const c = findComposer(target);
    if (c) track(c);
    if (e.type === "focusin") sendBadge();
  }
  for (const type of ["focusin", "beforeinput", "pointerdown"]) document.addEventListener(type, onFocusish, true);
  document.addEventListener("compositionstart", () => { composing = true; }, true);
  document.addEventListener("compositionend", () => { composing = false; onEdit(); }, true);
  window.addEventListener("scroll", relayout, { capture: true, passive: true });
  window.addEventListener("resize", relayout, { passive: true });
  document.addEventListener("mousemove", (e) => {
    if (!st.composer || !st.findings.length) return;
    const mark = O.markAt(e.clientX, e.clientY);
    showCardFor(mark ? mark.dataset.id : null);
  }, { passive: true });
  // Keyboard "focus" on a mark: the caret inside a marked word shows its card.
  document.addEventListener("selectionchange", () => {
    const c = st.composer;
    if (!c || !st.findings.length || c.tagName === "TEXTAREA") return;
    const sel = document.getSelection();
    if (!sel || !sel.isCollapsed || !sel.anchorNode || !c.contains(sel.anchorNode)) return;
    const map = TM.read(c);
    const seg = map.segments.find((s) => s.node === sel.anchorNode);
    if (!seg) return;
    const pos = seg.start + sel.anchorOffset;
    const hit = visible().find((i) => i.finding.end > i.finding.start && pos > i.finding.start && pos < i.finding.end);
    showCardFor(hit ? hit.id : null);
  });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) sendBadge(); });

  SC.api.storage.onChanged.addListener(async () => {
    await loadSettings();
    if (!SC.enabled()) { untrack(); O.setState({ state: "off" }); return; }
    if (st.composer) { st.checkedText = null; checkNow(); }
  });

  SC.ready = loadSettings();
  SC.ready.then(() => {
    O.setState({ state: SC.enabled() ? "idle" : "off", site: adapter.name });
    const active = document.activeElement && findComposer(document.activeElement);
    if (active && SC.enabled()) track(active); else if (!SC.enabled()) untrack();
  });
})(SomeCheck);
