import { expect, expectAccessible, loginAs, settle, test } from "./fixtures.ts";

// Notices in the demo project HP-BXL (marked public): the secretary drafts a notice, attaches a
// PDF (a file not what its name says is refused), previews it and publishes it; it appears with
// its PDF on the project's public page for someone not signed in, and on the resident's home as
// unread until they open it. Each run (desktop, phone) writes its own notice.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

test.describe("notices", () => {
  test("a secretary publishes a notice; the public page and the resident's home show it @phone", async ({ page, browser, login, axe }) => {
    test.slow();
    const title = `搬迁奖励期限提示 ${Date.now().toString(36)}`;
    await login("secretary");
    await page.goto("/projects");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/notices`);
    await expect(page.getByRole("heading", { name: "公告公示", level: 1 })).toBeVisible();
    await axe();

    const form = page.getByTestId("new-notice");
    await form.getByLabel("类别").selectOption({ label: "公告" });
    await form.getByLabel("标题").fill(title);
    await form.getByLabel("正文").fill("请于签约期内完成签约。\n详情请到现场接待室咨询。");
    await form.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByTestId("new-notice-success")).toHaveText("草稿已保存。");

    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("notice-detail-status")).toHaveText("草稿");
    await expect(page.getByTestId("notice-article")).toContainText("详情请到现场接待室咨询。");
    const upload = page.getByTestId("attachment-upload");
    await upload.getByLabel("选择文件").setInputFiles({ name: "房源图.png", mimeType: "image/png", buffer: PDF });
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(page.getByTestId("attachment-upload-error")).toContainText("文件内容和文件名不符");
    await upload.getByLabel("选择文件").setInputFiles({ name: "签约奖励说明.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(page.getByTestId("attachment-upload-success")).toHaveText("已上传 签约奖励说明.pdf。");
    await expect(page.getByTestId("notice-attachments")).toContainText("签约奖励说明.pdf");
    await axe();
    const publish = page.getByTestId("publish-notice");
    await expect(publish.getByRole("radio", { name: "立即发布" })).toBeChecked();
    await publish.getByRole("button", { name: "发布" }).click();
    await expect(page.getByTestId("notice-move-success")).toHaveText("公告已发布。");
    await expect(page.getByTestId("notice-detail-status")).toHaveText("已发布");

    // Anyone, not signed in.
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto("/public/HP-BXL");
    await settle(publicPage);
    await expect(publicPage.getByRole("heading", { name: "宝兴里旧区改造项目", level: 1 })).toBeVisible();
    await expect(publicPage.getByTestId("headline-signing-rate")).toHaveText(/^\d+\.\d{2}%$/);
    await expectAccessible(publicPage);
    await publicPage.getByRole("link", { name: new RegExp(title) }).click();
    await expect(publicPage.getByTestId("notice-article")).toContainText("请于签约期内完成签约。");
    const pdfLink = publicPage.getByTestId("notice-attachments").getByRole("link", { name: "签约奖励说明.pdf" });
    const download = await visitor.request.get((await pdfLink.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect((await download.body()).equals(PDF)).toBe(true);
    await visitor.close();

    // The resident of BXL-0001.
    const home = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const residentPage = await home.newPage();
    await loginAs(residentPage, "resident");
    await expect(residentPage).toHaveURL(/\/my-household$/);
    const entry = residentPage.getByTestId("notice-list").getByRole("link", { name: new RegExp(title) });
    await expect(entry.getByTestId("notice-unread")).toBeVisible();
    expect((await entry.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expectAccessible(residentPage);
    await entry.click();
    await expect(residentPage.getByTestId("notice-article")).toContainText(title);
    await residentPage.getByRole("link", { name: "返回我的房屋" }).click();
    await expect(
      residentPage
        .getByTestId("notice-list")
        .getByRole("link", { name: new RegExp(title) })
        .getByTestId("notice-unread"),
    ).toHaveCount(0);
    expect(await residentPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await home.close();
  });
});
