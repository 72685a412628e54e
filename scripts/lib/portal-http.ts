// What the benchmarks do to a portal they started: wait for it to answer, and sign in through
// next-auth's credentials flow exactly as the login form does.
import type { ChildProcess } from "node:child_process";

/** Resolves once `base`/login answers 200; rejects if `child` exits first or time runs out. */
export async function waitForServer(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode})`);
    try {
      const response = await fetch(`${base}/login`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the portal did not start in time");
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs a staff member in; resolves with the cookies to send and how long the sign-in took. */
export async function signIn(base: string, phone: string, password: string): Promise<{ cookie: string; ms: number }> {
  const t0 = performance.now();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/staff`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, phone, password, json: "true" }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`login failed (${response.status})`);
  return { cookie: [...jar, ...session].join("; "), ms: performance.now() - t0 };
}
