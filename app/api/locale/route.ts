import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/translate";

const ZLocaleForm = z.object({
  locale: z.enum(LOCALES),
  // Only a path on this site, never another origin.
  redirectTo: z.string().regex(/^\/(?!\/)[^\s]*$/).catch("/"),
});

/** The language switch: a plain form post, so it works without JavaScript. */
export async function POST(request: NextRequest) {
  const form = Object.fromEntries((await request.formData()).entries());
  const parsed = ZLocaleForm.safeParse(form);
  if (!parsed.success) return NextResponse.json({ error: "invalid locale" }, { status: 400 });
  const response = NextResponse.redirect(new URL(parsed.data.redirectTo, request.url), 303);
  response.cookies.set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    httpOnly: false,
  });
  return response;
}
