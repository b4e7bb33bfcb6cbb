// Connect links and codes (welcome/connect.js): what is read, what is refused, and the checker's
// identity from /v1/health with every way it can fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ConnectError, checkAddress, isConnectLink, makeCode, makeLink, parseConnect, probe } from "../welcome/connect.js";

const CITY = "https://somecheck.city.example";

test("a link and a code carry the same address, token and role", () => {
  const link = makeLink(CITY, "s3cr+t/=", "trustee");
  assert.ok(link.startsWith("http://127.0.0.1/somecheck/connect#"));
  assert.deepEqual(parseConnect(link), { checkerUrl: CITY, token: "s3cr+t/=", role: "trustee" });
  assert.deepEqual(parseConnect(makeCode(CITY + "/", "s3cr+t/=")), { checkerUrl: CITY, token: "s3cr+t/=" });
  assert.deepEqual(parseConnect(" " + makeCode(CITY, "tök") + "\n"), { checkerUrl: CITY, token: "tök" });
  assert.deepEqual(parseConnect("checker=" + encodeURIComponent(CITY)), { checkerUrl: CITY, token: "" });
});

test("only the loopback connect path is a connect link", () => {
  assert.ok(isConnectLink("http://127.0.0.1/somecheck/connect#checker=x"));
  assert.ok(isConnectLink("http://localhost:8080/somecheck/connect/#checker=x"));
  assert.ok(!isConnectLink("https://127.0.0.1/somecheck/connect#checker=x"));
  assert.ok(!isConnectLink("http://evil.example/somecheck/connect#checker=x"));
  assert.ok(!isConnectLink("http://127.0.0.1/other#checker=x"));
  assert.ok(!isConnectLink("not a url"));
});

test("anything else is unreadable, with a kind", () => {
  for (const bad of ["", "hello", "SC1-%%%", "SC1-" + btoa("\xff\xfe"), "https://x.example/no-fragment",
    "http://127.0.0.1/somecheck/connect#token=only", "checker=ftp%3A%2F%2Fx", "checker=not%20a%20url"]) {
    assert.throws(() => parseConnect(bad), (e) => e instanceof ConnectError && e.kind === "unreadable", bad);
  }
});

test("plain http:// only to this computer", () => {
  for (const ok of [CITY, "http://127.0.0.1:8765", "http://localhost:1", "http://[::1]:8765"]) checkAddress(ok);
  for (const bad of ["http://somecheck.city.example", "http://192.168.1.10:8765", "http://127.0.0.1.evil.example"]) {
    assert.throws(() => checkAddress(bad), (e) => e.kind === "insecure", bad);
  }
});

const answer = (status, body) => async () => ({ status, ok: status < 300, json: async () => body });

test("probe: the identity, or why not", async () => {
  const health = { status: "ok", version: "0.1.0", rules_version: "hanko-1", organization: { fi: "Hangon kaupunki" } };
  const seen = [];
  const identity = await probe(CITY, "tok", { fetchImpl: async (url, init) => { seen.push([url, init.headers]); return answer(200, health)(); } });
  assert.deepEqual(identity, { organization: { fi: "Hangon kaupunki" }, rulesVersion: "hanko-1", version: "0.1.0" });
  assert.deepEqual(seen, [[CITY + "/v1/health", { Accept: "application/json", Authorization: "Bearer tok" }]]);
  const kind = async (fetchImpl) => probe(CITY, "x", { fetchImpl }).then(() => "ok", (e) => e.kind);
  assert.equal(await kind(answer(401, {})), "token");
  assert.equal(await kind(answer(403, {})), "refused");
  assert.equal(await kind(answer(200, { hello: 1 })), "not-somecheck");
  assert.equal(await kind(answer(404, null)), "not-somecheck");
  assert.equal(await kind(async () => { throw new TypeError("Failed to fetch"); }), "unreachable");
  await assert.rejects(probe("http://x.example", "", { fetchImpl: answer(200, health) }), (e) => e.kind === "insecure");
});
