import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, settle, test } from "./fixtures.ts";

// Sessions and accounts as the people who meet them: a secretary whose session ends in the middle
// of an edit, a new member's first sign-in with a one-time password, a reset, the login form's
// answers, a district official's reset from the setup page. The demo accounts' passwords are
// never changed: the members reset here are made here.

/** What the browser does once the session cookie's idle lifetime has passed: it drops it. */
async function dropSession(context: BrowserContext): Promise<void> {
  const cookies = await context.cookies();
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => !c.name.includes("next-auth.session-token")));
}

async function signInWith(page: Page, phone: string, password: string): Promise<void> {
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** axe on a page of another browser context than the fixture's. */
async function expectAccessible(page: Page): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function openSetup(page: Page): Promise<void> {
  await page.goto("/projects");
  await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/setup`);
  await expect(page.getByRole("heading", { name: "工作小组" })).toBeVisible();
}

test.describe("an ended session", () => {
  test("a secretary's edit keeps what was typed, says to sign in again, and comes back to the form", async ({ page, context, login }) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/households`);
    await page.getByTestId("household-table").locator("tbody tr th a").first().click();
    await expect(page.getByTestId("household-edit")).toBeVisible();
    await settle(page);
    const householdUrl = new URL(page.url()).pathname;

    await dropSession(context);
    await page.getByLabel("联系电话").fill("021-55550000");
    await page.getByLabel("户主").fill("过期后填写的户主");
    await page.getByRole("button", { name: "保存修改" }).click();

    await expect(page.getByTestId("household-edit-error")).toContainText("登录已过期，请重新登录");
    // Not the error page, and nothing typed is lost.
    await expect(page.getByText("系统出错")).toHaveCount(0);
    await expect(page.getByLabel("联系电话")).toHaveValue("021-55550000");
    await expect(page.getByLabel("户主")).toHaveValue("过期后填写的户主");

    await page.getByTestId("session-expired-sign-in").click();
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByTestId("login-notice")).toHaveText("登录已过期，请重新登录。");
    await signInWith(page, DEMO_ACCOUNTS.secretary.phone, DEMO_ACCOUNTS.secretary.password);
    await expect(page).toHaveURL((url) => url.pathname === householdUrl);
    await expect(page.getByTestId("household-edit")).toBeVisible();
    // Nothing was saved while signed out.
    await expect(page.getByTestId("household-head")).not.toHaveText("过期后填写的户主");
  });
});

test.describe("one-time passwords", () => {
  test("a new member must change the one-time password at first sign-in; a reset ends their session", async ({
    page,
    browser,
    login,
    axe,
  }) => {
    test.slow();
    await login("secretary");
    await openSetup(page);
    const group = page.getByTestId("group-政策咨询解答小组");
    const phone = `139${String(Date.now()).slice(-8)}`;
    const name = `首登测试${phone.slice(-4)}`;
    await group.getByText("添加成员").click();
    await group.getByLabel("手机号").fill(phone);
    await group.getByLabel("姓名").fill(name);
    await group.getByRole("button", { name: "添加" }).click();
    const added = group.getByTestId("add-member-政策咨询解答小组-success");
    await expect(added).toContainText("初始密码");
    const oneTime = /初始密码：(\S+?)（/.exec((await added.textContent()) ?? "")?.[1];
    expect(oneTime).toBeTruthy();

    // The new member, in a browser of their own.
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await member.goto("/login");
    await signInWith(member, phone, oneTime!);
    await expect(member).toHaveURL(/\/account\/password$/);
    await expect(member.getByTestId("password-first-sign-in")).toBeVisible();
    // Every other page sends them back here until the password is changed.
    await member.goto("/projects");
    await expect(member).toHaveURL(/\/account\/password$/);
    await expectAccessible(member);
    await member.getByLabel("一次性密码").fill(oneTime!);
    await member.getByLabel("新密码", { exact: true }).fill("short1");
    await member.getByLabel("再次输入新密码").fill("short1");
    await member.getByRole("button", { name: "保存新密码" }).click();
    await expect(member.locator("#newPassword-error")).toHaveText("新密码至少 10 位。");
    await member.getByLabel("一次性密码").fill(oneTime!);
    await member.getByLabel("新密码", { exact: true }).fill("Xinmima2026");
    await member.getByLabel("再次输入新密码").fill("Xinmima2026");
    await member.getByRole("button", { name: "保存新密码" }).click();
    // Signed in again with the new password, and on to the portal as usual.
    await expect(member).toHaveURL(/\/projects$/);
    await expect(member.getByTestId("signed-in-as")).toContainText(name);

    // The secretary resets the member's password: a new one-time password, their session ends.
    await page.reload();
    const row = page.getByTestId("group-政策咨询解答小组").getByTestId(`member-${name}`);
    await row.locator("summary", { hasText: "重置密码" }).click();
    await row.getByRole("button", { name: "重置密码" }).click();
    const reset = row.getByTestId("reset-password-done");
    await expect(reset).toContainText("新的一次性密码");
    await axe();
    const second = /新的一次性密码：(\S+?)（/.exec((await reset.textContent()) ?? "")?.[1];
    expect(second).toBeTruthy();
    await member.goto("/projects");
    await expect(member).toHaveURL(/\/login/);
    await signInWith(member, phone, "Xinmima2026");
    await expect(member.getByTestId("login-error")).toHaveText("账号或密码不正确，请重新输入。");
    await signInWith(member, phone, second!);
    await expect(member).toHaveURL(/\/account\/password$/);
    await memberContext.close();
  });
});

test.describe("a reset by a district official", () => {
  test("the official resets a member from the project's setup page; the member's next sign-in must change the new one-time password", async ({
    page,
    browser,
    login,
  }) => {
    test.slow();
    // The secretary adds the member the official will reset.
    await login("secretary");
    await openSetup(page);
    const group = page.getByTestId("group-政策咨询解答小组");
    const phone = `137${String(Date.now()).slice(-8)}`;
    const name = `重置测试${phone.slice(-6)}`;
    await group.getByText("添加成员").click();
    await group.getByLabel("手机号").fill(phone);
    await group.getByLabel("姓名").fill(name);
    await group.getByRole("button", { name: "添加" }).click();
    const added = group.getByTestId("add-member-政策咨询解答小组-success");
    await expect(added).toContainText("初始密码");
    const first = /初始密码：(\S+?)（/.exec((await added.textContent()) ?? "")?.[1];
    expect(first).toBeTruthy();

    // The district official, in a browser of their own, on the same project's setup page.
    const officialContext = await browser.newContext();
    const official = await officialContext.newPage();
    await official.goto("/login");
    await signInWith(official, DEMO_ACCOUNTS.districtOfficial.phone, DEMO_ACCOUNTS.districtOfficial.password);
    await expect(official).not.toHaveURL(/\/login/);
    await official.goto("/projects");
    await official.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await official.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await official.getByRole("link", { name: "项目设置", exact: true }).click();
    await expect(official.getByRole("heading", { name: "成员账号" })).toBeVisible();
    // The official does not manage the groups: no group forms, only the people and the reset.
    await expect(official.getByRole("heading", { name: "工作小组", exact: true })).toHaveCount(0);
    const row = official.getByTestId(`staff-account-${name}`);
    await expect(row).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    await expect(row).not.toContainText(phone);
    await expect(row).toContainText("政策咨询解答小组 · 组员");
    await row.locator("summary", { hasText: "重置密码" }).click();
    await expect(row).toContainText(`重置 ${name} 的密码`);
    await row.getByRole("button", { name: "重置密码" }).click();
    const reset = row.getByTestId("reset-password-done");
    await expect(reset).toContainText("新的一次性密码");
    await expectAccessible(official);
    const second = /新的一次性密码：(\S+?)（/.exec((await reset.textContent()) ?? "")?.[1];
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    // The same section in English.
    await officialContext.addCookies([{ name: "lianxin-locale", value: "en", url: new URL(official.url()).origin }]);
    await official.reload();
    await expect(official.getByRole("heading", { name: "Staff accounts" })).toBeVisible();
    await expect(official.getByTestId(`staff-account-${name}`)).toContainText("Reset password");
    await officialContext.close();

    // The member: the first one-time password no longer works; the new one leads to the change.
    const memberContext = await browser.newContext();
    const member = await memberContext.newPage();
    await member.goto("/login");
    await signInWith(member, phone, first!);
    await expect(member.getByTestId("login-error")).toHaveText("账号或密码不正确，请重新输入。");
    await signInWith(member, phone, second!);
    await expect(member).toHaveURL(/\/account\/password$/);
    await expect(member.getByTestId("password-first-sign-in")).toBeVisible();
    await memberContext.close();
  });
});

test.describe("login answers", () => {
  test("an empty staff sign-in asks for the phone number and the password, in both languages", async ({ page, axe }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator("#phone-error")).toHaveText("请输入手机号。");
    await expect(page.locator("#password-error")).toHaveText("请输入密码。");
    await expect(page.getByTestId("login-error")).toHaveCount(0);
    await expect(page.getByLabel("手机号")).toBeFocused();
    await axe();
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Lianxin" })).toBeVisible();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("#phone-error")).toHaveText("Enter your phone number.");
    await expect(page.locator("#password-error")).toHaveText("Enter your password.");
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { name: "登录连心" })).toBeVisible();
  });

  test("a resident's wrong household code or access code gets the resident's wording", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "居民" }).click();
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.locator("#householdCode-error")).toHaveText("请输入房屋编号。");
    await expect(page.locator("#accessCode-error")).toHaveText("请输入查询码。");
    await page.getByLabel("房屋编号").fill("NOPE-0001");
    await page.getByLabel("查询码").fill("000000");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("login-error")).toHaveText("房屋编号或查询码不正确，请核对后重新输入。");
    await expect(page.getByTestId("login-error")).not.toContainText("账号或密码");
  });
});
