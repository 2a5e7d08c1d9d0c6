// PNG copies of the demo's product images for email (public/products/email/*.png): Gmail and
// Outlook show no SVG. Run after adding or changing a product's SVG:
//   node scripts/email-product-images.mjs
// The PNGs are committed, so neither a build nor a fresh clone needs to render anything.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "public/products");
const target = path.join(source, "email");

// 128 px: the email shows 64 px, sharp on a 2x screen.
for (const file of readdirSync(source).filter((f) => f.endsWith(".svg"))) {
  const out = path.join(target, file.replace(/\.svg$/, ".png"));
  await sharp(path.join(source, file), { density: 300 })
    .resize(128, 128, { fit: "contain", background: "#ffffff" })
    .flatten({ background: "#ffffff" })
    .png({ compressionLevel: 9, palette: true })
    .toFile(out);
  console.log(path.relative(root, out));
}
