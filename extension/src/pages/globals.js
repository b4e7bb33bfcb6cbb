// Settings and text for the classic scripts of the popup page (and its tests): globals
// SomeCheckSettings and SomeCheckI18n.
import * as settings from "../settings.js";
import * as i18n from "../i18n.js";

globalThis.SomeCheckSettings = settings;
globalThis.SomeCheckI18n = i18n;
