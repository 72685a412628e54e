import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts.ts";

export type DemoRole = "districtOfficial" | "secretary" | "groupLeader" | "member" | "specialGroupLeader" | "resident";

/** Signs in through the real login form as one of the demo accounts (README). */
export async function loginAs(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/login");
  if (role === "resident") {
    const { householdCode, accessCode } = DEMO_ACCOUNTS.resident;
    await page.getByRole("button", { name: "居民" }).click();
    await page.getByLabel("房屋编号").fill(householdCode);
    await page.getByLabel("查询码").fill(accessCode);
  } else {
    const account = DEMO_ACCOUNTS[role];
    await page.getByLabel("手机号").fill(account.phone);
    await page.getByLabel("密码").fill(account.password);
  }
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Waits for what a user waits for before reading a page: it has loaded, its streamed metadata
 *  (the title) has arrived and no region is still marked busy (a loading.tsx skeleton). On a busy
 *  machine each of these can come late; none is a fixed sleep. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await expect(page).toHaveTitle(/\S/);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** No serious or critical accessibility violations on the page once it has settled. */
export async function expectAccessible(page: Page): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base.extend<{ login: (role: DemoRole) => Promise<void>; axe: () => Promise<void> }>({
  login: async ({ page }, use) => {
    await use((role) => loginAs(page, role));
  },
  axe: async ({ page }, use) => {
    await use(() => expectAccessible(page));
  },
});

export { expect, DEMO_ACCOUNTS };
