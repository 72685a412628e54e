import { expect, settle, test } from "./fixtures.ts";

// A resident's demand (诉求) on a phone: the resident of BXL-0001 raises one from their household
// page, sees it waiting; the special group it was routed to answers it; the resident sees the
// answer. Each run (desktop, phone) raises its own.

test.describe("residents' demands", () => {
  test("a resident raises a demand and reads the special group's answer @phone", async ({ page, login, axe }) => {
    test.slow();
    const description = `安置房源什么时候公布？（浏览器测试 ${Date.now().toString(36)}）`;
    await login("resident");
    await expect(page).toHaveURL(/\/my-household$/);
    const link = page.getByTestId("demands-link");
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await link.click();
    await expect(page.getByRole("heading", { name: "我的诉求", level: 1 })).toBeVisible();
    await axe();

    const form = page.getByTestId("raise-demand");
    // No choice of group for a resident: it goes where the category says.
    await expect(form.getByLabel("专项工作组")).toHaveCount(0);
    await form.getByLabel("类别").selectOption({ label: "政策咨询" });
    await form.getByLabel("您希望解决什么").fill(description);
    await form.getByRole("button", { name: "提交诉求" }).click();
    await expect(page.getByTestId("raise-demand-success")).toContainText("已登记");
    const mine = page.getByTestId("own-demand").filter({ hasText: description });
    await expect(mine.getByTestId("own-demand-status")).toHaveText("待处理");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The policy consultation group's leader answers it.
    await page.context().clearCookies();
    await login("specialGroupLeader");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/demands`);
    await settle(page);
    await page.getByTestId("demand-card").filter({ hasText: description }).getByRole("link").click();
    await expect(page.getByTestId("demand-description")).toHaveText(description);
    const resolve = page.getByTestId("demand-resolve");
    await resolve.getByLabel("办理结果").fill("房源将于下周一在接待室和公告栏公示。");
    await resolve.getByRole("button", { name: "标记为已解决" }).click();
    await expect(page.getByTestId("demand-detail-status")).toHaveText("已解决");

    // The resident reads the answer.
    await page.context().clearCookies();
    await login("resident");
    await page.goto("/my-household/demands");
    await settle(page);
    const answered = page.getByTestId("own-demand").filter({ hasText: description });
    await expect(answered.getByTestId("own-demand-status")).toHaveText("已解决");
    await expect(answered.getByTestId("own-demand-answer")).toHaveText("答复：房源将于下周一在接待室和公告栏公示。");
  });
});
