import ExcelJS from "exceljs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, test } from "./fixtures.ts";

// The household list and household page of the demo project HP-BXL, as the roles that use them.
// Data-changing steps touch groups other than 签约一组, whose households the group leader and
// member tests look at.

async function openHouseholdList(page: Page): Promise<string> {
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  const url = `${page.url()}/households`;
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "房屋列表" })).toBeVisible();
  return url;
}

/** "共 2,119 户，显示第 1–50 户" → 2119 */
async function totalOf(page: Page): Promise<number> {
  const text = (await page.getByTestId("household-summary").textContent()) ?? "";
  return Number(/共\s*([\d,]+)\s*户/.exec(text)?.[1]?.replace(/,/g, "") ?? NaN);
}

async function signIn(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(DEMO_ACCOUNTS.secretary.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

/** The address of a household of another group than 签约一组, read as the secretary. */
async function householdOutsideGroupOne(browser: Browser, group = "签约五组"): Promise<string> {
  const page = await signIn(browser, DEMO_ACCOUNTS.secretary.phone);
  await openHouseholdList(page);
  await page.getByLabel("签约小组", { exact: true }).selectOption({ label: group });
  await page.getByRole("button", { name: "筛选", exact: true }).click();
  await expect(page).toHaveURL(/group=/);
  const href = await page.getByTestId("household-table").locator("tbody tr th a").first().getAttribute("href");
  await page.context().close();
  return href!;
}

test.describe("households", () => {
  test("a secretary filters the list, shares the URL and opens a household", async ({ page, browser, login, axe }) => {
    test.slow();
    await login("secretary");
    const listUrl = await openHouseholdList(page);
    expect(await totalOf(page)).toBe(2119);
    await axe();

    await page.getByLabel("状态").selectOption({ label: "已签约" });
    await page.getByText("更多筛选条件与排序").click();
    await page.getByLabel("只看党员户").check();
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/state=SIGNED/);
    await expect(page).toHaveURL(/party=1/);
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(2119);
    for (const cell of await page.getByTestId("household-table").getByTestId("household-state").all()) {
      await expect(cell).toHaveText("已签约");
    }
    await expect(page.getByTestId("household-table").locator("tbody tr").first().locator("td").last()).toContainText("党员户");

    // The same URL in another session shows the same view.
    const shared = page.url();
    expect(shared.startsWith(listUrl)).toBe(true);
    const colleague = await signIn(browser, DEMO_ACCOUNTS.secretary.phone);
    await colleague.goto(shared);
    expect(await totalOf(colleague)).toBe(total);
    await expect(colleague.getByLabel("状态")).toHaveValue("SIGNED");
    await colleague.context().close();

    // Search in Chinese: part of a head of household's name.
    const head = (await page.getByTestId("household-table").locator("tbody tr").first().locator("td").nth(2).textContent())!.trim();
    await page.goto(`${listUrl}?q=${encodeURIComponent(head)}`);
    await expect(page.getByTestId("household-table").locator("tbody tr").first()).toContainText(head);

    // Nothing matches: the "no match" state with a way back.
    await page.goto(`${listUrl}?q=${encodeURIComponent("没有这样的人家")}`);
    await expect(page.getByTestId("household-no-match")).toBeVisible();
    await page.getByTestId("household-no-match").getByRole("link", { name: "清除全部筛选" }).click();
    await expect(page.getByTestId("household-table")).toBeVisible();

    // Sorting by a column header keeps the order in the URL.
    await page.getByRole("link", { name: /^状态/ }).click();
    await expect(page).toHaveURL(/sort=state/);
    await expect(page.getByRole("columnheader", { name: /状态/ })).toHaveAttribute("aria-sort", "ascending");

    // Row → household page.
    const code = (await page.getByTestId("household-table").locator("tbody tr th a").first().textContent())!.trim();
    await page.getByTestId("household-table").locator("tbody tr th a").first().click();
    await expect(page.getByTestId("household-code")).toHaveText(code);
    await expect(page.getByRole("heading", { name: "动态记录" })).toBeVisible();
    // ID numbers only masked.
    for (const id of await page.getByTestId("member-id-number").allTextContents()) expect(id).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    await axe();
  });

  test("a secretary edits a household; a stale second tab is refused", async ({ page, browser, login, axe }) => {
    const href = await householdOutsideGroupOne(browser, "签约六组");
    await login("secretary");
    await page.goto(href);
    const second = await page.context().newPage();
    await second.goto(href);

    await page.getByLabel("联系电话").fill("021-63281234");
    await page.getByLabel("困难", { exact: true }).check();
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByTestId("household-saved")).toHaveText("已保存。");
    // Saved in full, shown masked: the secretary has no open task for this household.
    await expect(page.getByTestId("household-phone")).toHaveText("021****1234");
    const latest = page.getByTestId("household-timeline").locator("li").first();
    await expect(latest).toContainText("修改房屋信息");
    await expect(latest).toContainText(DEMO_ACCOUNTS.secretary.name);
    await expect(latest).toContainText("联系电话");

    // The other tab still has the old version: refused, nothing merged.
    await second.getByLabel("户主").fill("第二个标签页");
    await second.getByRole("button", { name: "保存修改" }).click();
    await expect(second.getByTestId("household-edit-error")).toContainText("该记录已被他人修改");
    await second.getByRole("link", { name: "重新加载最新信息" }).click();
    await expect(second.getByTestId("household-phone")).toHaveText("021****1234");
    await expect(second.getByTestId("household-head")).not.toHaveText("第二个标签页");

    // Bad input: a field error beside the field, in Chinese.
    await page.getByLabel("建筑面积（平方米）").fill("12.345");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.locator("#edit-floorArea-error")).toHaveText("请输入面积，最多两位小数，例如 18.50。");
    await expect(page.getByLabel("建筑面积（平方米）")).toHaveAttribute("aria-invalid", "true");
    await axe();
    await second.close();
  });

  test("a secretary assigns ticked households to another group and exports the filtered list", async ({ page, login, axe }) => {
    test.slow();
    await login("secretary");
    await openHouseholdList(page);
    await page.getByLabel("签约小组", { exact: true }).selectOption({ label: "签约八组" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/group=/);
    const before = await totalOf(page);
    const rows = page.getByTestId("household-table").locator("tbody tr");
    const codes = [(await rows.nth(0).locator("th").textContent())!.trim(), (await rows.nth(1).locator("th").textContent())!.trim()];
    await page.getByLabel(`选择 ${codes[0]}`).check();
    await page.getByLabel(`选择 ${codes[1]}`).check();
    await expect(page.getByTestId("bulk-assign").getByText("列表中勾选的房屋（已选 2 户）")).toBeVisible();
    await page.getByLabel("目标签约小组").selectOption({ label: "签约七组" });
    await page.getByRole("button", { name: "分配", exact: true }).click();
    await expect(page.getByTestId("bulk-assign-done")).toHaveText("已将 2 户分配到签约七组；0 户原已在该组。");
    await expect.poll(() => totalOf(page)).toBe(before - 2);
    await expect(page.getByTestId(`household-row-${codes[0]}`)).toHaveCount(0);
    await axe();

    // Export what the list shows now.
    const downloading = page.waitForEvent("download");
    await page.getByTestId("household-export").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^HP-BXL-房屋列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("房屋编号");
    expect(sheet.actualRowCount).toBe(before - 2 + 1);
    const groups = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = row.values as unknown[];
      groups.add(String(values[values.length - 2]));
    });
    expect([...groups]).toEqual(["签约八组"]);
  });

  test("a group leader sees only the own group's households; another group's household is not found", async ({
    page,
    browser,
    login,
    axe,
  }) => {
    const href = await householdOutsideGroupOne(browser);
    await login("groupLeader");
    await openHouseholdList(page);
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(2119);
    for (const cell of await page.getByTestId("household-table").getByTestId("household-group").all()) {
      await expect(cell).toHaveText(DEMO_ACCOUNTS.groupLeader.groupName);
    }
    // Leaders do not assign households.
    await expect(page.getByTestId("bulk-assign")).toHaveCount(0);
    // A real 404, though the household list's loading state could stream first: another group's
    // household, an id that names none, and a malformed one.
    expect((await page.goto(href))?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await axe();
    const households = href.slice(0, href.lastIndexOf("/"));
    for (const id of ["00000000-0000-7000-8000-000000000000", "not-an-id"]) {
      expect((await page.goto(`${households}/${id}`))?.status()).toBe(404);
      await expect(page.getByTestId("not-found")).toBeVisible();
    }
  });

  test("a member sees only the households of own tasks, read-only", async ({ page, login, axe }) => {
    await login("member");
    await openHouseholdList(page);
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(268);
    await expect(page.getByTestId("household-export")).toHaveCount(0);
    await page.getByTestId("household-table").locator("tbody tr th a").first().click();
    await expect(page.getByTestId("household-code")).toBeVisible();
    await expect(page.getByTestId("household-edit")).toHaveCount(0);
    await axe();
  });

  test("a secretary finds and opens a household on a phone @phone", async ({ page, login, axe }) => {
    await login("secretary");
    const listUrl = await openHouseholdList(page);
    await page.goto(`${listUrl}?q=BXL-0002`);
    // Phones get cards, wider screens the table (this test runs in both projects).
    const isPhone = (page.viewportSize()?.width ?? 1280) < 768;
    const link = isPhone
      ? page.getByTestId("household-card-BXL-0002").getByRole("link")
      : page.getByTestId("household-row-BXL-0002").getByRole("link");
    await expect(link).toBeVisible();
    await expect(page.getByTestId(isPhone ? "household-table" : "household-cards")).toBeHidden();
    await axe();
    await link.click();
    await expect(page.getByTestId("household-code")).toHaveText("BXL-0002");
    await axe();
  });
});
