// The reminder preview: the server renders the real email once with these stand-ins for the
// owner's words, and the editor replaces them with the words as they are typed (escaped), so
// the preview is the email itself, not a look-alike.
export const PREVIEW_TOKENS = {
  subject: "PLAYCART-PREVIEW-SUBJECT",
  heading: "PLAYCART-PREVIEW-HEADING",
  body: "PLAYCART-PREVIEW-BODY",
} as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

export type PreviewWords = { heading: string; body: string[] };

export function previewHtml(template: string, words: PreviewWords, storeName: string): string {
  const fill = (s: string) => escapeHtml(s.replaceAll("{store}", storeName));
  const lines = words.body.length ? words.body : [""];
  return (
    template
      // Each body line is a paragraph of its own, like the one the template rendered.
      .replace(new RegExp(`<p([^>]*)>${PREVIEW_TOKENS.body}</p>`), (_, attrs: string) =>
        lines.map((l) => `<p${attrs}>${fill(l)}</p>`).join(""),
      )
      .replaceAll(PREVIEW_TOKENS.heading, fill(words.heading))
      // What is left is the inbox preview text (the first line).
      .replaceAll(PREVIEW_TOKENS.body, fill(lines[0]))
  );
}
