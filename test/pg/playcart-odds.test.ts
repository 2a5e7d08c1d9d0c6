// playcart/next's own odds page on a real Postgres: GET <base>/odds/<slug> shows a public
// game's prizes, chances and rules as HTML, escapes what the admin typed, and answers 404 for a
// game that does not exist or is still a draft.
import { randomUUID } from "node:crypto";
import { createPlaycart, type Playcart } from "playcart/next";
import type { campaigns, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

const BASE = "https://shop.example.test/api/playcart";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;

beforeAll(async () => {
  t = await createTestDatabase();
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    timeZone: "Europe/Berlin",
    currency: "usd",
    basePath: "/api/playcart",
    adapter: { shopper: () => null, cart: () => null, order: () => null },
  });
});
afterAll(() => t?.drop());

async function makeCampaign(
  overrides: Partial<typeof campaigns.$inferInsert>,
  table: Partial<typeof prizes.$inferInsert>[],
): Promise<string> {
  const slug = `odds-${randomUUID().slice(0, 8)}`;
  await insertLiveCampaign(t.db, { slug, ...overrides }, table);
  return slug;
}

const get = (path: string, init: RequestInit = {}) => playcart.handlers.GET(new Request(`${BASE}${path}`, init));

describe("GET odds/<slug>", () => {
  it("shows a live game's prizes with their chances and rules, as an HTML page", async () => {
    const slug = await makeCampaign({ name: "Summer wheel" }, [
      { label: "Ten percent off", weight: 1, rewardType: "percent_off", rewardValue: 10, maxDiscountMinor: 500 },
      { label: "Free shipping", weight: 3, rewardType: "free_shipping", rewardValue: 0, inventory: 50 },
    ]);
    const res = await get(`/odds/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("<h1>Summer wheel</h1>");
    expect(page).toContain("Open now.");
    expect(page).toContain("Chance per spin");
    expect(page).toMatch(
      /<th scope="row">Ten percent off<br><span class="note">10% off \(at most \$5\.00\)<\/span><\/th><td><strong>25%<\/strong> \(about 1 in 4\)<\/td>/,
    );
    expect(page).toMatch(
      /<th scope="row">Free shipping<br>.*?<td><strong>75%<\/strong>[^<]*<\/td><td>50 to be won in all<\/td>/,
    );
    expect(page).toContain("A prize comes off the order you are checking out");
    expect(page).toContain('<a href="/">Back to the shop</a>');
    expect(page).not.toContain("<script");
  });

  it("escapes the names the admin typed", async () => {
    const slug = await makeCampaign({ name: `Tom & Jerry's <b>wheel</b>` }, [
      { label: `<script>alert("x")</script>`, rewardType: "amount_off", rewardValue: 200 },
    ]);
    const page = await (await get(`/odds/${slug}`)).text();
    expect(page).toContain("Tom &#38; Jerry&#39;s &#60;b&#62;wheel&#60;/b&#62;");
    expect(page).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<b>wheel");
  });

  it("says a paused game is not running, and still shows its odds", async () => {
    const slug = await makeCampaign({ name: "Paused tree", gameType: "shake_tree", status: "paused" }, [
      { label: "Bonus points", rewardType: "bonus_points", rewardValue: 100 },
    ]);
    const res = await get(`/odds/${slug}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("This game is not running at the moment.");
    expect(page).toContain("Chance per shake");
    expect(page).toContain("<strong>100%</strong>");
  });

  it("answers a 404 page for an unknown, draft or malformed slug, and 405 for a POST", async () => {
    const draft = await makeCampaign({ name: "Secret draft", status: "draft" }, [{ label: "Hidden prize" }]);
    for (const path of ["/odds/no-such-game", `/odds/${draft}`, "/odds/Bad%20Slug", "/odds/%3Cscript%3E"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const page = await res.text();
      expect(page).toContain("There is no such game");
      expect(page).not.toContain("Hidden prize");
      expect(page).not.toContain("Secret draft");
    }
    expect((await get("/odds")).status).toBe(404);
    expect((await get(`/odds/${draft}/more`)).status).toBe(404);
    const post = await playcart.handlers.POST(new Request(`${BASE}/odds/no-such-game`, { method: "POST" }));
    expect(post.status).toBe(405);
  });
});
