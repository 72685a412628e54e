// Launch day on the fast-entry screen (/projects/[id]/signing) and the household page's signing
// panel, through the real UI on the demo's 宝兴里 project (HP-BXL, signing under way). The group
// leader 张志强 leads 签约一组, whose households are the first few hundred codes.
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, expect, test } from "./fixtures.ts";

/** A code from another signing group of HP-BXL (the last group owns the last buildings). */
const OTHER_GROUP_CODE = "BXL-2100";

async function projectPath(page: Page): Promise<string> {
  await page.goto("/projects");
  const href = await page.getByTestId("project-row-HP-BXL").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/projects\//);
  return href!;
}

async function lookUp(page: Page, code: string): Promise<void> {
  const input = page.getByLabel("房屋编号");
  await input.fill(code);
  await input.press("Enter");
  // The answer for this code: its card, or "not found" naming it.
  await expect(
    page
      .getByTestId("desk-household")
      .getByRole("heading", { name: `房屋 ${code}` })
      .or(page.getByTestId("desk-not-found").filter({ hasText: code })),
  ).toBeVisible();
}

/** The first household of the leader's group, from `from` on, that can be signed now; its card stays open. */
async function findSignable(page: Page, from: number, skip: string[] = []): Promise<string> {
  for (let i = from; i < from + 150; i++) {
    const code = `BXL-${String(i).padStart(4, "0")}`;
    if (skip.includes(code)) continue;
    await lookUp(page, code);
    if (await page.getByRole("button", { name: "确认签约" }).isVisible()) return code;
  }
  throw new Error(`no signable household from BXL-${from}`);
}

async function signIn(browser: Browser, role: "secretary" | "groupLeader"): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("手机号").fill(DEMO_ACCOUNTS[role].phone);
  await page.getByLabel("密码").fill(DEMO_ACCOUNTS[role].password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

const stamp = () => Date.now().toString(36).toUpperCase();

test.describe("signing fast entry", () => {
  test("a group leader signs households of their group with the keyboard only", async ({ page, login, axe }) => {
    await login("groupLeader");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    await expect(page.getByRole("heading", { name: "签约快速录入" })).toBeVisible();
    await expect(page.getByLabel("房屋编号")).toBeFocused();
    await axe();

    const code = await findSignable(page, 120);
    await expect(page.getByTestId("desk-head")).not.toBeEmpty();
    await expect(page.getByTestId("desk-address")).not.toBeEmpty();
    // Straight to the agreement number; the channel is preselected (on site).
    await expect(page.locator("#desk-agreementNumber")).toBeFocused();
    await expect(page.getByLabel("现场签约")).toBeChecked();
    await axe();
    const number = `E2E-${stamp()}-1`;
    await page.keyboard.type(number);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("desk-success")).toHaveText(`${code} 已签约，协议编号 ${number}。`);
    // Ready for the next household at once.
    await expect(page.getByLabel("房屋编号")).toBeFocused();
    await expect(page.getByLabel("房屋编号")).toHaveValue("");
    await expect(page.getByTestId("desk-recent")).toContainText(code);
    await expect(page.getByTestId("desk-recent")).toContainText(number);

    // A second one, by home visit, chosen from the keyboard (arrow keys in the channel group).
    const second = await findSignable(page, 121, [code]);
    await page.locator("#desk-agreementNumber").fill(`E2E-${stamp()}-2`);
    await page.getByLabel("现场签约").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByLabel("上门签约")).toBeChecked();
    await page.getByRole("button", { name: "确认签约" }).click();
    await expect(page.getByTestId("desk-success")).toContainText(`${second} 已签约`);
    await expect(page.getByTestId("desk-recent")).toContainText("上门签约");

    // Looking it up again: already signed, no form.
    await lookUp(page, second);
    await expect(page.getByTestId("desk-refusal")).toContainText("该户已于");
    await expect(page.getByRole("button", { name: "确认签约" })).toHaveCount(0);
  });

  test("an unknown code and another group's household are 'not found'", async ({ page, login, axe }) => {
    await login("groupLeader");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    await lookUp(page, "NOPE-0001");
    await expect(page.getByTestId("desk-not-found")).toHaveText("未找到房屋编号 NOPE-0001，或该户不在您负责的范围内。");
    await lookUp(page, OTHER_GROUP_CODE);
    await expect(page.getByTestId("desk-not-found")).toContainText(OTHER_GROUP_CODE);
    await expect(page.getByTestId("desk-household")).toHaveCount(0);
    await axe();
  });

  test("two people confirming the same household: the second hears 'already signed'", async ({ browser }) => {
    const leader = await signIn(browser, "groupLeader");
    const secretary = await signIn(browser, "secretary");
    const base = await projectPath(leader);
    await leader.goto(`${base}/signing`);
    await secretary.goto(`${base}/signing`);
    const code = await findSignable(leader, 140);
    await lookUp(secretary, code);
    await expect(secretary.getByRole("button", { name: "确认签约" })).toBeVisible();

    await leader.locator("#desk-agreementNumber").fill(`E2E-${stamp()}-L`);
    await leader.getByRole("button", { name: "确认签约" }).click();
    await expect(leader.getByTestId("desk-success")).toContainText(`${code} 已签约`);

    await secretary.locator("#desk-agreementNumber").fill(`E2E-${stamp()}-S`);
    await secretary.getByRole("button", { name: "确认签约" }).click();
    await expect(secretary.getByTestId("desk-error")).toHaveText("该户已签约。");
    await leader.context().close();
    await secretary.context().close();
  });

  test("a used agreement number is refused beside the field", async ({ page, login }) => {
    await login("groupLeader");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    const code = await findSignable(page, 160);
    const number = `E2E-${stamp()}-DUP`;
    await page.locator("#desk-agreementNumber").fill(number);
    await page.getByRole("button", { name: "确认签约" }).click();
    await expect(page.getByTestId("desk-success")).toContainText(code);
    await findSignable(page, 161, [code]);
    await page.locator("#desk-agreementNumber").fill(number.toLowerCase());
    await page.getByRole("button", { name: "确认签约" }).click();
    await expect(page.locator("#desk-agreementNumber-error")).toHaveText("该协议编号已在本项目中使用，请核对后重新输入。");
    await expect(page.locator("#desk-agreementNumber")).toHaveAttribute("aria-invalid", "true");
  });

  test("a leader signs on a phone with one thumb @phone", async ({ page, login, axe }) => {
    await login("groupLeader");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    const code = await findSignable(page, 180);
    await page.getByRole("radio", { name: "远程视频签约" }).click();
    await expect(page.getByLabel("远程视频签约")).toBeChecked();
    await page.locator("#desk-agreementNumber").fill(`E2E-${stamp()}-P`);
    const confirm = page.getByRole("button", { name: "确认签约" });
    const box = (await confirm.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await axe();
    await confirm.click();
    await expect(page.getByTestId("desk-success")).toContainText(`${code} 已签约`);
    await expect(page.getByTestId("desk-recent")).toContainText("远程视频签约");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test("another project's screen is not found, and a district official records nothing", async ({ page, browser, login }) => {
    const official = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const officialPage = await official.newPage();
    await officialPage.goto("/login");
    await officialPage.getByLabel("手机号").fill(DEMO_ACCOUNTS.districtOfficial.phone);
    await officialPage.getByLabel("密码").fill(DEMO_ACCOUNTS.districtOfficial.password);
    await officialPage.getByRole("button", { name: "登录", exact: true }).click();
    const shenzhen = await officialPage.getByTestId("project-row-LH-QSH").getByRole("link").first().getAttribute("href");
    await officialPage.goto(`${shenzhen}/signing`);
    await expect(officialPage.getByTestId("desk-forbidden")).toBeVisible();
    await expect(officialPage.getByLabel("房屋编号")).toHaveCount(0);
    await official.close();

    await login("groupLeader");
    const response = await page.goto(`${shenzhen}/signing`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });

  test("a member cannot reach the screen's actions", async ({ page, login, axe }) => {
    await login("member");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    await expect(page.getByTestId("desk-forbidden")).toBeVisible();
    await expect(page.getByLabel("房屋编号")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "确认签约" })).toHaveCount(0);
    await axe();
  });
});

test.describe("signing panel on the household page", () => {
  test("the secretary undoes a signing with a reason, and the timeline keeps both events", async ({ page, login, axe }) => {
    await login("secretary");
    const base = await projectPath(page);
    await page.goto(`${base}/signing`);
    const code = await findSignable(page, 200);
    const number = `E2E-${stamp()}-U`;
    await page.locator("#desk-agreementNumber").fill(number);
    await page.getByRole("button", { name: "确认签约" }).click();
    await expect(page.getByTestId("desk-success")).toContainText(code);

    // Open its household page from the desk.
    await lookUp(page, code);
    await page.getByRole("link", { name: "打开房屋详情" }).click();
    await expect(page.getByTestId("household-code")).toHaveText(code);
    const panel = page.getByTestId("signing-panel");
    await expect(panel.getByTestId("panel-state")).toHaveText("已签约");
    await expect(panel.getByTestId("panel-signing")).toContainText(number);
    await axe();

    await panel.getByText("撤销记录").click();
    await panel.getByLabel("撤销原因").fill("协议编号录错，重新核对");
    await panel.getByRole("button", { name: "确认撤销" }).click();
    await expect(panel.getByTestId("signing-panel-success")).toHaveText(`已撤销 ${code} 的签约记录。`);
    await expect(panel.getByTestId("panel-signing")).toHaveText("未签约");

    const timeline = page.getByTestId("household-timeline");
    await expect(timeline.locator('[data-action="undo:signing"]')).toContainText("协议编号录错，重新核对");
    await expect(timeline.locator('[data-action="record:signing"]').first()).toBeVisible();
    await axe();

    // The household can be signed again from the panel.
    await panel.locator("#panel-agreementNumber").fill(`${number}-2`);
    await panel.getByRole("button", { name: "确认签约" }).click();
    await expect(panel.getByTestId("signing-panel-success")).toContainText(`${code} 已签约`);
    await expect(panel.getByTestId("panel-state")).toHaveText("已签约");
  });

  test("a member sees the workflow but no actions", async ({ page, login }) => {
    await login("member");
    const base = await projectPath(page);
    await page.goto(`${base}/households`);
    const firstHousehold = page.locator(`a[href^="${base}/households/"]`).first();
    await firstHousehold.click();
    const panel = page.getByTestId("signing-panel");
    await expect(panel).toContainText("您可以查看该户的签约流程，但不能记录。");
    await expect(panel.getByRole("button")).toHaveCount(0);
  });
});
