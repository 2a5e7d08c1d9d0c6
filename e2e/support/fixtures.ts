// Import `test` and `expect` from here in e2e specs. `mailbox` is the SMTP server the app
// sends to (SMTP_URL=smtp://127.0.0.1:2525); it runs once per worker, for every test.
import { test as base, expect } from "@playwright/test";
import { type Mailbox, startMailServer } from "./smtp";

export const test = base.extend<object, { mailbox: Mailbox }>({
  mailbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern; this one has none
    async ({}, use) => {
      const mailbox = await startMailServer({ port: Number(process.env.E2E_SMTP_PORT ?? 2525) });
      await use(mailbox);
      await mailbox.close();
    },
    { scope: "worker", auto: true },
  ],
});

export type { Mail, Mailbox } from "./smtp";
export { expect };
