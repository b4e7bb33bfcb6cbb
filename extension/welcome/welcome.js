// First run, and where a connect link or code lands: says what SomeCheck does and what it
// sends where, connects (after the user confirms whose checker it is), tests the connection,
// shows a sample post with a mark, and ends with "Ready" or a plain reason and what to do.
// State for tests and screenshots: body[data-state] = confirm | ready | problem, body[data-kind].
import { checkAddress, parseConnect, probe } from "./connect.js";
import { checkSample, explain, loadMessages, organizationName, readSettings, saveConnection, t, testConnection } from "./pages.js";

const $ = (id) => document.getElementById(id);
let settings;

function hostOf(url) {
  try { return new URL(url).host; } catch (e) { return url; }
}

function setState(state, kind = "") {
  document.body.dataset.state = state;
  document.body.dataset.kind = kind;
  document.body.dataset.ready = "true";
}

function step(state, text) {
  $("connection").dataset.state = state;
  $("connection").textContent = text;
}

function finish(ok, reason = "", kind = "") {
  const v = $("verdict");
  v.hidden = false;
  v.dataset.state = ok ? "ready" : "problem";
  v.textContent = ok ? t("welcome_ready") : reason;
  $("again").hidden = false;
  setState(ok ? "ready" : "problem", kind);
}

function renderSample(text, findings) {
  const box = $("sample-text");
  box.replaceChildren();
  let at = 0;
  const marks = findings.slice().sort((a, b) => a.start - b.start);
  for (const f of marks) {
    if (f.start < at) continue;                       // overlapping: the first one shows
    box.append(text.slice(at, f.start));
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.dataset.severity = f.severity;
    mark.dataset.rule = f.rule;
    mark.title = f.message;
    mark.textContent = text.slice(f.start, f.end);
    box.append(mark);
    at = f.end;
  }
  box.append(text.slice(at));
  for (const f of marks) {
    const p = document.createElement("p");
    p.className = "finding";
    p.textContent = `${t("severity_" + f.severity)}: ${f.message}`;
    box.append(p);
  }
  $("sample").hidden = findings.length === 0;
}

async function runTest() {
  $("verdict").hidden = true;
  $("sample").hidden = true;
  $("where").textContent = t("welcome_where", hostOf(settings.checkerUrl));
  step("testing", t("welcome_testing"));
  const result = await testConnection(settings);
  if (!result.ok) {
    step("problem", t("welcome_not_connected"));
    if (!settings.locked) $("paste").open = true;
    return finish(false, result.reason, result.kind);
  }
  step("ok", t("welcome_connected", organizationName(result.identity, settings.locale), hostOf(settings.checkerUrl)));
  const sample = t("welcome_sample_text");
  try {
    renderSample(sample, await checkSample(settings, sample));
  } catch (e) {
    const { reason, kind } = explain(e, settings.checkerUrl);
    return finish(false, reason, kind);
  }
  finish(true);
}

/** A link's fragment or a pasted link/code: who is it, then ask before saving. */
async function offer(payload) {
  $("confirm").hidden = true;
  let conn = null;
  try {
    conn = parseConnect(payload);
    checkAddress(conn.checkerUrl);
  } catch (e) {
    const { reason, kind } = explain(e, conn ? conn.checkerUrl : "");
    step("problem", t("welcome_not_connected"));
    return finish(false, reason, kind);
  }
  if (settings.locked) {
    step("problem", t("welcome_not_connected"));
    return finish(false, t("reason_locked"), "locked");
  }
  step("testing", t("welcome_testing"));
  let identity;
  try {
    identity = await probe(conn.checkerUrl, conn.token);
  } catch (e) {
    const { reason, kind } = explain(e, conn.checkerUrl);
    step("problem", t("welcome_not_connected"));
    return finish(false, reason, kind);
  }
  $("verdict").hidden = true;
  $("where").textContent = t("welcome_where", hostOf(conn.checkerUrl));
  $("confirm-question").textContent = t("welcome_confirm", organizationName(identity, settings.locale), hostOf(conn.checkerUrl));
  $("confirm").hidden = false;
  step("ok", t("welcome_found", organizationName(identity, settings.locale)));
  setState("confirm");
  $("confirm-yes").onclick = async () => {
    $("confirm").hidden = true;
    await saveConnection(conn);
    settings = await readSettings();
    await runTest();
  };
  $("confirm-no").onclick = async () => {
    $("confirm").hidden = true;
    await runTest();
  };
}

async function main() {
  settings = await readSettings();
  await loadMessages(settings.locale);
  // The link's fragment: read it, then drop it from the address (and the history).
  const fragment = location.hash.slice(1);
  if (fragment) history.replaceState(null, "", location.pathname);
  $("again").addEventListener("click", () => runTest());
  $("paste-form").addEventListener("submit", (e) => {
    e.preventDefault();
    offer($("code").value);
  });
  $("paste").hidden = settings.locked;
  $("where").textContent = t("welcome_where", hostOf(settings.checkerUrl));
  if (fragment.startsWith("connect=")) await offer(decodeURIComponent(fragment.slice("connect=".length)));
  else await runTest();
}

main();
