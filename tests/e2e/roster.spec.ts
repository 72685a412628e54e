import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { rosterRecords, rosterRows, xlsxBytes, ZH_HEADERS } from "../support/roster-files.ts";

// The roster import goes into a project of its own, created here by the district official with
// the demo secretary named, so the demo project's 2,119 households stay as other tests expect.

/** Remembers whether the progress bar ever showed: a few hundred rows import in a blink. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="roster-progress"] progress')) w.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}
const sawProgress = (page: Page) => page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress);

test.describe("roster import", () => {
  test("a secretary downloads the template, imports a roster, re-imports it unchanged and sees a broken file's problems", async ({
    page,
    browser,
    login,
    axe,
  }, testInfo) => {
    test.setTimeout(120_000);
    // A fresh project for the secretary.
    const code = `E2E-R${Date.now().toString(36).toUpperCase()}`;
    const officialContext = await browser.newContext();
    const official = await officialContext.newPage();
    await official.goto("/login");
    await official.getByLabel("手机号").fill("13800000001");
    await official.getByLabel("密码").fill("lianxin123");
    await official.getByRole("button", { name: "登录", exact: true }).click();
    await official.getByRole("link", { name: "新建项目" }).click();
    await official.getByLabel("项目编号").fill(code);
    await official.getByLabel("临时党支部书记手机号").fill("13800000002");
    await official.getByLabel("项目名称").fill("花名册导入测试项目");
    await official.getByLabel("区", { exact: true }).fill("黄浦区");
    await official.getByLabel("街道").fill("豫园街道");
    await official.getByLabel("签约生效比例（%）").fill("85");
    await official.getByRole("button", { name: "创建项目" }).click();
    await expect(official).toHaveURL(/\/setup$/);
    await officialContext.close();

    await login("secretary");
    await page.getByTestId(`project-row-${code}`).getByRole("link").click();
    await page.getByRole("link", { name: "导入名册" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("导入花名册");
    await expect(page.getByTestId("roster-household-count")).toHaveText("本项目现有 0 户。");
    await axe();

    // The template: Chinese headers, then the example row.
    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载导入模板（.xlsx）" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`花名册模板-${code}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(ZH_HEADERS);

    // A few hundred new households.
    const file = testInfo.outputPath("roster-300.xlsx");
    writeFileSync(file, await xlsxBytes(rosterRows(rosterRecords(300, { prefix: "E2E" }))));
    await watchProgress(page);
    await page.getByLabel("花名册文件").setInputFiles(file);
    await page.getByRole("button", { name: "开始导入" }).click();
    await expect(page.getByTestId("roster-result")).toBeVisible({ timeout: 30_000 });
    expect(await sawProgress(page)).toBe(true);
    await expect(page.getByTestId("roster-created")).toHaveText("300 户");
    await expect(page.getByTestId("roster-unchanged")).toHaveText("0 户");
    await expect(page.getByRole("heading", { name: "导入完成" })).toBeFocused();
    await expect(page.getByTestId("roster-household-count")).toHaveText("本项目现有 300 户。");
    await axe();

    // The same file again: nothing changes.
    await page.getByLabel("花名册文件").setInputFiles(file);
    await page.getByRole("button", { name: "开始导入" }).click();
    await expect(page.getByTestId("roster-unchanged")).toHaveText("300 户", { timeout: 30_000 });
    await expect(page.getByTestId("roster-created")).toHaveText("0 户");
    await expect(page.getByTestId("roster-updated")).toHaveText("0 户");

    // A broken file: every problem listed by row and column, nothing written.
    const rows = rosterRows(rosterRecords(120, { prefix: "E2X" }));
    const area = ZH_HEADERS.indexOf("建筑面积（m²）");
    for (let r = 1; r < rows.length; r += 2) rows[r]![area] = "约二十";
    rows[10]![0] = rows[4]![0]!;
    const broken = testInfo.outputPath("roster-broken.xlsx");
    writeFileSync(broken, await xlsxBytes(rows));
    await page.getByLabel("花名册文件").setInputFiles(broken);
    await page.getByRole("button", { name: "开始导入" }).click();
    const problems = page.getByTestId("roster-problems");
    await expect(problems).toBeVisible({ timeout: 30_000 });
    await expect(problems.getByRole("heading")).toHaveText("文件中有 61 处问题，没有导入任何数据");
    const first = page.getByTestId("roster-problem").first();
    await expect(first).toContainText("2");
    await expect(first).toContainText("建筑面积（m²）");
    await expect(first).toContainText("应为面积数字");
    // Row 11 repeats row 5's code.
    await expect(page.getByTestId("roster-problem").filter({ hasText: "房屋编号与第 5 行重复。" })).toContainText("11");
    // 61 problems, 50 a page.
    await expect(page.getByTestId("roster-problem")).toHaveCount(50);
    await page.getByRole("button", { name: "下一页" }).click();
    await expect(page.getByTestId("roster-problem")).toHaveCount(11);
    await expect(page.getByTestId("roster-problem").last()).toContainText("120");
    await axe();
    await page.reload();
    await expect(page.getByTestId("roster-household-count")).toHaveText("本项目现有 300 户。");

    // Not a spreadsheet: said before anything is sent.
    const pdf = testInfo.outputPath("roster.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    await page.getByLabel("花名册文件").setInputFiles(pdf);
    await page.getByRole("button", { name: "开始导入" }).click();
    await expect(page.locator("#roster-file-error")).toHaveText(
      "收到的“roster.pdf”是 PDF 文件。只能导入 Excel 表格（.xlsx）或 CSV 文件（.csv）。",
    );
  });

  test("a group leader has no import page", async ({ page, login }) => {
    await login("groupLeader");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("link", { name: "导入名册" })).toHaveCount(0);
    await page.goto(`${page.url()}/roster`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });

  test("the import page works on a phone and lists a broken file's problems @phone", async ({ page, login, axe }, testInfo) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/roster`);
    await expect(page.getByLabel("花名册文件")).toBeVisible();
    await axe();
    const rows = rosterRows(rosterRecords(3, { prefix: "PHN" }));
    rows[2]![ZH_HEADERS.indexOf("户主")] = "";
    const broken = testInfo.outputPath("phone-broken.xlsx");
    writeFileSync(broken, await xlsxBytes(rows));
    await page.getByLabel("花名册文件").setInputFiles(broken);
    await page.getByRole("button", { name: "开始导入" }).click();
    await expect(page.getByTestId("roster-problem")).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId("roster-problem")).toContainText("此项必填。");
    // Nothing but the table scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await axe();
  });
});
