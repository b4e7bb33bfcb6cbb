// Reading the comments and replies loaded under a post, one reader per site. Selectors and the
// shape of each site's comment thread live here only; everything is read, nothing written.
//
//   reader.post(doc)                  the post being viewed (the control is drawn by it), or null
//   reader.authorHref(post)           the link to the post's author (whose page it is)
//   reader.comments(post)             [{el, text, authorHref, parentEl, time, timeLabel}] in page order
//
// `time` is milliseconds when the page gives a machine-readable moment (time[datetime],
// abbr[data-utime]); otherwise `timeLabel` holds the page's relative label ("3 h", "2 pv", "1 v").

const own = (el, node, sel) => node.closest(sel) === el;

/** The text of the elements matching `sel` that belong to `el` itself (not to a nested reply). */
function ownText(el, sel, scope) {
  return [...el.querySelectorAll(sel)].filter((n) => own(el, n, scope)).map((n) => n.innerText || n.textContent || "")
    .join("\n").trim();
}

function firstOwn(el, sel, scope) {
  return [...el.querySelectorAll(sel)].find((n) => own(el, n, scope)) || null;
}

function moment(el, scope) {
  const t = firstOwn(el, "time[datetime]", scope);
  if (t) {
    const ms = Date.parse(t.getAttribute("datetime"));
    if (!Number.isNaN(ms)) return { time: ms, timeLabel: (t.textContent || "").trim() };
  }
  const abbr = firstOwn(el, "abbr[data-utime]", scope);
  if (abbr) return { time: Number(abbr.getAttribute("data-utime")) * 1000, timeLabel: (abbr.textContent || "").trim() };
  return { time: null, timeLabel: "" };
}

// Relative labels as the sites write them in Finnish, Swedish and English: minutes, hours,
// days, weeks, years ("5 min", "3 h", "3 t", "2 tim", "1 d", "2 pv", "1 vk", "1 v", "1 w", "1 y").
const UNITS = [
  [/^(min|m|minuutti\w*|minut\w*|minutes?)$/, 60e3], [/^(h|t|tim|tuntia?|timmar?|timme|hours?|hrs?)$/, 3600e3],
  [/^(d|pv|päivää?|dagar?|days?)$/, 86400e3], [/^(vk|viikkoa?|w|veckor?|weeks?)$/, 7 * 86400e3],
  [/^(v|y|vuotta|år|years?)$/, 365 * 86400e3],
];

/** Milliseconds a relative label stands for, or null ("3 h" -> 10,800,000). */
export function relativeAge(label) {
  const m = /(\d+)\s*([\p{L}]+)/u.exec(String(label || "").toLowerCase());
  if (!m) return null;
  const unit = UNITS.find(([re]) => re.test(m[2]));
  return unit ? Number(m[1]) * unit[1] : null;
}

const FACEBOOK_ARTICLE = '[role="article"]';
const facebook = {
  post(doc) {
    const scope = doc.querySelector('[role="dialog"]') || doc.querySelector('[role="main"]') || doc.body;
    const articles = scope ? [...scope.querySelectorAll(FACEBOOK_ARTICLE)] : [];
    return articles.find((a) => !a.closest("ul")) || null;
  },
  authorHref(post) {
    const a = post && (post.querySelector("h2 a[href], h3 a[href], strong a[href]") || post.querySelector("a[href]"));
    return a ? a.getAttribute("href") : "";
  },
  comments(post) {
    const scope = post.closest('[role="dialog"], [role="main"]') || post.ownerDocument.body;
    return [...scope.querySelectorAll(`ul ${FACEBOOK_ARTICLE}`)].filter((el) => el !== post).map((el) => {
      const li = el.closest("li");
      const parentLi = li && li.parentElement ? li.parentElement.closest("li") : null;
      const parentEl = parentLi ? parentLi.querySelector(FACEBOOK_ARTICLE) : null;
      const author = firstOwn(el, "a[href]", FACEBOOK_ARTICLE);
      const when = moment(el, FACEBOOK_ARTICLE);
      if (when.time === null) {
        const link = [...el.querySelectorAll('a[href*="comment_id"]')].find((n) => own(el, n, FACEBOOK_ARTICLE) && relativeAge(n.textContent) !== null);
        if (link) when.timeLabel = link.textContent.trim();
      }
      return { el, text: ownText(el, 'div[dir="auto"]', FACEBOOK_ARTICLE), authorHref: author ? author.getAttribute("href") : "",
        parentEl, ...when };
    });
  },
};

const instagram = {
  post(doc) {
    const scope = doc.querySelector('[role="dialog"]') || doc.querySelector("main") || doc.body;
    return scope ? scope.querySelector("article") : null;
  },
  authorHref(post) {
    const a = post && post.querySelector("header a[href]");
    return a ? a.getAttribute("href") : "";
  },
  comments(post) {
    return [...post.querySelectorAll("ul li")].filter((li) => firstOwn(li, "h3 a[href], h2 a[href]", "li")).map((el) => {
      const author = firstOwn(el, "h3 a[href], h2 a[href]", "li");
      const parentLi = el.parentElement ? el.parentElement.closest("li") : null;
      return { el, text: ownText(el, 'span[dir="auto"]', "li"), authorHref: author.getAttribute("href"),
        parentEl: parentLi, ...moment(el, "li") };
    });
  },
};

const X_TWEET = 'article[data-testid="tweet"]';
const x = {
  post(doc) {
    return doc.querySelector(`[role="main"] ${X_TWEET}`) || doc.querySelector(X_TWEET);
  },
  authorHref(post) {
    const a = post && post.querySelector('[data-testid="User-Name"] a[href]');
    return a ? a.getAttribute("href") : "";
  },
  comments(post) {
    const scope = post.closest('[role="main"]') || post.ownerDocument.body;
    return [...scope.querySelectorAll(X_TWEET)].filter((el) => el !== post).map((el) => {
      const author = el.querySelector('[data-testid="User-Name"] a[href]');
      return { el, text: ownText(el, '[data-testid="tweetText"]', X_TWEET), authorHref: author ? author.getAttribute("href") : "",
        parentEl: null, ...moment(el, X_TWEET) };
    });
  },
};

export const READERS = { facebook, instagram, x };
