import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

// Sign out everywhere, as a group leader on a phone who signed in on a second device as well:
// the button on the account page ends both sessions, and a copy of the session cookie taken
// before is refused by the pages and by the session endpoint. The account's data is not changed.

test.use({ viewport: { width: 390, height: 844 } });

async function signIn(page: Page): Promise<void> {
  const account = DEMO_ACCOUNTS.groupLeader;
  await page.goto("/login");
  await page.getByLabel("手机号").fill(account.phone);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test("sign out everywhere from the account page ends the other device's session, and a copied cookie opens nothing", async ({
  page,
  browser,
  login,
  axe,
}) => {
  await login("groupLeader");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(copied).toHaveLength(1);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other);

  await page.goto("/account/password");
  await expect(page.getByRole("heading", { name: "退出所有设备" })).toBeVisible();
  await axe();
  const button = page.getByRole("button", { name: "退出所有设备" });
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await button.click();
  await page.waitForURL(/\/login\?signedOut=1/);
  await expect(page.getByTestId("login-notice")).toHaveText("您已安全退出。");

  // The second device's next page is the login page.
  await other.goto("/projects");
  await expect(other).toHaveURL(/\/login/);
  await settle(other);

  // A copy of the first device's cookie, taken before: no page, no session, no fresh cookie.
  const thiefContext = await browser.newContext();
  await thiefContext.addCookies(copied);
  const thief = await thiefContext.newPage();
  await thief.goto("/projects");
  await expect(thief).toHaveURL(/\/login/);
  const session = await thiefContext.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]+\S/);

  // Signing in again works.
  await signIn(thief);
  await otherContext.close();
  await thiefContext.close();
});
