// The e2e mailbox must read what the app's mailer (nodemailer) actually sends.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Mailbox, startMailServer } from "../../e2e/support/smtp";

describe("e2e SMTP mailbox", () => {
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await startMailServer({ port: 0 });
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  it("receives and decodes a multipart message sent by nodemailer", async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${mailbox.port}`);
    const link = `https://store.test/verify?token=abc=123&x=${"y".repeat(90)}`;
    await transport.sendMail({
      from: "Playcart Demo Store <store@playcart.test>",
      to: "Ana.Ng@example.test",
      bcc: "audit@example.test",
      subject: "Your points: 1 200 — café ✓",
      text: `Hello Ana, confirm here: ${link}\nÜbermorgen läuft es ab.`,
      html: `<p>Hello Ana, <a href="${link}">confirm</a> – ünïcödé</p>`,
      headers: { "X-Playcart-Kind": "reminder" },
      attachments: [{ filename: "note.txt", content: "attached, not the body" }],
    });
    transport.close();

    const mail = await mailbox.waitForMail("ana.ng@example.test", (m) => m.subject.includes("points"), 5_000);
    expect(mail.subject).toBe("Your points: 1 200 — café ✓");
    expect(mail.to).toEqual(["ana.ng@example.test", "audit@example.test"]);
    expect(mail.from).toBe("store@playcart.test");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("Übermorgen läuft es ab.");
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain("ünïcödé");
    expect(mail.headers["x-playcart-kind"]).toBe("reminder");
    expect(mail.headers.bcc).toBeUndefined();
  });

  it("times out with what it did receive", async () => {
    await expect(mailbox.waitForMail("nobody@example.test", undefined, 200)).rejects.toThrow(/No mail to nobody/);
  });
});
