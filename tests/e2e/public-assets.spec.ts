import { expect, test } from "./fixtures";

// What the portal serves from public/: icons, the web app manifest (add to a phone's home screen)
// and robots.txt, and the pages' head pointing at them.
test.describe("public assets", () => {
  test("the manifest names the portal and every icon it lists is served", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; type: string }[];
    };
    expect(manifest.name).toContain("连心");
    expect(manifest.start_url).toBe("/");
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of manifest.icons) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toContain(icon.type);
    }
  });

  test("robots.txt keeps crawlers out of the workspace and staff pages are marked noindex", async ({ request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const body = await robots.text();
    for (const path of ["/projects", "/overview", "/my-household", "/api/"]) expect(body).toContain(`Disallow: ${path}`);
    const projects = await request.get("/projects", { maxRedirects: 0 });
    expect(projects.headers()["x-robots-tag"]).toContain("noindex");
    expect((await request.get("/favicon.ico")).status()).toBe(200);
  });

  test("@phone the login page links the manifest, the icons and a theme colour", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#b91c1c");
  });
});
