import type { Page } from "@playwright/test";
import { expect, settle, test } from "./fixtures.ts";

// The compensation estimate through the real screens: on a phone, the demo resident's estimate
// is DOMAIN.md's worked example to the fen, line by line, with the date bonuses as "if you sign
// by …"; the secretary previews the same household from the policy editor, and a draft that
// builds on a later line is refused beside that line and saves nothing.

const WORKED_EXAMPLE = ["1,860,000.00", "558,000.00", "930,000.00", "-669,600.00", "7,142,400.00", "1,000.00", "150,000.00", "50,000.00"];

async function openProject(page: Page): Promise<string> {
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

test.describe("compensation estimate", () => {
  test("the resident's estimate equals the worked example to the fen on a phone @phone", async ({ page, login, axe }) => {
    await login("resident");
    await page.getByTestId("estimate-link").click();
    await expect(page).toHaveURL(/\/my-household\/estimate$/);
    await settle(page);
    await expect(page.getByRole("heading", { name: "补偿估算", level: 1 })).toBeVisible();
    await expect(page.getByTestId("estimate-disclaimer")).toContainText("实际补偿以签订的补偿协议为准");
    for (const [i, amount] of WORKED_EXAMPLE.entries()) await expect(page.getByTestId(`estimate-amount-${i}`)).toHaveText(amount);
    await expect(page.getByTestId("estimate-total")).toHaveText("10,021,800.00");
    // Not signed yet: what each tier would give, and how much of the total depends on it.
    await expect(page.getByTestId("estimate-line-6")).toContainText("前签约：150,000.00 元（计入合计）");
    await expect(page.getByTestId("estimate-line-6")).toContainText("前签约：100,000.00 元");
    await expect(page.getByTestId("estimate-line-7")).toContainText("前搬迁：50,000.00 元（计入合计）");
    await expect(page.getByTestId("estimate-conditional")).toContainText("200,000.00");
    await axe();
  });

  test("the secretary previews a household's estimate; a line built on a later line is refused and nothing is saved", async ({
    page,
    login,
    axe,
  }) => {
    await login("secretary");
    await openProject(page);
    await page.getByRole("link", { name: "补偿方案" }).click();
    await settle(page);
    await expect(page.getByRole("heading", { name: "征收补偿方案", level: 1 })).toBeVisible();
    await expect(page.getByTestId(/^policy-line-\d+$/)).toHaveCount(8);

    await page.getByLabel("房屋编号", { exact: true }).fill("BXL-0001");
    await page.getByRole("button", { name: "预览" }).click();
    await expect(page.getByTestId("estimate-total")).toHaveText("10,021,800.00");
    await axe();

    // The price subsidy moved above the valuation it is a percentage of.
    const firstLabel = await page.getByTestId("policy-line-0").getByLabel("名称").inputValue();
    await page.getByTestId("policy-line-1").getByRole("button", { name: "上移" }).click();
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByTestId("policy-line-0-errors")).toHaveText("只能引用排在本项前面的项目。");
    await page.reload();
    await settle(page);
    await expect(page.getByTestId("policy-line-0").getByLabel("名称")).toHaveValue(firstLabel);
  });
});
