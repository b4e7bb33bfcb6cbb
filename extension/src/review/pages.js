// The organization's own pages and accounts: a list of entries set on the options page or by IT
// policy, and whether the page open in the tab is one of them. Facebook pages, Instagram
// accounts and X handles are matched by URL.
//   "facebook.com/hangonkaupunki", "https://www.facebook.com/hangonkaupunki/",
//   "facebook.com/profile.php?id=100064", "instagram.com/hangostad", "x.com/HangoHanko",
//   "@HangoHanko" (an X handle), "twitter.com/HangoHanko".

const HOSTS = [
  ["facebook", /(^|\.)facebook\.com$/],
  ["instagram", /(^|\.)instagram\.com$/],
  ["x", /(^|\.)(x|twitter)\.com$/],
];
// First path segments that are the site's own sections, never a page or an account.
const RESERVED = {
  facebook: new Set(["groups", "events", "watch", "marketplace", "gaming", "photo", "photo.php", "story.php",
    "permalink.php", "reel", "reels", "stories", "messages", "notifications", "settings", "help", "pages", "login",
    "home.php", "search", "hashtag", "friends", "bookmarks", "saved", "share"]),
  instagram: new Set(["p", "reel", "reels", "stories", "explore", "direct", "accounts", "tv", "about", "legal"]),
  x: new Set(["home", "explore", "notifications", "messages", "i", "search", "settings", "compose", "hashtag", "intent"]),
};

/** The platform of a host name ("" when none of the three). */
export function platformOf(host) {
  host = String(host || "").toLowerCase();
  const hit = HOSTS.find(([, re]) => re.test(host));
  return hit ? hit[0] : "";
}

/**
 * One entry of the list, read: {platform, handle} with the handle in lower case, or null when
 * the entry names no page ("x.com/home", "", "hello").
 */
export function parseEntry(entry) {
  let text = String(entry || "").trim();
  if (!text) return null;
  if (/^@[A-Za-z0-9_]{1,15}$/.test(text)) return { platform: "x", handle: text.slice(1).toLowerCase() };
  if (!/^https?:\/\//i.test(text)) text = "https://" + text;
  let url;
  try { url = new URL(text); } catch (e) { return null; }
  const platform = platformOf(url.hostname);
  return platform ? pageOfUrl(platform, url) : null;
}

/** The page or account a URL belongs to on its platform: {platform, handle} or null. */
function pageOfUrl(platform, url) {
  const parts = url.pathname.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  if (platform === "facebook") {
    const id = url.searchParams.get("id");
    if ((parts[0] === "profile.php" || parts[0] === "permalink.php") && id) return { platform, handle: "id:" + id };
    if (parts[0] === "pages" && parts.length >= 3) return { platform, handle: "id:" + parts[2] };
  }
  if (platform === "instagram" && parts[0] !== "p" && parts[1] === "p") return { platform, handle: parts[0].toLowerCase() };
  if (!parts.length || RESERVED[platform].has(parts[0].toLowerCase())) return null;
  return { platform, handle: parts[0].replace(/^@/, "").toLowerCase() };
}

/** The entries of the list that name a page, read (bad entries left out). */
export function parseList(entries) {
  return (Array.isArray(entries) ? entries : []).map(parseEntry).filter(Boolean);
}

/**
 * Whether `location` (a URL string or Location) is on one of the organization's pages:
 * the page read from it, or null. `authorHref` is the link to the post's author where the URL
 * does not say whose the post is (Instagram's /p/<code>/).
 */
export function ownPage(location, pages, authorHref = "") {
  let url;
  try { url = new URL(String(location)); } catch (e) { return null; }
  const platform = platformOf(url.hostname);
  if (!platform) return null;
  let page = pageOfUrl(platform, url);
  if (!page && authorHref) {
    try { page = pageOfUrl(platform, new URL(authorHref, url)); } catch (e) { page = null; }
  }
  if (!page) return null;
  return pages.find((p) => p.platform === page.platform && p.handle === page.handle) || null;
}

/** Whether a link (href) points at the page itself: a reply written by the page. */
export function isPageLink(href, page, base) {
  if (!href || !page) return false;
  let url;
  try { url = new URL(href, base); } catch (e) { return false; }
  if (platformOf(url.hostname) !== page.platform) return false;
  const found = pageOfUrl(page.platform, url);
  return !!found && found.handle === page.handle;
}
