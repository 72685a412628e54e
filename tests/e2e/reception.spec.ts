import { expect, settle, test } from "./fixtures.ts";

// Reception booking (房屋征收接待) through the real screens: on a phone, the demo resident books a
// slot and cancels it (the demo household comes with a booking, which is cancelled first, and the
// test leaves one booked as it found it); the secretary adds a slot on the project's reception page.

test.describe("reception booking", () => {
  test("a resident books a reception slot and cancels it on a phone @phone", async ({ page, login, axe }) => {
    await login("resident");
    await page.getByTestId("reception-link").click();
    await expect(page).toHaveURL(/\/my-household\/reception$/);
    await settle(page);
    const booking = page.getByTestId("my-booking");
    await expect(booking.getByRole("heading", { name: "我的预约" })).toBeVisible();
    await axe();

    // Whatever an earlier run left: start without a booking.
    if ((await booking.getByTestId("my-booking-when").count()) > 0) {
      await booking.getByRole("button", { name: "取消预约" }).click();
      await expect(page.getByTestId("cancel-booking-success")).toHaveText("预约已取消。");
    }
    await expect(page.getByTestId("no-booking")).toBeVisible();

    // Book the first open slot: its time becomes the booking's.
    // The first slot with a seat left (a full one has no button).
    const bookable = () =>
      page
        .getByTestId("open-slot")
        .getByRole("button", { name: /^预约 / })
        .first();
    const button = bookable();
    const time = (await button.textContent())!.replace("预约 ", "");
    const box = await button.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(page.getByTestId("reception-success")).toHaveText("预约成功。");
    await expect(booking.getByTestId("my-booking-when")).toContainText(time);
    // With a booking, the other slots offer to move it there.
    await expect(
      page
        .getByTestId("open-slot")
        .first()
        .getByRole("button", { name: /^改到 / }),
    ).toBeVisible();
    await axe();

    await booking.getByRole("button", { name: "取消预约" }).click();
    await expect(page.getByTestId("cancel-booking-success")).toHaveText("预约已取消。");
    await expect(page.getByTestId("no-booking")).toBeVisible();
    await expect(
      page
        .getByTestId("open-slot")
        .first()
        .getByRole("button", { name: /^预约 / }),
    ).toBeVisible();

    // Leave the household booked, as the demo data has it.
    await page
      .getByTestId("open-slot")
      .first()
      .getByRole("button", { name: /^预约 / })
      .click();
    await expect(page.getByTestId("reception-success")).toHaveText("预约成功。");
    await expect(booking.getByTestId("my-booking-when")).toBeVisible();
  });

  test("the secretary adds a slot and sees the week's slots with seats taken", async ({ page, login, axe }) => {
    await login("secretary");
    await page.getByTestId("project-row-HP-BXL").getByRole("link").click();
    await page.getByRole("link", { name: "接待预约", exact: true }).click();
    await expect(page).toHaveURL(/\/reception$/);
    await settle(page);
    await expect(page.getByRole("heading", { name: "房屋征收接待", level: 1 })).toBeVisible();
    // The demo generator fills this week with slots, some booked.
    await expect(page.getByTestId("reception-slot-seats").first()).toContainText("已约");
    await axe();

    await page.getByText("新增一个时段").click();
    const form = page.getByTestId("reception-create-slot");
    await form.getByLabel("接待室").fill("浏览器测试接待室");
    await form.getByLabel("开始时间").fill("19:00");
    await form.getByLabel("结束时间").fill("19:30");
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
    await form.getByLabel("日期").fill(tomorrow);
    await form.getByRole("button", { name: "新增时段" }).click();
    await expect(page.getByTestId("reception-create-slot-success")).toHaveText("已新增时段。");
    // The same room and time again overlaps.
    await form.getByLabel("接待室").fill("浏览器测试接待室");
    await form.getByLabel("开始时间").fill("19:00");
    await form.getByLabel("结束时间").fill("19:30");
    await form.getByLabel("日期").fill(tomorrow);
    await form.getByRole("button", { name: "新增时段" }).click();
    await expect(form.getByText("该接待室在这段时间已有接待时段。")).toBeVisible();
  });
});
