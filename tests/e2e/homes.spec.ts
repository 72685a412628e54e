import { DEMO_ACCOUNTS, expect, test } from "./fixtures.ts";

test.describe("each role lands on its own home", () => {
  test("a district official sees every project with households, signed and signing rate", async ({ page, login, axe }) => {
    await login("districtOfficial");
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByRole("heading", { name: "全区项目" })).toBeVisible();
    for (const code of ["HP-BXL", "LH-QSH", "PD-HQ"]) {
      await expect(page.getByTestId(`project-row-${code}`)).toBeVisible();
    }
    // The cleared village project: everyone signed.
    await expect(page.getByTestId("project-row-PD-HQ").getByTestId("signing-rate")).toHaveText("100.00%");
    await axe();
  });

  test("a secretary sees only their projects and opens the summary", async ({ page, login, axe }) => {
    await login("secretary");
    await expect(page.getByRole("heading", { name: "我的项目" })).toBeVisible();
    await expect(page.getByTestId("project-row-HP-BXL")).toBeVisible();
    await expect(page.getByTestId("project-row-LH-QSH")).toHaveCount(0);
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await expect(page.getByTestId("figure-eligible")).toHaveText("2,119");
    await axe();
  });

  test("a project outside the secretary's scope is not found", async ({ page, browser, login, axe }) => {
    // The district official can see the Shenzhen project; read its address…
    const officialContext = await browser.newContext();
    const official = await officialContext.newPage();
    await official.goto("/login");
    await official.getByLabel("手机号").fill(DEMO_ACCOUNTS.districtOfficial.phone);
    await official.getByLabel("密码").fill(DEMO_ACCOUNTS.districtOfficial.password);
    await official.getByRole("button", { name: "登录", exact: true }).click();
    const href = await official.getByTestId("project-row-LH-QSH").getByRole("link").getAttribute("href");
    await officialContext.close();
    // …the Huangpu secretary gets "not found" for it.
    await login("secretary");
    expect((await page.goto(href!))?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await axe();
    // Pages with a loading state answer 404 too (the project layout decides before they stream).
    for (const section of ["dashboard", "households"]) {
      expect((await page.goto(`${href}/${section}`))?.status()).toBe(404);
      await expect(page.getByTestId("not-found")).toBeVisible();
    }
  });

  test("a resident sees their household's summary", async ({ page, login, axe }) => {
    await login("resident");
    await expect(page).toHaveURL(/\/my-household$/);
    await expect(page.getByTestId("household-code")).toHaveText(DEMO_ACCOUNTS.resident.householdCode);
    await axe();
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/my-household$/);
  });

  test("a secretary issues an access code and the resident signs in with it", async ({ page, browser, login }) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByLabel("房屋编号").fill("bxl-0002");
    await page.getByRole("button", { name: "生成查询码" }).click();
    const issued = page.getByTestId("access-code-success");
    await expect(issued).toContainText("BXL-0002");
    const code = /(\d{6})\s*$/.exec((await issued.textContent()) ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    await resident.goto("/login");
    await resident.getByRole("button", { name: "居民" }).click();
    await resident.getByLabel("房屋编号").fill("BXL-0002");
    await resident.getByLabel("查询码").fill(code!);
    await resident.getByRole("button", { name: "登录", exact: true }).click();
    await expect(resident.getByTestId("household-code")).toHaveText("BXL-0002");
    await residentContext.close();
  });

  test("issuing a code for a blank or unknown household says what is wrong", async ({ page, login }) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByLabel("房屋编号").fill("   ");
    await page.getByRole("button", { name: "生成查询码" }).click();
    await expect(page.locator("#householdCode-error")).toHaveText("请输入房屋编号，例如 BXL-0001。");
    await expect(page.getByLabel("房屋编号")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("房屋编号").fill("QSH-0001");
    await page.getByRole("button", { name: "生成查询码" }).click();
    await expect(page.getByTestId("access-code-error")).toHaveText("未找到该记录，或您无权查看。");
    await expect(page.getByLabel("房屋编号")).toHaveValue("QSH-0001");
  });
});

test.describe("on a phone", () => {
  test("a member sees their projects @phone", async ({ page, login, axe }) => {
    await login("member");
    // A member with open tasks lands on them; the projects are one tap away.
    await expect(page.getByRole("heading", { name: "我的任务", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "项目", exact: true }).click();
    await expect(page.getByRole("heading", { name: "我的项目" })).toBeVisible();
    await expect(page.getByTestId("project-row-HP-BXL")).toBeVisible();
    await axe();
  });
});
