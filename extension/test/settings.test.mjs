// Settings precedence: defaults < IT policy (user may change) < the user's own < IT policy (locked).
import { test } from "node:test";
import assert from "node:assert/strict";
import { clean, defaults, localeOf, platformOfHost, resolve } from "../src/settings.js";
import { isLoopback, mayCheckDirect } from "../src/privacy.js";

const base = defaults("fi-FI");

test("defaults: the browser's language when it is fi or sv, else en; every site on; no private messages", () => {
  assert.equal(base.locale, "fi");
  assert.equal(defaults("sv-FI").locale, "sv");
  assert.equal(defaults("de-DE").locale, "en");
  assert.equal(localeOf("EN_gb"), "en");
  assert.deepEqual(base.sites, ["facebook", "instagram", "x"]);
  assert.equal(base.directMessages, false);
  assert.equal(base.checkerUrl, "http://127.0.0.1:8765");
});

test("the user's own values win over the defaults", () => {
  const s = resolve(base, {}, { role: "admin", locale: "sv", checkerUrl: "http://127.0.0.1:9000/" });
  assert.equal(s.values.role, "admin");
  assert.equal(s.values.locale, "sv");
  assert.equal(s.values.checkerUrl, "http://127.0.0.1:9000");   // trailing slash dropped
  assert.deepEqual(s.locked, []);
  assert.equal(s.managed, false);
});

test("IT policy wins over the user and locks its keys", () => {
  const s = resolve(base, { role: "trustee", locale: "sv" }, { role: "admin", token: "mine" });
  assert.equal(s.values.role, "trustee");
  assert.equal(s.values.locale, "sv");
  assert.equal(s.values.token, "mine");              // not set by policy: the user's own
  assert.deepEqual(s.locked.sort(), ["locale", "role"]);
  assert.equal(s.managed, true);
});

test("with userMayChange, the policy's values are defaults the user may override", () => {
  const s = resolve(base, { role: "trustee", locale: "sv", userMayChange: true }, { role: "admin" });
  assert.equal(s.values.role, "admin");
  assert.equal(s.values.locale, "sv");
  assert.deepEqual(s.locked, []);
});

test("invalid values from any source are ignored, never applied", () => {
  const s = resolve(base, { role: "boss", checkerUrl: "ftp://x", sites: ["facebook", "myspace"] },
    { locale: "de", account: "team", directMessages: "yes" });
  assert.equal(s.values.role, "staff");
  assert.equal(s.values.checkerUrl, "http://127.0.0.1:8765");
  assert.deepEqual(s.values.sites, ["facebook"]);
  assert.equal(s.values.locale, "fi");
  assert.equal(s.values.account, "personal");
  assert.equal(s.values.directMessages, false);
  assert.equal(clean("token", 5), undefined);
});

test("host names map to platforms from the vocabulary", () => {
  assert.equal(platformOfHost("www.facebook.com"), "facebook");
  assert.equal(platformOfHost("facebook.com"), "facebook");
  assert.equal(platformOfHost("m.facebook.com"), "facebook");
  assert.equal(platformOfHost("www.instagram.com"), "instagram");
  assert.equal(platformOfHost("twitter.com"), "x");
  assert.equal(platformOfHost("x.com"), "x");
  assert.equal(platformOfHost("notfacebook.com"), "other");
  assert.equal(platformOfHost("example.org"), "other");
});

test("private messages: only to a loopback checker, and only when turned on", () => {
  assert.ok(isLoopback("http://127.0.0.1:8765"));
  assert.ok(isLoopback("http://localhost:8765"));
  assert.ok(isLoopback("http://[::1]:8765"));
  assert.ok(isLoopback("http://127.1.2.3"));
  assert.ok(!isLoopback("https://checker.city.example"));
  assert.ok(!isLoopback("http://127.0.0.1.evil.example"));
  assert.ok(!isLoopback("http://10.0.0.5:8765"));
  assert.ok(!isLoopback("not a url"));
  assert.ok(!mayCheckDirect({ directMessages: false, checkerUrl: "http://127.0.0.1:8765" }));
  assert.ok(!mayCheckDirect({ directMessages: true, checkerUrl: "https://checker.city.example" }));
  assert.ok(mayCheckDirect({ directMessages: true, checkerUrl: "http://127.0.0.1:8765" }));
  // A policy can turn private messages on only together with a loopback checker.
  const s = resolve(base, { directMessages: true, checkerUrl: "https://checker.city.example" }, {});
  assert.ok(!mayCheckDirect(s.values));
});

test("a failed check has one of four causes, each with its own message", async () => {
  const { causeOf } = await import("../src/causes.js");
  assert.equal(causeOf({ ok: false, kind: "unreachable" }), "not_running");
  assert.equal(causeOf(undefined), "not_running");
  assert.equal(causeOf({ ok: false, kind: "http", status: 401, code: "unauthorized" }), "token");
  assert.equal(causeOf({ ok: false, kind: "http", status: 403, code: "forbidden" }), "token");
  assert.equal(causeOf({ ok: false, kind: "http", status: 413, code: "too_large" }), "too_long");
  assert.equal(causeOf({ ok: false, kind: "http", status: 400, code: "bad_request" }), "rules");
  assert.equal(causeOf({ ok: false, kind: "http", status: 500 }), "rules");
  const { readFileSync } = await import("node:fs");
  for (const lang of ["fi", "sv", "en"]) {
    const messages = JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url)));
    for (const cause of ["not_running", "token", "too_long", "rules"]) assert.ok(messages["notice_" + cause].message, `${lang} notice_${cause}`);
  }
});
