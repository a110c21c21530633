/**
 * The web app manifest's PNG icons (app/manifest.ts), made from app/icon.svg and committed in public/icons/:
 *   npx tsx scripts/make-icons.ts
 * Run it again when app/icon.svg changes. sharp comes with Next (its image optimiser); nothing else is needed.
 * The maskable icon fills the whole square with the background and keeps the letter inside the middle 80 %
 * (the safe zone a launcher may crop to a circle).
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const svg = fs.readFileSync(path.join(process.cwd(), "app", "icon.svg"), "utf8");
const out = path.join(process.cwd(), "public", "icons");
fs.mkdirSync(out, { recursive: true });

const text = /<text[\s\S]*<\/text>/.exec(svg)?.[0];
const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1];
if (!text || !background) throw new Error("app/icon.svg har inte den väntade formen (<rect fill> och <text>).");
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.75) translate(-16 -16)">${text}</g></svg>`;

async function render(source: string, size: number, file: string) {
  await sharp(Buffer.from(source), { density: (72 * size) / 32 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(out, file));
  console.log(`public/icons/${file} (${size}×${size})`);
}

void (async () => {
  await render(svg, 192, "icon-192.png");
  await render(svg, 512, "icon-512.png");
  await render(maskable, 512, "maskable-512.png");
})();
