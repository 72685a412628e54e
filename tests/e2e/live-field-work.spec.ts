// Field work on the live channel, through the real stack: the demo secretary has HP-BXL's
// dashboard and coverage view open; in another browser the demo group leader logs a visit to a
// due household of 签约一组 from its page. Without a reload, the league row of 签约一组 counts one
// more visit in 7 days and the coverage view one household fewer due — and what the secretary had
// typed into the coverage rules form (not saved) is still there after the refresh. The secretary's
// open task list follows the leader's reassignment of a task the secretary had ticked.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

async function signedIn(browser: Browser, role: "secretary" | "groupLeader"): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("手机号").fill(DEMO_ACCOUNTS[role].phone);
  await page.getByLabel("密码").fill(DEMO_ACCOUNTS[role].password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

function numberIn(text: string | null): number {
  const match = /[\d,]+/.exec(text ?? "");
  if (!match) throw new Error(`no number in ${text}`);
  return Number(match[0].replace(/,/g, ""));
}

/** A marker on window that a reload would wipe. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __lianxinNoReload: boolean }).__lianxinNoReload = true));
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __lianxinNoReload?: boolean }).__lianxinNoReload)).toBe(true);
}

test.describe("field work on the live channel", () => {
  const contexts: BrowserContext[] = [];
  test.afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  test("a leader's visit shows on the secretary's open dashboard league and coverage view without a reload", async ({ browser }) => {
    test.slow();
    const secretary = await signedIn(browser, "secretary");
    const leader = await signedIn(browser, "groupLeader");
    contexts.push(secretary.context(), leader.context());

    await secretary.goto("/projects");
    await secretary.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await secretary.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const base = new URL(secretary.url()).pathname;

    // The dashboard, live; the league row of 签约一组 (cells: rank, rate, households, signed,
    // visits in 7 days, overdue tasks; the name is the row header).
    const dashboard = secretary;
    await dashboard.goto(`${base}/dashboard`);
    await settle(dashboard);
    await expect(dashboard.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    const visitsCell = dashboard.getByTestId(`league-row-${DEMO_ACCOUNTS.groupLeader.groupName}`).locator("td").nth(4);
    const visitsBefore = numberIn(await visitsCell.textContent());
    await markNoReload(dashboard);

    // The coverage view in a second tab, live, with a rule day typed but not saved.
    const coverage = await secretary.context().newPage();
    await coverage.goto(`${base}/coverage`);
    await settle(coverage);
    await expect(coverage.getByRole("heading", { name: "五必访覆盖", level: 1 })).toBeVisible();
    await expect(coverage.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    const dueBefore = numberIn(await coverage.getByTestId("coverage-due").textContent());
    expect(dueBefore).toBeGreaterThan(0);
    const hardshipDays = coverage.locator("#coverage-hardship-days");
    const typed = String(numberIn(await hardshipDays.inputValue()) === 9 ? 10 : 9);
    await hardshipDays.fill(typed);
    await markNoReload(coverage);

    // The leader opens a due household of the group from the coverage drill-down and logs a visit.
    await leader.goto(`${base}/coverage`);
    await settle(leader);
    await leader.getByTestId("coverage-due-link").click();
    await expect(leader).toHaveURL(/\/households\?.*coverage=due/);
    await settle(leader);
    const firstRow = leader.getByTestId("household-table").locator("tbody tr").first();
    const code = (await firstRow.getAttribute("data-testid"))!.replace(/^household-row-/, "");
    await leader.goto((await firstRow.locator("th a").first().getAttribute("href"))!);
    await settle(leader);
    await expect(leader.getByTestId("household-code")).toHaveText(code);
    const form = leader.getByTestId("log-visit-form");
    await form.getByLabel("走访情况").fill(`组长上门走访，户主关心安置房源（实时测试 ${Date.now()}）。`);
    await form.getByRole("radio", { name: "支持" }).click();
    await form.getByRole("button", { name: "保存走访记录" }).click();
    await expect(leader.getByTestId("log-visit-form-success")).toContainText(`已记录 ${code} 的走访`);

    // The secretary's pages follow, without a reload.
    await expect(visitsCell).toHaveText((visitsBefore + 1).toLocaleString("zh-CN"));
    await expectNotReloaded(dashboard);
    await expect(coverage.getByTestId("coverage-due")).toHaveText((dueBefore - 1).toLocaleString("zh-CN"));
    await expectNotReloaded(coverage);
    await expect(hardshipDays).toHaveValue(typed);
  });

  test("the secretary's open task list follows a leader's reassignment: the changed task's tick clears, a typed reason stays", async ({
    browser,
  }) => {
    test.slow();
    const secretary = await signedIn(browser, "secretary");
    const leader = await signedIn(browser, "groupLeader");
    contexts.push(secretary.context(), leader.context());

    await secretary.goto("/projects");
    await secretary.getByTestId("project-row-HP-BXL").getByRole("link").first().click();
    await secretary.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const base = new URL(secretary.url()).pathname;

    // The secretary's list of 签约一组's open tasks, live; one task ticked, a reason typed in the
    // other reassign form. Cells of a row: tick, address, kind, assignee, … (the code is the row header).
    await secretary.goto(`${base}/tasks`);
    await settle(secretary);
    await secretary.locator("#task-filter-group").selectOption({ label: DEMO_ACCOUNTS.groupLeader.groupName });
    await secretary.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(secretary).toHaveURL(/group=/);
    await settle(secretary);
    await expect(secretary.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    const tick = secretary.getByTestId("task-row").locator('input[type="checkbox"]').first();
    const [taskId, version] = (await tick.getAttribute("value"))!.split(":") as [string, string];
    const row = secretary.getByTestId("task-row").filter({ has: secretary.locator(`a[href$="/tasks/${taskId}"]`) });
    const assignee = row.locator("td").nth(3);
    const assigneeBefore = (await assignee.textContent())!.trim();
    await tick.check();
    await secretary.locator("#reassign-person-reason").fill("组员调离");
    await markNoReload(secretary);

    // The leader reassigns that task from its page to someone else of the group.
    await leader.goto(`${base}/tasks/${taskId}`);
    await settle(leader);
    const form = leader.getByTestId("reassign-one");
    const to = form.getByLabel("新执行人");
    const options = await to
      .locator("option")
      .evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent!.trim() })));
    // Not the demo leader or member: other browser tests sign in as them and expect what they own.
    const taken = [assigneeBefore, DEMO_ACCOUNTS.groupLeader.name, DEMO_ACCOUNTS.member.name];
    const other = options.find((o) => o.value !== "" && !taken.includes(o.label))!;
    await to.selectOption(other.value);
    await form.getByRole("button", { name: "改派", exact: true }).click();
    await expect(leader.getByTestId("reassign-one-success")).toContainText(`已将 1 个任务改派给${other.label}`);

    // Without a reload the row names the new assignee; its tick is cleared (a reassignment sent
    // now would not carry the task over someone else's change); the typed reason is still there.
    await expect(assignee).toHaveText(other.label);
    await expect(row.locator('input[type="checkbox"]')).toHaveValue(`${taskId}:${Number(version) + 1}`);
    await expect(row.locator('input[type="checkbox"]')).not.toBeChecked();
    await expect(secretary.locator("#reassign-person-reason")).toHaveValue("组员调离");
    await expectNotReloaded(secretary);
  });
});
