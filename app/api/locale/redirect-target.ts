/**
 * Where the language switch sends the reader back to: a path on this site with its query and
 * fragment, or "/" for anything else. Refused: another origin (`//host`; `/\host`, which browsers
 * read as `//host`; `/.//host` and `/a/..//host`, whose dot segments collapse to it), an absolute
 * URL (`https://…`, `javascript:…`), whitespace and control characters (a browser drops a tab or
 * newline inside a URL, so `/\t/host` would become `//host`).
 */
export function localeRedirectTarget(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return "/";
  if (!raw.startsWith("/")) return "/";
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return "/";
  if (raw.startsWith("//")) return "/";
  // The browser resolves it against any origin: it must stay on that origin.
  const base = "http://same.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  // Dot segments collapse as the URL is read: `/.//host` and `/a/..//host` come out as `//host`,
  // which a browser reads as another origin. What is sent back must itself be a path here.
  if (url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
