import { expect, test } from "./fixtures.ts";

test.describe("login", () => {
  test("is in Chinese by default, switches to English, and is accessible in both", async ({ page, axe }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "登录连心" })).toBeVisible();
    await axe();
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Lianxin" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await axe();
    await page.getByRole("button", { name: /中文/ }).click();
    await expect(page.getByRole("heading", { name: "登录连心" })).toBeVisible();
  });

  test("the language switch keeps the browser on the address it came by (an IP, say)", async ({ page, baseURL }) => {
    const byIp = new URL(baseURL!);
    byIp.hostname = "127.0.0.1";
    await page.goto(`${byIp.origin}/login`);
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Lianxin" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(byIp.origin);
  });

  test("a wrong password and an unknown phone get the same message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("手机号").fill("13800000002");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("login-error")).toHaveText("账号或密码不正确，请重新输入。");

    await page.getByLabel("手机号").fill("13712345678");
    await page.getByLabel("密码").fill("whatever");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("login-error")).toHaveText("账号或密码不正确，请重新输入。");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown household code gets the same message as a wrong access code", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "居民" }).click();
    await page.getByLabel("房屋编号").fill("NOPE-9999");
    await page.getByLabel("查询码").fill("123456");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("login-error")).toHaveText("房屋编号或查询码不正确，请核对后重新输入。");
  });

  test("repeated failures slow down", async ({ page }) => {
    await page.goto("/login");
    const phone = "13911112222";
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("手机号").fill(phone);
      await page.getByLabel("密码").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(page.getByTestId("login-error")).toBeVisible();
    }
    await page.getByLabel("手机号").fill(phone);
    await page.getByLabel("密码").fill("wrong-again");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByTestId("login-error")).toContainText("尝试次数过多");
  });

  test("signed-out visitors of the workspace are sent to the login page", async ({ page }) => {
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/my-household");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("sessions", () => {
  test("sign out ends the session", async ({ page, login }) => {
    await login("secretary");
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect(page.getByTestId("login-notice")).toHaveText("您已安全退出。");
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an expired session asks to sign in again", async ({ page, context, login }) => {
    await login("groupLeader");
    // The browser drops the session cookie once its idle lifetime has passed.
    const cookies = await context.cookies();
    await context.clearCookies();
    await context.addCookies(cookies.filter((c) => !c.name.includes("next-auth.session-token")));
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("login-notice")).toHaveText("登录已过期，请重新登录。");
  });
});
