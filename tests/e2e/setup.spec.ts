import { expect, test } from "./fixtures.ts";

test.describe("project set-up", () => {
  test("a district official creates a project and its secretary sets it up", async ({ page, browser, login, axe }) => {
    await login("districtOfficial");
    await page.getByRole("link", { name: "新建项目" }).click();
    await axe();
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await page.getByLabel("项目编号").fill(code);
    await page.getByLabel("临时党支部书记手机号").fill("13800000002");
    await page.getByLabel("项目名称").fill("端到端测试项目");
    await page.getByLabel("区", { exact: true }).fill("黄浦区");
    await page.getByLabel("街道").fill("豫园街道");
    await page.getByLabel("签约生效比例（%）").fill("120");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page.locator("#signingThreshold-error")).toHaveText("请输入 0 到 100 之间的百分比，最多两位小数。");
    await expect(page.getByLabel("项目编号")).toHaveValue(code);
    await page.getByLabel("签约生效比例（%）").fill("85");
    await page.getByRole("button", { name: "创建项目" }).click();
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByTestId("current-phase")).toHaveText("当前阶段：筹备");
    await axe();
    const setupUrl = page.url();

    // The named secretary now has the project and sets it up.
    const context = await browser.newContext();
    const secretary = await context.newPage();
    await secretary.goto("/login");
    await secretary.getByLabel("手机号").fill("13800000002");
    await secretary.getByLabel("密码").fill("lianxin123");
    await secretary.getByRole("button", { name: "登录", exact: true }).click();
    await expect(secretary.getByTestId(`project-row-${code}`)).toBeVisible();
    await secretary.goto(setupUrl);

    // Phases go forward one step at a time; signing needs a signing period.
    await secretary.getByRole("button", { name: "进入下一阶段：公示" }).click();
    await expect(secretary.getByTestId("current-phase")).toHaveText("当前阶段：公示");
    await secretary.getByRole("button", { name: "进入下一阶段：一轮征询" }).click();
    await expect(secretary.getByTestId("current-phase")).toHaveText("当前阶段：一轮征询");
    await secretary.getByRole("button", { name: "进入下一阶段：签约期" }).click();
    await expect(secretary.getByTestId("phase-form-error")).toHaveText("请先设定签约期的开始和结束日期。");

    // A period that runs from today (in the deployment's zone) for two months, whenever the test
    // runs: an end date already past would be saved with a warning.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const inTwoMonths = new Date(Date.parse(`${today}T00:00:00Z`) + 61 * 86_400_000).toISOString().slice(0, 10);
    await secretary.getByLabel("签约期开始").fill(today);
    await secretary.getByLabel("签约期结束").fill(inTwoMonths);
    await secretary.getByRole("button", { name: "保存设置" }).click();
    await expect(secretary.getByTestId("project-fields-form-success")).toHaveText("设置已保存。");
    await secretary.getByRole("button", { name: "进入下一阶段：签约期" }).click();
    await expect(secretary.getByTestId("current-phase")).toHaveText("当前阶段：签约期");

    // A signing group, a member added by phone, named leader.
    await secretary.getByLabel("小组名称").fill("签约一组");
    await secretary.getByRole("button", { name: "创建小组" }).click();
    const group = secretary.getByTestId("group-签约一组");
    await expect(group).toBeVisible();
    await group.getByText("添加成员").click();
    await group.getByLabel("手机号").fill("13800000004");
    await group.getByRole("button", { name: "添加" }).click();
    await expect(group.getByTestId("member-陈晓燕")).toBeVisible();
    await group.getByTestId("member-陈晓燕").getByRole("button", { name: "设为组长" }).click();
    await expect(group.getByTestId("member-陈晓燕")).toContainText("组长");
    await axe();
    await context.close();
  });

  test("a group leader cannot open the project settings", async ({ page, login }) => {
    await login("groupLeader");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await expect(page.getByRole("link", { name: "项目设置" })).toHaveCount(0);
    await page.goto(`${page.url()}/setup`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});

test.describe("battle map", () => {
  test("shows every household by building with a legend and counts, filters by group", async ({ page, login, axe }) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByRole("link", { name: "挂图作战" }).click();
    await expect(page.getByTestId("map-legend")).toBeVisible();
    const tiles = page.locator("[data-state]");
    await expect(tiles).toHaveCount(2119);
    const signedCount = Number((await page.getByTestId("map-count-SIGNED").locator("strong").textContent())?.replace(/,/g, ""));
    await expect(page.locator('[data-state="SIGNED"]')).toHaveCount(signedCount);
    await page.getByLabel("签约小组").selectOption({ label: "签约一组" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/group=/);
    await expect(page.getByTestId("map-legend")).toBeVisible();
    expect(await tiles.count()).toBeLessThan(2119);
    // axe on one group's map: the whole map's 2,119 tiles take axe longer than a test may.
    await axe();
  });

  test("a group leader's map shows only their group, on a phone @phone", async ({ page, login, axe }) => {
    await login("groupLeader");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByRole("link", { name: "挂图作战" }).click();
    await expect(page.getByTestId("map-legend")).toBeVisible();
    const count = await page.locator("[data-state]").count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(2119);
    await axe();
  });
});
