// Draws each demo product's picture as an SVG in public/products (committed, so nothing is
// fetched at run time). Run again after changing db/seed-data.ts: npx tsx scripts/generate-product-images.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoProducts } from "../db/seed-data";

const palettes: Record<string, [string, string, string]> = {
  coffee: ["#3f2a1d", "#7c4a2d", "#f4d9b8"],
  tea: ["#1f4d3a", "#4d8b5f", "#e5f3d6"],
  pastries: ["#9a4b12", "#e1a45a", "#fff1d6"],
  brewing: ["#24323f", "#5b7083", "#e3ebf2"],
  mugs: ["#5b2b4a", "#b0679a", "#fbe4f2"],
  gifts: ["#7a1f2b", "#d1495b", "#ffe3e3"],
};

const shapes: Record<string, (fg: string, light: string) => string> = {
  coffee: (fg, light) =>
    `<path d="M150 80h100l15 40v130a15 15 0 0 1-15 15H150a15 15 0 0 1-15-15V120z" fill="${light}"/>
     <path d="M135 120h130" stroke="${fg}" stroke-width="6"/>
     <ellipse cx="200" cy="190" rx="26" ry="36" fill="${fg}"/><path d="M200 156c-10 22 10 46 0 68" stroke="${light}" stroke-width="5" fill="none"/>`,
  tea: (fg, light) =>
    `<path d="M120 140h140v50a70 70 0 0 1-140 0z" fill="${light}"/><path d="M260 155h20a22 22 0 0 1 0 44h-24" stroke="${light}" stroke-width="12" fill="none"/>
     <path d="M175 95c20-30 50-10 30 20" stroke="${light}" stroke-width="6" fill="none"/><ellipse cx="190" cy="140" rx="70" ry="10" fill="${fg}"/>`,
  pastries: (fg, light) =>
    `<path d="M110 210c20-90 160-90 180 0z" fill="${light}"/><path d="M150 205c5-40 20-60 50-70M250 205c-5-40-20-60-50-70M200 135v72" stroke="${fg}" stroke-width="6" fill="none"/>`,
  brewing: (fg, light) =>
    `<path d="M140 110h120l-40 70h-40z" fill="${light}"/><rect x="150" y="185" width="100" height="70" rx="10" fill="${light}"/>
     <path d="M170 205h60" stroke="${fg}" stroke-width="6"/>`,
  mugs: (fg, light) =>
    `<rect x="130" y="110" width="120" height="140" rx="18" fill="${light}"/><path d="M250 140h18a30 30 0 0 1 0 60h-18" stroke="${light}" stroke-width="14" fill="none"/>
     <path d="M160 150h60" stroke="${fg}" stroke-width="6"/>`,
  gifts: (fg, light) =>
    `<rect x="120" y="135" width="160" height="115" rx="8" fill="${light}"/><rect x="110" y="115" width="180" height="32" rx="6" fill="${light}"/>
     <path d="M200 115v135" stroke="${fg}" stroke-width="14"/><path d="M200 115c-30-40-60-10-35 0M200 115c30-40 60-10 35 0" stroke="${light}" stroke-width="8" fill="none"/>`,
};

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const out = path.join(process.cwd(), "public", "products");
mkdirSync(out, { recursive: true });

for (const [i, p] of demoProducts.entries()) {
  const [dark, mid, light] = palettes[p.category];
  const angle = (i * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" role="img" aria-label="${escapeXml(p.name)}">
  <defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
  <rect width="400" height="300" fill="url(#g)"/>
  <circle cx="${60 + ((i * 37) % 280)}" cy="${40 + ((i * 23) % 60)}" r="70" fill="${light}" opacity=".08"/>
  ${shapes[p.category](dark, light)}
  <text x="200" y="288" text-anchor="middle" font-family="Georgia, serif" font-size="18" fill="${light}">${escapeXml(p.name)}</text>
</svg>
`;
  writeFileSync(path.join(out, `${p.slug}.svg`), svg);
}
console.log(`wrote ${demoProducts.length} images to ${path.relative(process.cwd(), out)}`);
