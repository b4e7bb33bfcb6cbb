// Generated from checker/vocabulary.py. Do not edit.
// (Hand-written by the extension until the generator lands; same exports, HELPERS.md interface 1.)
export const PLATFORMS = [
  { id: "facebook", hosts: ["www.facebook.com", "web.facebook.com", "m.facebook.com"] },
  { id: "instagram", hosts: ["www.instagram.com"] },
  { id: "x", hosts: ["x.com", "twitter.com", "mobile.twitter.com"] },
  { id: "other", hosts: [] },
];
export const ROLES = ["staff", "trustee", "admin"];
export const ACCOUNTS = ["personal", "official"];
export const CONTEXTS = ["post", "comment", "reply"];
export const LOCALES = ["fi", "sv", "en"];
export const SEVERITIES = [
  { id: "info", rank: 1, colour: "#1e88e5" },
  { id: "warn", rank: 2, colour: "#e08a00" },
  { id: "block", rank: 3, colour: "#d32f2f" },
];
export const CATEGORIES = ["profanity", "insult", "accusation", "hate", "incitement", "privacy",
  "confidentiality", "copyright", "bilingual", "plain_language", "opinion", "accuracy", "timing"];
export const ATTACHMENT_TYPES = ["image", "video", "link", "file"];
