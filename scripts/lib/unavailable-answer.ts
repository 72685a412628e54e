// The answers a server process gives on its own, without Next (scripts/lib/front-door.ts): 503
// "temporarily unavailable" while the database is down, 503 "busy" when the process has as many
// requests in flight as it takes. Plain HTML for a browser's page load, one line of text for
// anything else (a fetch, a stream, a download); the reader's language from the locale cookie
// (zh-CN by default), the words from the catalogs. Every body is made once, when the module loads,
// so an answer costs no rendering.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createTranslator, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "../../lib/i18n/translate.ts";

export type UnavailableReason = "unavailable" | "busy";

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS: Record<UnavailableReason, number> = {
  // Postgres is restarted within about a second; a page asking again after 5 s finds it back.
  unavailable: 5,
  // A burst passes in well under a second; a quick retry is the point of refusing at once.
  busy: 1,
};

const PAGE_KEYS = {
  unavailable: { title: "errors.unavailablePage.title", body: "errors.unavailablePage.body", retry: "errors.unavailablePage.retry" },
  busy: { title: "errors.busyPage.title", body: "errors.busyPage.body", retry: "errors.busyPage.retry" },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(locale: Locale, reason: UnavailableReason): string {
  const t = createTranslator(locale);
  const keys = PAGE_KEYS[reason];
  const [title, body, retry, app] = [t(keys.title), t(keys.body), t(keys.retry), t("app.name")].map(escapeHtml);
  // The retry link is the same address: a plain reload (a GET, also after a form's POST).
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${app}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1c1917;background:#fafaf9}
main{max-width:28rem;margin:0 auto;padding:4rem 1rem;line-height:1.6}
h1{font-size:1.5rem;margin:0 0 1rem}
a{display:inline-flex;align-items:center;min-height:44px;padding:0 1rem;border-radius:.375rem;background:#9f1239;color:#fff;text-decoration:none}
a:focus-visible{outline:3px solid #1c1917;outline-offset:2px}
</style>
</head>
<body>
<main id="main">
<h1>${title}</h1>
<p role="alert">${body}</p>
<p><a href="">${retry}</a></p>
</main>
</body>
</html>
`;
}

type Bodies = { html: Buffer; text: Buffer };

const BODIES = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    Object.fromEntries(
      (["unavailable", "busy"] as const).map((reason) => [
        reason,
        { html: Buffer.from(page(locale, reason)), text: Buffer.from(`${createTranslator(locale)(PAGE_KEYS[reason].body)}\n`) },
      ]),
    ),
  ]),
) as Record<Locale, Record<UnavailableReason, Bodies>>;

const LOCALE_IN_COOKIE = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`);

/** The reader's language: the locale cookie the portal sets, else zh-CN. */
export function localeOfRequest(req: IncomingMessage): Locale {
  const value = req.headers.cookie?.match(LOCALE_IN_COOKIE)?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A browser loading a page asks for HTML first; a fetch, an event stream or a download does not. */
function wantsHtml(req: IncomingMessage): boolean {
  return /text\/html/.test(req.headers.accept ?? "") && req.headers.rsc === undefined;
}

/** Answers 503 with Retry-After and the reason's page or line, in the reader's language. */
export function answerUnavailable(req: IncomingMessage, res: ServerResponse, reason: UnavailableReason): void {
  const html = wantsHtml(req);
  const body = BODIES[localeOfRequest(req)][reason][html ? "html" : "text"];
  const headers: Record<string, string | number> = {
    "content-type": html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": body.length,
    "retry-after": RETRY_AFTER_SECONDS[reason],
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };
  // A refused upload is not read to its end just to be thrown away.
  if (req.headers["content-length"] || req.headers["transfer-encoding"]) headers.connection = "close";
  res.writeHead(503, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}
