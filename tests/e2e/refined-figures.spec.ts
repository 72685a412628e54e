import type { Locator, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

// The refined figures on the demo (DOMAIN.md "Refined figures"). 宝兴里 (HP-BXL) reaches its
// threshold within the period at its pace but not 100%: the overview and its dashboard show the
// risk, with the pace behind the forecast. 清水河 (LH-QSH) launched two days ago: no pace yet,
// never a date. 花墙 (PD-HQ) ended its period effective. Counts on the overview open the
// households behind them. On a phone the league's rate is on the first screen and the reader's
// own group is marked.

async function numberOf(locator: Locator): Promise<number> {
  return Number(((await locator.textContent()) ?? "").replace(/[^0-9]/g, ""));
}

/** "共 635 户，显示第 1–50 户" → 635 */
async function householdTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId("household-summary").textContent()) ?? "";
  return Number(/共\s*([\d,]+)\s*户/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

async function openDashboardOf(page: Page, code: string) {
  await page.goto("/overview");
  await settle(page);
  await page.getByTestId(`overview-row-${code}`).getByRole("link").first().click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}\/dashboard$/);
  await settle(page);
}

test.describe("refined figures", () => {
  test("an official sees 宝兴里's risk with its pace on the overview and the dashboard, and drills down", async ({ page, login, axe }) => {
    test.slow();
    await login("districtOfficial");
    await page.goto("/overview");
    await settle(page);
    const hp = page.getByTestId("overview-row-HP-BXL");
    await expect(hp.getByTestId("overview-risk")).toContainText("签约期内难以全部签约");
    await expect(hp.getByTestId("overview-risk")).toContainText(/按近 7 日日均 [\d.]+ 户/);
    await expect(page.getByTestId("overview-row-LH-QSH").getByTestId("overview-risk")).toHaveText("正常");
    await expect(page.getByTestId("overview-row-PD-HQ").getByTestId("overview-days-left")).toHaveText("已结束");
    await axe();

    // Sorted by risk, the project at risk comes first.
    await page.getByTestId("sort-risk").click();
    await expect(page).toHaveURL(/sort=risk&dir=asc/);
    await page.getByTestId("sort-risk").click();
    await expect(page).toHaveURL(/sort=risk&dir=desc/);
    await expect(page.getByTestId("overview-table").locator("tbody tr").first()).toHaveAttribute("data-testid", "overview-row-HP-BXL");

    // Filtered by that risk, only it is listed.
    await page.getByTestId("filter-risk").selectOption("full");
    await page.getByTestId("filter-submit").click();
    await expect(page).toHaveURL(/risk=full/);
    await expect(page.getByTestId("overview-row-HP-BXL")).toBeVisible();
    await expect(page.getByTestId("overview-row-LH-QSH")).toHaveCount(0);

    // The unsigned count opens exactly those households.
    const unsigned = await numberOf(hp.getByTestId("overview-unsigned"));
    expect(unsigned).toBeGreaterThan(0);
    await hp.getByTestId("overview-unsigned").getByRole("link").click();
    await page.waitForURL(/\/households\?/);
    await expect(page).toHaveURL(/signed=no/);
    await settle(page);
    expect(await householdTotal(page)).toBe(unsigned);

    // The dashboard: the pace beside both forecasts, the risk in words, Party lead by mean days.
    await openDashboardOf(page, "HP-BXL");
    await expect(page.getByTestId("figure-forecast-full-risk")).toContainText("签约期内难以全部签约");
    await expect(page.getByTestId("figure-forecast-full-note")).toHaveText(/^按近 7 日日均 [\d.]+ 户$/);
    await expect(page.getByTestId("figure-forecast-threshold-note")).toHaveText(/^按近 7 日日均 [\d.]+ 户$/);
    await expect(page.getByTestId("figure-forecast-full")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect(page.getByTestId("figure-party-mean")).toHaveText(/^\d+\.\d 天 \/ \d+\.\d 天$/);
    await expect(page.getByTestId("figure-party-first-day")).toHaveText(/^\d{1,3}\.\d{2}% \/ \d{1,3}\.\d{2}%$/);

    // The cumulative chart's axis names the month on every label and marks the signing end.
    const texts = await page.getByTestId("chart-cumulative").locator("svg text").allTextContents();
    const axisDays = texts.filter((text) => /^\d{1,2}月\d{1,2}日$/.test(text.trim()));
    expect(axisDays.length).toBeGreaterThan(1);
    expect(texts.filter((text) => /^\d{1,2}$/.test(text.trim()) || /^\d{1,2}月$/.test(text.trim()))).toEqual([]);
    expect(texts.some((text) => text.includes("签约截止"))).toBe(true);
    await axe();

    // 清水河, two days after launch: no pace yet, so no date.
    await openDashboardOf(page, "LH-QSH");
    await expect(page.getByTestId("figure-forecast-full")).toHaveText("数据不足");
    await expect(page.getByTestId("figure-forecast-full-note")).toHaveText("签约满 3 个完整日后开始预测");
    await expect(page.getByTestId("figure-forecast-full-risk")).toHaveCount(0);

    // 花墙: the period has ended, and the card says how.
    await openDashboardOf(page, "PD-HQ");
    await expect(page.getByTestId("figure-days-left")).toHaveText("签约期已结束");
    await expect(page.getByTestId("figure-days-left-note")).toContainText("协议已生效");
  });

  test("a group leader's league on a phone: the rate on the first screen, their own group marked @phone", async ({ page, login, axe }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await login("groupLeader");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/dashboard`);
    await settle(page);
    const table = page.getByTestId("league-table");
    await expect(table).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    for (const cell of await table.getByTestId("league-rate").all()) {
      await expect(cell).toHaveText(/^\d{1,3}\.\d{2}%$/);
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const own = page.getByTestId(`league-row-${DEMO_ACCOUNTS.groupLeader.groupName}`);
    await expect(own).toHaveAttribute("aria-current", "true");
    await expect(own.getByTestId("league-own")).toHaveText("本组");
    await expect(table.locator('tr[aria-current="true"]')).toHaveCount(1);
    await axe();
  });
});
