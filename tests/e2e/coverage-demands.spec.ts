import type { Page } from "@playwright/test";
import { expect, settle, test } from "./fixtures.ts";

// Coverage (五必访) and demands (诉求) in the demo project HP-BXL: the secretary's coverage view
// counts as many due households as its drill-down list shows; a demand recorded on a household
// page reaches the special group's list and is worked to resolved there by the group's leader.

async function openProject(page: Page): Promise<string> {
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

function numberIn(text: string | null): number {
  const match = /[\d,]+/.exec(text ?? "");
  if (!match) throw new Error(`no number in ${text}`);
  return Number(match[0].replace(/,/g, ""));
}

test.describe("coverage and demands", () => {
  test("the secretary's coverage view: the due count and the unassigned queue equal their drill-down lists", async ({
    page,
    login,
    axe,
  }) => {
    test.slow();
    await login("secretary");
    const projectUrl = await openProject(page);
    await page.goto(`${projectUrl}/coverage`);
    await expect(page.getByRole("heading", { name: "五必访覆盖", level: 1 })).toBeVisible();
    await axe();

    const due = numberIn(await page.getByTestId("coverage-due").textContent());
    expect(due).toBeGreaterThan(0);
    const queue = numberIn(await page.getByTestId("coverage-queue-count").textContent());
    expect(queue).toBeLessThanOrEqual(due);

    await page.getByTestId("coverage-due-link").click();
    await expect(page).toHaveURL(/\/households\?.*coverage=due/);
    await settle(page);
    await expect(page.getByTestId("household-summary")).toContainText(`共 ${due.toLocaleString("zh-CN")} 户`);
    // The list's own filter form shows what it is filtered by.
    await expect(page.getByLabel("五必访", { exact: true })).toHaveValue("due");

    if (queue > 0) {
      await page.goBack();
      await settle(page);
      await page.getByTestId("coverage-queue-link").click();
      await expect(page).toHaveURL(/openTask=no/);
      await settle(page);
      await expect(page.getByTestId("household-summary")).toContainText(`共 ${queue.toLocaleString("zh-CN")} 户`);
    }
  });

  test("a demand raised in a visit reaches the special group's list and its leader resolves it @phone", async ({ page, login, axe }) => {
    test.slow();
    const description = `希望尽快确认补偿标准（浏览器测试 ${Date.now()}）`;
    await login("secretary");
    const projectUrl = await openProject(page);
    await page.goto(`${projectUrl}/households?q=BXL-0001`);
    await settle(page);
    // The table row is hidden on a phone (the cards show instead), but its link names the page.
    const href = await page.getByTestId("household-row-BXL-0001").locator("a").first().getAttribute("href");
    await page.goto(href!);
    await settle(page);

    // The visit log (一本日志) records what the resident said, and the demand they raised with it.
    const visit = page.getByTestId("log-visit-form");
    await visit.getByLabel("走访情况").fill("户主询问补偿标准的计算方法。");
    // The demands fold opens on a tap; a tap that lands before the page has hydrated is lost, so tap
    // until it shows what it holds.
    const demands = visit.getByTestId("visit-demands");
    const firstDemand = demands.getByRole("group", { name: "诉求 1" });
    await expect(async () => {
      if (!(await demands.evaluate((details) => (details as HTMLDetailsElement).open))) await demands.locator("summary").click();
      await expect(firstDemand).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await firstDemand.getByLabel("类别").selectOption({ label: "补偿" });
    await firstDemand.getByLabel("诉求内容").fill(description);
    await visit.getByRole("button", { name: "保存走访记录" }).click();
    await expect(page.getByTestId("log-visit-form-success")).toContainText("已登记 1 条诉求");
    // Compensation goes to the policy consultation group by default, and the timeline says so.
    await expect(page.getByTestId("household-timeline")).toContainText("登记诉求");

    // The special group's leader finds it in the group's list.
    await page.context().clearCookies();
    await login("specialGroupLeader");
    await page.goto(`${projectUrl}/demands`);
    await expect(page.getByRole("heading", { name: "居民诉求", level: 1 })).toBeVisible();
    await axe();
    const card = page.getByTestId("demand-card").filter({ hasText: description });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("demand-status")).toHaveText("待处理");
    await expect(card.getByTestId("demand-clock")).toHaveAttribute("data-colour", "green");
    await card.getByRole("link").click();
    await expect(page.getByTestId("demand-description")).toHaveText(description);

    await page.getByTestId("demand-start").getByRole("button", { name: "开始办理" }).click();
    await expect(page.getByTestId("demand-move-success")).toContainText("已开始办理");
    await expect(page.getByTestId("demand-detail-status")).toHaveText("处理中");
    await axe();

    const resolve = page.getByTestId("demand-resolve");
    await resolve.getByRole("button", { name: "标记为已解决" }).click();
    // Without a resolution the browser asks for one first; with it, the demand is resolved.
    await expect(page.getByTestId("demand-detail-status")).toHaveText("处理中");
    await resolve.getByLabel("办理结果").fill("已当面解释补偿标准，并送达书面答复。");
    await resolve.getByRole("button", { name: "标记为已解决" }).click();
    await expect(page.getByTestId("demand-move-success")).toContainText("诉求已解决");
    await expect(page.getByTestId("demand-detail-status")).toHaveText("已解决");
    await expect(page.getByTestId("demand-resolution")).toHaveText("已当面解释补偿标准，并送达书面答复。");
    await expect(page.getByTestId("demand-history")).toContainText("开始办理");

    // Back in the list, it is resolved.
    await page.getByRole("link", { name: "返回诉求列表" }).click();
    await settle(page);
    await expect(page.getByTestId("demand-card").filter({ hasText: description }).getByTestId("demand-status")).toHaveText("已解决");
  });
});
