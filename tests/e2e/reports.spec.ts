import { expect, test, settle } from "./fixtures.ts";

// 每日一汇报 / 每日一总结 on the demo project HP-BXL: the leader of 签约一组 fills in and submits the
// day's report on a phone, and the secretary sees it in the day summary beside the groups that
// have not submitted; yesterday's summary shows the demo's story (most groups, not all).

const shanghaiDay = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

test.describe("daily reports", () => {
  test("a group leader submits the day's report on a phone and the secretary sees it in the day summary", async ({ page, login, axe }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login("groupLeader");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByRole("link", { name: "每日汇报", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("每日一汇报");
    await expect(page.getByRole("heading", { level: 2, name: /签约一组/ })).toBeVisible();
    await expect(page.getByTestId("report-none")).toBeVisible();
    await expect(page.getByTestId("report-draft-visitCount")).toBeVisible();
    await axe();
    const reportsUrl = page.url().split("?")[0]!;

    // The plan is required: the refusal says so beside the field and keeps what was typed.
    await page.getByLabel("存在问题").fill("两户对面积认定有异议，需政策咨询小组答疑。");
    await page.getByRole("button", { name: "提交汇报" }).click();
    await expect(page.locator("#report-next-plan-error")).toHaveText("请填写明日计划");
    await expect(page.getByLabel("存在问题")).toHaveValue("两户对面积认定有异议，需政策咨询小组答疑。");

    await page.getByLabel("明日计划").fill("上午集中上门答疑，下午约三户看房。");
    await page.getByRole("button", { name: "提交汇报" }).click();
    await expect(page.getByTestId("daily-report-form-success")).toContainText("已提交（第 1 版）");
    await expect(page.getByTestId("report-version-1")).toContainText("当前版本");
    await expect(page.getByTestId("report-version-1")).toContainText("上午集中上门答疑");
    await settle(page);
    await axe();

    // The secretary's day summary.
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1280, height: 900 });
    await login("secretary");
    await page.goto(reportsUrl);
    const summary = page.getByTestId("day-summary");
    await expect(summary.getByRole("heading", { level: 2 })).toContainText("每日一总结");
    await expect(page.getByTestId("summary-row-签约一组")).toContainText("第 1 版");
    await expect(page.getByTestId("summary-row-签约一组")).toContainText("张志强");
    await expect(page.getByTestId("summary-row-签约二组")).toContainText("未提交");
    await expect(page.getByTestId("summary-count")).toHaveText("已提交 1 / 8 个小组");
    await expect(page.getByTestId("summary-missing")).toContainText("签约二组");
    await expect(page.getByTestId("summary-missing")).not.toContainText("签约一组");
    await expect(summary).toContainText("上午集中上门答疑");
    await expect(page.getByRole("button", { name: "打印 / Print" })).toBeVisible();
    await axe();

    // Yesterday: most groups submitted, not all.
    await page.getByLabel("日期", { exact: true }).fill(shanghaiDay(-1));
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page.getByTestId("summary-count")).toHaveText("已提交 6 / 8 个小组");
    await expect(page.getByTestId("summary-row-签约八组")).toContainText("未提交");

    // Printed for the stand-up: no navigation, no print button, one A4 page.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header").first()).toBeHidden();
    await expect(page.getByRole("button", { name: "打印 / Print" })).toBeHidden();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.emulateMedia({ media: "screen" });
  });
});
