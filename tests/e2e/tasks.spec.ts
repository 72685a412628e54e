import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

// Visit tasks in the demo project HP-BXL: the secretary creates tasks for what a household-list
// filter shows (count first, then confirm), and the leader of 签约一组 hands all open tasks of
// one member to another on a phone.

async function openProject(page: Page): Promise<string> {
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

/** The caseload's figures per member name. */
async function caseloadOf(page: Page): Promise<Map<string, { open: number }>> {
  const rows = page.getByTestId("caseload-row");
  const result = new Map<string, { open: number }>();
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const name = ((await row.locator("th").textContent()) ?? "").trim();
    const open = Number(((await row.locator("td").first().textContent()) ?? "").replace(/,/g, ""));
    result.set(name, { open });
  }
  return result;
}

test.describe("visit tasks", () => {
  test("a secretary creates tasks for the households of a filter, seeing the count before confirming", async ({ page, login }) => {
    test.slow();
    await login("secretary");
    const projectUrl = await openProject(page);
    await page.goto(`${projectUrl}/households`);
    await expect(page.getByRole("heading", { name: "房屋列表" })).toBeVisible();
    await page.getByLabel("签约小组", { exact: true }).selectOption({ label: "签约五组" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/group=/);
    await settle(page);

    const bulk = page.getByTestId("bulk-tasks");
    await bulk.getByText("为这些房屋创建走访任务").click();
    await bulk.getByLabel("任务类型").selectOption({ label: "政策宣讲" });
    await bulk.getByLabel("执行人").selectOption({ index: 1 });
    await bulk.getByRole("button", { name: "计算任务数" }).click();

    const preview = page.getByTestId("bulk-tasks-preview");
    await expect(preview).toContainText("将创建");
    const willCreate = Number(/将创建\s*(\d+)\s*个任务/.exec((await preview.textContent()) ?? "")?.[1]);
    expect(willCreate).toBeGreaterThan(0);

    await bulk.getByRole("button", { name: `确认创建 ${willCreate} 个任务` }).click();
    await expect(page.getByTestId("bulk-tasks-done")).toContainText(`已创建 ${willCreate} 个任务`);

    // Counted again, every household of the filter now has such a task.
    await bulk.getByRole("button", { name: "计算任务数" }).click();
    await expect(page.getByTestId("bulk-tasks-preview")).toContainText("将创建 0 个任务");
    await expect(page.getByTestId("bulk-tasks-preview")).toContainText(`跳过 ${willCreate} 户`);
  });

  test("a group leader reassigns all open tasks of a member to another member, on a phone", async ({ page, login, axe }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await login("groupLeader");
    const projectUrl = await openProject(page);
    await page.goto(`${projectUrl}/tasks`);
    await expect(page.getByRole("heading", { name: "走访任务", level: 1 })).toBeVisible();
    await axe();

    const before = await caseloadOf(page);
    // Not the demo member: other browser tests sign in as 陈晓燕 and open her tasks.
    const member = DEMO_ACCOUNTS.member.name;
    const from = [...before.entries()].find(
      ([name, load]) => name !== member && name !== DEMO_ACCOUNTS.groupLeader.name && load.open > 0,
    )?.[0];
    expect(from).toBeDefined();
    const open = before.get(from!)!.open;
    const to = [...before.keys()].find((name) => name !== from && name !== member && name !== DEMO_ACCOUNTS.groupLeader.name)!;
    const toOpen = before.get(to)!.open;
    // One of the member's tasks, to look at its history afterwards.
    await page.getByRole("link", { name: `查看 ${from!} 的任务` }).click();
    await page.waitForURL(/assignee=/);
    await settle(page);
    // An open one: the member's list also holds the tasks their visits have closed.
    const openRow = page
      .getByTestId("task-row")
      .filter({ has: page.getByRole("cell", { name: from!, exact: true }) })
      .filter({ has: page.getByRole("cell", { name: /^(待办|进行中)$/ }) });
    const taskHref = (await openRow.first().locator("th a").getAttribute("href"))!;
    await page.goto(`${projectUrl}/tasks`);
    await settle(page);

    const form = page.getByTestId("reassign-person");
    await form.getByLabel("原执行人").selectOption({ label: from! });
    await form.getByLabel("新执行人").selectOption({ label: to });
    await form.getByLabel("原因（选填）").fill("组员调岗");
    await form.getByRole("button", { name: "全部改派" }).click();
    await expect(page.getByTestId("reassign-person-success")).toContainText(`已将 ${open} 个任务改派给${to}`);

    await page.reload();
    await settle(page);
    const after = await caseloadOf(page);
    expect(after.get(from!)!.open).toBe(0);
    expect(after.get(to)!.open).toBe(toOpen + open);

    // The history shows on a task that moved: from, to, by whom, why.
    await page.goto(taskHref);
    await settle(page);
    await expect(page.getByTestId("task-assignee")).toHaveText(to);
    const entry = page.getByTestId("task-history-entry").last();
    await expect(entry).toContainText(`${from} → ${to}`);
    await expect(entry).toContainText(DEMO_ACCOUNTS.groupLeader.name);
    await expect(entry).toContainText("组员调岗");
  });
});
