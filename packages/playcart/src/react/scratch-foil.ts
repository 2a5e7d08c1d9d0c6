// The scratch card's silver foil on a canvas: painted, scratched away, measured.

export const CARD_W = 320;
export const CARD_H = 180;
const BRUSH = 22;

const scatter = (i: number, salt: number) => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

export function paintFoil(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = CARD_W * ratio;
  canvas.height = CARD_H * ratio;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.globalCompositeOperation = "source-over";
  const silver = ctx.createLinearGradient(0, 0, CARD_W, CARD_H);
  silver.addColorStop(0, "#e7e5e4");
  silver.addColorStop(0.45, "#a8a29e");
  silver.addColorStop(0.55, "#d6d3d1");
  silver.addColorStop(1, "#78716c");
  ctx.fillStyle = silver;
  ctx.fillRect(0, 0, CARD_W, CARD_H);
  ctx.strokeStyle = "rgba(255,255,255,0.18)";
  ctx.lineWidth = 10;
  for (let x = -CARD_H; x < CARD_W; x += 28) {
    ctx.beginPath();
    ctx.moveTo(x, CARD_H);
    ctx.lineTo(x + CARD_H, 0);
    ctx.stroke();
  }
  ctx.fillStyle = "rgba(255,255,255,0.75)";
  for (let i = 0; i < 60; i++) ctx.fillRect(scatter(i, 1) * CARD_W, scatter(i, 2) * CARD_H, 2, 2);
  ctx.fillStyle = "#44403c";
  ctx.font = "800 22px ui-sans-serif, system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText("Scratch here", CARD_W / 2, CARD_H / 2 - 6);
  ctx.font = "500 13px ui-sans-serif, system-ui, sans-serif";
  ctx.fillText("or press Reveal", CARD_W / 2, CARD_H / 2 + 18);
  return ctx;
}

/** Clears the foil along a stroke from `from` to `to` (card coordinates). */
export function scratch(ctx: CanvasRenderingContext2D, from: [number, number], to: [number, number]) {
  ctx.globalCompositeOperation = "destination-out";
  // Opaque ink: destination-out removes as much foil as the stroke's alpha.
  ctx.strokeStyle = "#000";
  ctx.lineWidth = BRUSH * 2;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(...from);
  ctx.lineTo(...to);
  ctx.stroke();
}

/** The share of the foil scratched off, sampled on a coarse grid. */
export function clearedShare(ctx: CanvasRenderingContext2D): number {
  const { width, height } = ctx.canvas;
  const data = ctx.getImageData(0, 0, width, height).data;
  let clear = 0;
  let seen = 0;
  const step = 8;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      seen++;
      if (data[(y * width + x) * 4 + 3] === 0) clear++;
    }
  }
  return seen ? clear / seen : 0;
}
