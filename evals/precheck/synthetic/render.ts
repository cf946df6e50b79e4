import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { fontPath, textPdf } from '../../../src/agents/precheck/testing/text-pdf.js';
import type { SyntheticDocument } from './documents.js';
import type { Random } from './random.js';

/**
 * Renders synthetic documents: as PDF with a text layer ("typed"), or as a photographed/scanned page
 * image with realistic damage ("scanned"): slight rotation, phone-photo perspective (shear and
 * uneven scale), blur, low contrast, paper tint and sensor noise, saved as JPEG.
 */

let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  GlobalFonts.registerFromPath(fontPath('regular'), 'DejaVu Sans');
  GlobalFonts.registerFromPath(fontPath('bold'), 'DejaVu Sans Bold');
  fontsRegistered = true;
}

export interface Damage {
  rotationDegrees: number;
  blurPx: number;
  /** 0 = black ink, 0.6 = faint grey. */
  fade: number;
  noise: number;
  shear: number;
}

export function randomDamage(random: Random, level: 'light' | 'heavy'): Damage {
  const scale = level === 'heavy' ? 1 : 0.45;
  return {
    rotationDegrees: (random.next() * 2 - 1) * 3 * scale,
    blurPx: level === 'heavy' ? 3.5 + random.next() * 1.5 : random.next() * 0.6,
    fade: level === 'heavy' ? 0.68 + random.next() * 0.08 : random.next() * 0.25,
    noise: level === 'heavy' ? 90 + 40 * random.next() : 18 * random.next(),
    shear: (random.next() * 2 - 1) * 0.04 * scale,
  };
}

export async function renderPdf(document: SyntheticDocument): Promise<Uint8Array> {
  return textPdf(document.pages);
}

/** One page as a JPEG photo/scan. Cards are drawn at card size. */
export function renderImage(document: SyntheticDocument, page: number, damage: Damage, random: Random): Uint8Array {
  registerFonts();
  const card = document.card === true;
  const width = card ? 1100 : 1240;
  const lines = document.pages[page] ?? [];
  const lineHeight = card ? 46 : 40;
  const height = card ? Math.max(700, 80 + lines.length * lineHeight) : 1754;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const paper = 235 + Math.floor(random.next() * 20);
  context.fillStyle = `rgb(${paper},${paper - 4},${paper - 12})`;
  context.fillRect(0, 0, width, height);
  context.save();
  // phone photos: the page is a little turned and seen at an angle
  context.translate(width / 2, height / 2);
  context.rotate((damage.rotationDegrees * Math.PI) / 180);
  context.transform(1, damage.shear, -damage.shear / 2, 1 - Math.abs(damage.shear), 0, 0);
  context.translate(-width / 2, -height / 2);
  if (damage.blurPx > 0.05) context.filter = `blur(${damage.blurPx.toFixed(2)}px)`;
  const ink = Math.round(damage.fade * 200);
  context.fillStyle = `rgb(${ink},${ink},${ink + 10})`;
  let y = card ? 70 : 110;
  for (const line of lines) {
    const heading = line.startsWith('# ');
    const text = heading ? line.slice(2) : line;
    const size = card ? (heading ? 34 : 26) : heading ? 30 : 24;
    context.font = `${size}px ${heading ? '"DejaVu Sans Bold"' : '"DejaVu Sans"'}`;
    const measured = context.measureText(text).width;
    const x = heading ? Math.max(30, (width - measured) / 2) : card ? 40 : 100;
    context.fillText(text, x, y, width - x - 30);
    y += heading ? lineHeight + 8 : lineHeight;
  }
  context.restore();
  if (damage.noise > 1) {
    const image = context.getImageData(0, 0, width, height);
    const data = image.data;
    for (let index = 0; index < data.length; index += 4) {
      const delta = (random.next() - 0.5) * damage.noise;
      data[index] = clamp((data[index] ?? 0) + delta);
      data[index + 1] = clamp((data[index + 1] ?? 0) + delta);
      data[index + 2] = clamp((data[index + 2] ?? 0) + delta);
    }
    context.putImageData(image, 0, 0);
  }
  return new Uint8Array(canvas.toBuffer('image/jpeg', 85));
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}
