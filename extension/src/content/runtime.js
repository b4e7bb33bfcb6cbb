// What every part of the content script reads: this site's adapter and the settings in force.
import { send } from "../platform.js";
import { setDictionary } from "../i18n.js";
import { mayCheckDirect } from "../privacy.js";
import { adapterFor } from "./sites/index.js";

export const runtime = {
  adapter: adapterFor(location.hostname),
  /** @type {{values: object, locked: string[]}|null} */
  settings: null,
  /** rule id -> {description: {fi, sv, en}, guideline} from GET /v1/rules (older checkers) */
  rulesList: {},
  /** resolves once the settings are known */
  ready: null,
};

export const enabled = () => !!runtime.settings && runtime.settings.values.sites.includes(runtime.adapter.id);
/** Not yet known counts as on: the guard holds a post until the settings and a check are in. */
export const disabled = () => !!runtime.settings && !enabled();
export const locale = () => (runtime.settings ? runtime.settings.values.locale : "en");
export const directAllowed = () => !!runtime.settings && mayCheckDirect(runtime.settings.values);

export async function loadSettings() {
  const res = await send({ type: "settings" });
  if (!res || !res.ok) return;
  runtime.settings = res;
  setDictionary(res.messages);
  // Rule descriptions for checkers that send no `rules` map with each answer; not waited for.
  send({ type: "rules" }).then((rules) => {
    const list = {};
    if (rules && rules.ok) for (const r of rules.rules.rules || []) list[r.id] = r;
    runtime.rulesList = list;
  });
}
