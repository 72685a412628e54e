import { writeFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { rosterRecords, rosterRows, xlsxBytes } from "../support/roster-files.ts";

// The household timeline says what was recorded: a first-round vote says 同意 / 不同意 and its
// round (and what it replaced), a signing its channel and agreement number, in Chinese and in
// English. Votes are taken only in the first consultation and signings only in the signing
// period, and no demo project is in consultation: the test runs in a project of its own, created
// by the district official with the demo secretary named, so no demo household changes.

/** Today in the deployment's zone, and a day some weeks later, as a date input takes them. */
function signingPeriod(): { start: string; end: string } {
  const day = (offset: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + offset * 86_400_000));
  return { start: day(0), end: day(60) };
}

test.describe("household timeline", () => {
  test("a secretary records a vote, changes it and records a signing; the timeline says what each was", async ({
    page,
    browser,
    login,
    axe,
  }, testInfo) => {
    test.setTimeout(180_000);
    const code = `E2E-T${Date.now().toString(36).toUpperCase()}`;
    const officialContext = await browser.newContext();
    const official = await officialContext.newPage();
    await official.goto("/login");
    await official.getByLabel("手机号").fill("13800000001");
    await official.getByLabel("密码").fill("lianxin123");
    await official.getByRole("button", { name: "登录", exact: true }).click();
    await official.getByRole("link", { name: "新建项目" }).click();
    await official.getByLabel("项目编号").fill(code);
    await official.getByLabel("临时党支部书记手机号").fill("13800000002");
    await official.getByLabel("项目名称").fill("动态记录测试项目");
    await official.getByLabel("区", { exact: true }).fill("黄浦区");
    await official.getByLabel("街道").fill("豫园街道");
    await official.getByLabel("签约生效比例（%）").fill("85");
    await official.getByRole("button", { name: "创建项目" }).click();
    await expect(official).toHaveURL(/\/setup$/);
    const setupUrl = official.url();
    await officialContext.close();

    // Three households by the roster import.
    await login("secretary");
    await page.getByTestId(`project-row-${code}`).getByRole("link").click();
    await page.getByRole("link", { name: "导入名册" }).click();
    const file = testInfo.outputPath("roster-3.xlsx");
    writeFileSync(file, await xlsxBytes(rosterRows(rosterRecords(3, { prefix: "TL" }))));
    await page.getByLabel("花名册文件").setInputFiles(file);
    await page.getByRole("button", { name: "开始导入" }).click();
    await expect(page.getByTestId("roster-created")).toHaveText("3 户", { timeout: 30_000 });

    // First consultation: a vote against, then changed to for.
    await page.goto(setupUrl);
    await page.getByRole("button", { name: "进入下一阶段：公示" }).click();
    await expect(page.getByTestId("current-phase")).toHaveText("当前阶段：公示");
    await page.getByRole("button", { name: "进入下一阶段：一轮征询" }).click();
    await expect(page.getByTestId("current-phase")).toHaveText("当前阶段：一轮征询");
    const householdsUrl = setupUrl.replace(/\/setup$/, "/households");
    await page.goto(`${householdsUrl}?q=TL-00002`);
    await page.getByTestId("household-table").getByRole("link", { name: "TL-00002" }).click();
    await expect(page.getByTestId("household-code")).toHaveText("TL-00002");
    const householdUrl = page.url();
    const timeline = page.getByTestId("household-timeline");
    const votes = timeline.locator('[data-action="record:vote"]');

    await page.getByRole("button", { name: "记录“不同意”" }).click();
    await expect(votes).toHaveCount(1);
    await expect(votes.first().getByTestId("timeline-detail")).toHaveText("第一轮征询：不同意");
    await page.getByRole("button", { name: "记录“同意”" }).click();
    await expect(votes).toHaveCount(2);
    await expect(votes.first().getByTestId("timeline-detail")).toHaveText("第一轮征询：同意（原为不同意）");
    await expect(votes.nth(1).getByTestId("timeline-detail")).toHaveText("第一轮征询：不同意");

    // The signing period: a home-visit signing with its agreement number.
    const { start, end } = signingPeriod();
    await page.goto(setupUrl);
    await page.getByLabel("签约期开始").fill(start);
    await page.getByLabel("签约期结束").fill(end);
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByTestId("project-fields-form-success")).toHaveText("设置已保存。");
    await page.getByRole("button", { name: "进入下一阶段：签约期" }).click();
    await expect(page.getByTestId("current-phase")).toHaveText("当前阶段：签约期");

    await page.goto(householdUrl);
    const number = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const panel = page.getByTestId("signing-panel");
    await panel.getByRole("radio", { name: "上门签约" }).click();
    await panel.locator("#panel-agreementNumber").fill(number);
    await panel.getByRole("button", { name: "确认签约" }).click();
    await expect(panel.getByTestId("signing-panel-success")).toContainText("TL-00002 已签约");
    const signing = timeline.locator('[data-action="record:signing"]');
    await expect(signing.getByTestId("timeline-detail").first()).toHaveText(`签约方式：上门签约；协议编号：${number}`);
    await expect(signing).toContainText("签约时间：");
    await axe();

    // The same timeline in English.
    await page.context().addCookies([{ name: "lianxin-locale", value: "en", url: new URL(householdUrl).origin }]);
    await page.reload();
    await expect(votes.first().getByTestId("timeline-detail")).toHaveText("First round: Agree (was Disagree)");
    await expect(votes.nth(1).getByTestId("timeline-detail")).toHaveText("First round: Disagree");
    await expect(signing.getByTestId("timeline-detail").first()).toHaveText(`Channel: Home visit; agreement no. ${number}`);
    await axe();
  });
});
