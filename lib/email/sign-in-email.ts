// The sign-in email: plain, readable, one link, in the store's own name (MAIL_FROM's display name).
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function signInEmail(url: string, storeName: string) {
  const subject = `Your sign-in link for ${storeName}`;
  const text = `Sign in to ${storeName}:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1c1917">
<p>Sign in to ${escapeHtml(storeName)}:</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;background:#047857;color:#fff;border-radius:8px;text-decoration:none">Sign in</a></p>
<p style="color:#57534e;font-size:14px">The link works once and expires in 24 hours. If you did not ask for it, ignore this email.</p>
</body></html>`;
  return { subject, text, html };
}
