import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

// What every response tells the browser (Content-Security-Policy, Permissions-Policy, nosniff,
// Referrer-Policy, X-Frame-Options), that the portal's pages run under that policy without one
// refusal (the inline flight scripts, the chart, the language switch, sign-in), that a page on
// another port of the same host cannot post to a route handler with the reader's cookie, and that
// a household out of the reader's scope is a real 404. Reads only: nothing in the demo changes.

function expectPolicies(response: Pick<APIResponse, "headers">, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-eval");
  const permissions = headers["permissions-policy"] ?? "";
  for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"])
    expect(permissions, what).toContain(feature);
  // No guessing a text answer into a script, no address sent to another site, no framing by
  // browsers that predate frame-ancestors.
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

/** Every Content-Security-Policy refusal Chromium reports on this page, across navigations. */
function watchRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions[- ]Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

/** The address of a household of 签约五组, which the demo group leader (签约一组) may not see. */
async function householdOfGroupFive(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("手机号").fill(DEMO_ACCOUNTS.secretary.phone);
  await page.getByLabel("密码").fill(DEMO_ACCOUNTS.secretary.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/households`);
  await page.getByLabel("签约小组", { exact: true }).selectOption({ label: "签约五组" });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/group=/);
  const href = await page.getByTestId("household-table").locator("tbody tr th a").first().getAttribute("href");
  await context.close();
  return href!;
}

/** A page on another port of this host: what the attacker served. */
async function servePage(html: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

test.describe("security headers and forged requests", () => {
  test("every kind of response carries the policies", async ({ request }) => {
    const login = await request.get("/login");
    expect(login.status()).toBe(200);
    expectPolicies(login, "a page");
    expectPolicies(await request.get("/projects", { maxRedirects: 0 }), "a redirect to sign-in");
    expectPolicies(await request.get("/api/overview/export"), "a route handler's refusal");
    expectPolicies(await request.get("/no-such-page"), "the not-found page");
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())?.[1];
    expect(script).toBeTruthy();
    expectPolicies(await request.get(script!), "a static script");
  });

  test("a secretary's pages run under the policy without a refusal: sign-in, dashboard chart, households, language switch", async ({
    page,
    login,
  }) => {
    test.slow();
    const refusals = watchRefusals(page);
    await login("secretary");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const project = page.url();
    const dashboard = await page.goto(`${project}/dashboard`);
    expectPolicies(dashboard!, "the dashboard");
    await settle(page);
    // The chart drew (echarts, SVG): its script ran.
    await expect(page.locator('[role="img"] svg').first()).toBeVisible();
    await page.goto(`${project}/households`);
    await settle(page);
    await page.getByTestId("household-table").locator("tbody tr th a").first().click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}/);
    await settle(page);
    // A plain form post to /api/locale and its redirect: form-action 'self' allows both.
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect(refusals).toEqual([]);
  });

  test("a page on another port cannot post a roster or switch the language with the secretary's cookie", async ({ page, login }) => {
    await login("secretary");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const portal = new URL(page.url());
    const projectId = portal.pathname.split("/")[2];
    const importUrl = `${portal.origin}/api/projects/${projectId}/roster/import`;
    // The same site (the session cookie goes along), another origin.
    const { server, origin } = await servePage(`<!doctype html><title>attack</title>
      <form id="locale" method="post" action="${portal.origin}/api/locale">
        <input name="locale" value="en"><input name="redirectTo" value="/projects">
        <button>win a prize</button>
      </form>
      <script>
        const body = new FormData();
        body.set("file", new Blob(["编号,地址\\nHP-BXL-0001,伪造"], { type: "text/csv" }), "roster.csv");
        fetch(${JSON.stringify(importUrl)}, { method: "POST", body, mode: "no-cors", credentials: "include" });
      </script>`);
    try {
      const forgedImport = page.waitForResponse((response) => response.url() === importUrl);
      await page.goto(`${origin}/attack`);
      expect((await forgedImport).status()).toBe(403);

      const forgedLocale = page.waitForResponse((response) => response.url().endsWith("/api/locale"));
      await page.getByRole("button", { name: "win a prize" }).click();
      const refused = await forgedLocale;
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toEqual({ message: expect.stringContaining("权限") });
    } finally {
      server.close();
    }
    // The portal's own language switch still works, and the language did not change.
    await page.goto(`${portal.origin}/projects`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("a household out of the group leader's scope answers 404", async ({ page, browser, login }) => {
    const href = await householdOfGroupFive(browser);
    await login("groupLeader");
    const response = await page.goto(href);
    expect(response?.status()).toBe(404);
    expectPolicies(response!, "the not-found answer");
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});
