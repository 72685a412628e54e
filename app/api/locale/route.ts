import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/translate";
import { runOpenRoute } from "@/lib/server/route";
import { localeRedirectTarget } from "./redirect-target";

const ZLocaleForm = z.object({
  locale: z.enum(LOCALES),
  // The whole address the reader was on (path and query), only ever a path on this site.
  redirectTo: z.unknown().transform(localeRedirectTarget),
});

/** The language switch: a plain form post, so it works without JavaScript. Anyone may use it. */
export async function POST(request: NextRequest) {
  return runOpenRoute({ request, kind: "write", label: "locale" }, async () => {
    const form = Object.fromEntries((await request.formData()).entries());
    const parsed = ZLocaleForm.safeParse(form);
    if (!parsed.success) return NextResponse.json({ error: "invalid locale" }, { status: 400 });
    // A relative Location: the browser stays on the origin it used (an absolute URL built by the
    // server names its configured host, e.g. localhost, and the cookie would not follow).
    const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.redirectTo } });
    response.cookies.set(LOCALE_COOKIE, parsed.data.locale, {
      path: "/",
      maxAge: 365 * 24 * 60 * 60,
      sameSite: "lax",
      httpOnly: false,
    });
    return response;
  });
}
