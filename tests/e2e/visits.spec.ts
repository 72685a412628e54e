import ExcelJS from "exceljs";
import { expect, test } from "./fixtures.ts";

// A Party member's day on a phone: signs in, lands on My tasks, opens a task's household, sees the
// phone masked and reveals it to call, logs the visit with the resident's attitude, and the task
// leaves the open list; the household's timeline shows the visit and the task done. Each run takes
// the member's first open task, so the desktop and phone runs close different ones.

test.describe("visits", () => {
  test("a member logs a visit from My tasks and the task is done @phone", async ({ page, login, axe }) => {
    test.slow();
    await login("member");
    await expect(page).toHaveURL(/\/my-tasks$/);
    await expect(page.getByRole("heading", { name: "我的任务", level: 1 })).toBeVisible();
    await axe();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const card = page.getByTestId("my-task").first();
    const code = (await card.getAttribute("data-household-code"))!;
    const logLink = card.getByTestId("my-task-log");
    expect((await logLink.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const href = (await logLink.getAttribute("href"))!;
    const taskId = /task=([0-9a-f-]{36})/.exec(href)![1]!;
    await logLink.click();

    await expect(page.getByTestId("household-code")).toHaveText(code);
    // Masked for the page; the assignee of the open task may show it and call.
    // (Some demo households have no phone on record.)
    const masked = page.getByTestId("phone-masked");
    await expect(masked).toHaveText(/^(\d{3}\*+\d{4}|未登记)$/);
    if ((await masked.textContent()) !== "未登记") {
      await page.getByRole("button", { name: "显示完整号码" }).click();
      await expect(page.getByTestId("phone-call")).toHaveAttribute("href", /^tel:\+?\d{5,}$/);
    }
    await axe();

    const form = page.getByTestId("log-visit-form");
    await expect(form.getByLabel("对应任务")).toHaveValue(taskId);
    await form.getByLabel("走访情况").fill("户主表示支持改造，想先看安置房源再签约。");
    await form.getByRole("radio", { name: "支持" }).click();
    await expect(form.getByRole("radio", { name: "支持" })).toBeChecked();
    await form.getByLabel("下一步").fill("带房源图再来");
    const save = form.getByRole("button", { name: "保存走访记录" });
    expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await save.click();
    await expect(page.getByTestId("log-visit-form-success")).toHaveText(`已记录 ${code} 的走访，任务已完成。`);

    const latestVisit = page.getByTestId("timeline-visit").first();
    await expect(latestVisit).toContainText("户主表示支持改造");
    await expect(latestVisit).toContainText("居民态度：支持");
    await expect(page.locator('[data-action="complete:task"]').first()).toContainText("完成走访任务");
    // The task is no longer one to close with a visit.
    await expect(page.locator(`#visit-task option[value="${taskId}"]`)).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByTestId("nav-my-tasks").click();
    await expect(page.getByRole("heading", { name: "我的任务", level: 1 })).toBeVisible();
    await expect(page.locator(`a[href*="task=${taskId}"]`)).toHaveCount(0);
  });

  test("a visit in the future is refused with the reason, and the typed summary stays", async ({ page, login }) => {
    await login("member");
    const card = page.getByTestId("my-task").first();
    await card.getByRole("link", { name: "查看房屋" }).click();
    const form = page.getByTestId("log-visit-form");
    await form.getByLabel("走访时间").fill("2099-01-01T10:00");
    await form.getByLabel("走访情况").fill("未来的走访");
    // The browser's own max check would stop the form first; this is the server's answer.
    await form.evaluate((f) => f.setAttribute("novalidate", ""));
    await form.getByRole("button", { name: "保存走访记录" }).click();
    await expect(page.locator("#visit-at-error")).toHaveText("走访时间不能晚于现在。");
    await expect(form.getByLabel("走访情况")).toHaveValue("未来的走访");
  });

  test("a secretary filters the visit register and exports exactly what it lists", async ({ page, login, axe }) => {
    await login("secretary");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await page.getByRole("link", { name: "走访台账" }).click();
    await expect(page.getByRole("heading", { name: "走访台账", level: 1 })).toBeVisible();
    await axe();

    await page.getByLabel("居民态度").selectOption({ label: "反对" });
    await page.getByLabel("走访方式").selectOption({ label: "上门" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/attitude=OPPOSED/);
    const summary = (await page.getByTestId("visits-summary").textContent()) ?? "";
    const total = Number(/共\s*([\d,]+)\s*条/.exec(summary)?.[1]?.replace(/,/g, "") ?? NaN);
    expect(total).toBeGreaterThan(0);
    for (const row of await page.getByTestId("visits-table").locator("tbody tr").all()) {
      await expect(row.locator("td").nth(2)).toHaveText("上门");
      await expect(row.locator("td").nth(3)).toHaveText("反对");
    }

    const downloading = page.waitForEvent("download");
    await page.getByTestId("visits-export").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^HP-BXL-走访台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("走访时间");
    expect(sheet.actualRowCount).toBe(total + 1);
    const kinds = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) kinds.add(`${String(row.getCell(5).value)}/${String(row.getCell(6).value)}`);
    });
    expect([...kinds]).toEqual(["上门/反对"]);
  });
});
