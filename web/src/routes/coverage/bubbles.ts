/**
 * Geometry of the schematic coverage map: district seats by an equirectangular projection, communes
 * on a sunflower spiral around the middle (there are no commune coordinates), circles pushed apart
 * until none overlaps. Pure functions, so the layout is the same on every screen.
 */
import seats from './nghe-an-districts.json';

export const WIDTH = 640;
export const HEIGHT = 480;
const PAD = 46;

export type Seat = { name: string; lat: number; lon: number };
export const SEATS: Record<string, Seat> = seats.districts;

/** A circle; `w` is half the width of the name written under it. */
export type Bubble = { code: string; x: number; y: number; r: number; w: number };

/** Radius by the number of enterprises without a CĐCS: area grows with the count. */
export function radius(uncovered: number, max: number): number {
  if (uncovered <= 0 || max <= 0) return 5;
  return 7 + 23 * Math.sqrt(uncovered / max);
}

/** Seats onto the canvas: x = longitude × cos(mid latitude), y = −latitude, scaled to fit. */
export function projectSeats(codes: string[]): Map<string, { x: number; y: number }> {
  const all = Object.values(SEATS);
  const lat0 = (Math.min(...all.map((s) => s.lat)) + Math.max(...all.map((s) => s.lat))) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = all.map((s) => s.lon * k);
  const ys = all.map((s) => -s.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX), (HEIGHT - 2 * PAD) / (maxY - minY));
  const offX = (WIDTH - (maxX - minX) * scale) / 2;
  const offY = (HEIGHT - (maxY - minY) * scale) / 2;
  const out = new Map<string, { x: number; y: number }>();
  for (const code of codes) {
    const s = SEATS[code];
    if (s) out.set(code, { x: offX + (s.lon * k - minX) * scale, y: offY + (-s.lat - minY) * scale });
  }
  return out;
}

/** Points on a sunflower spiral around the middle, the first (largest) in the centre. */
export function spiral(n: number): { x: number; y: number }[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const step = Math.min(48, (Math.min(WIDTH, HEIGHT) / 2 - PAD) / Math.sqrt(Math.max(n, 1)));
  return Array.from({ length: n }, (_, i) => ({
    x: WIDTH / 2 + step * Math.sqrt(i) * Math.cos(i * golden),
    y: HEIGHT / 2 + step * Math.sqrt(i) * Math.sin(i * golden),
  }));
}

/**
 * Pushes overlapping circles apart (a few passes), keeping them inside the canvas; the gap leaves
 * room for the name written under each circle.
 */
export function relax(bubbles: Bubble[], gap = 10): Bubble[] {
  const b = bubbles.map((x) => ({ ...x }));
  for (let pass = 0; pass < 80; pass++) {
    let moved = false;
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++) {
        const p = b[i] as Bubble;
        const q = b[j] as Bubble;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const d = Math.hypot(dx, dy) || 0.01;
        // Stacked circles need room for the upper one's name; side by side, for both names.
        const circles = p.r + q.r + gap + (12 * Math.abs(dy)) / d;
        const names = Math.abs(dy) < 18 ? p.w + q.w + 6 : 0;
        const overlap = Math.max(circles, names) - d;
        if (overlap <= 0) continue;
        const ux = dx / d;
        const uy = dy / d;
        p.x -= (ux * overlap) / 2;
        p.y -= (uy * overlap) / 2;
        q.x += (ux * overlap) / 2;
        q.y += (uy * overlap) / 2;
        moved = true;
      }
    for (const p of b) {
      p.x = Math.min(WIDTH - p.r - 4, Math.max(p.r + 4, p.x));
      p.y = Math.min(HEIGHT - p.r - 14, Math.max(p.r + 4, p.y));
    }
    if (!moved) break;
  }
  return b;
}

const STOPS: [number, string][] = [
  [0, '#e03131'],
  [0.5, '#f59f00'],
  [0.8, '#94d82d'],
  [1, '#2b8a3e'],
];

/** The shade of a coverage rate: red (none covered) through amber to green (all covered). */
export function rateColor(rate: number | null): string {
  if (rate === null) return '#adb5bd';
  for (let i = 1; i < STOPS.length; i++) {
    const [b, cb] = STOPS[i] as [number, string];
    const [a, ca] = STOPS[i - 1] as [number, string];
    if (rate <= b) return mix(ca, cb, (rate - a) / (b - a));
  }
  return STOPS[STOPS.length - 1]?.[1] ?? '#2b8a3e';
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => Number.parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => Number.parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((v, i) =>
      Math.round(v + ((pb[i] as number) - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
