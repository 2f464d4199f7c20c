/**
 * Pictures for the demo products: clean illustrations of the product on a table, drawn as SVG
 * here and rendered to JPEG with sharp. Nothing is downloaded; the same product always gets the
 * same picture. The shape follows what the product is (a cup of jelly, a bundle of noodles, a
 * bottle of oil…), the colours follow the product's own colour.
 */

export type PictureShape =
  | 'cup'
  | 'pouch'
  | 'noodles'
  | 'fruit'
  | 'bottle'
  | 'anise'
  | 'tea'
  | 'jar'
  | 'plate'
  | 'textile'
  | 'soap';

const shapes: [RegExp, PictureShape][] = [
  [/cốc/i, 'cup'],
  [/hoa hồi/i, 'anise'],
  [/thạch đen khô|bột/i, 'pouch'],
  [/bún|mì|miến/i, 'noodles'],
  [/na |quýt|hồng/i, 'fruit'],
  [/tinh dầu|rượu|mật ong/i, 'bottle'],
  [/trà/i, 'tea'],
  [/cao /i, 'jar'],
  [/khau nhục|vịt/i, 'plate'],
  [/thổ cẩm/i, 'textile'],
  [/xà phòng/i, 'soap'],
];

/** What to draw for a product, from its name. */
export const shapeOf = (name: string): PictureShape =>
  shapes.find(([re]) => re.test(name))?.[1] ?? (/hồi/i.test(name) ? 'anise' : 'pouch');

/** A colour made lighter (amount > 0) or darker (< 0), for highlights and shadows. */
function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const ch = (v: number) => Math.max(0, Math.min(255, Math.round(v + (amount > 0 ? 255 - v : v) * amount)));
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(ch) as [number, number, number];
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}

const W = 960;
const H = 720;

/** The product itself, centred on (480, 430), in its colour `c`. */
function object(shape: PictureShape, c: string, v: number): string {
  const light = shade(c, 0.45);
  const dark = shade(c, -0.35);
  switch (shape) {
    case 'cup':
      return [0, 1, 2]
        .map((i) => {
          const x = 300 + i * 180 + (v ? 20 : 0);
          return `<g transform="translate(${x} 0)"><path d="M-70 300 L70 300 L55 520 L-55 520 Z" fill="#eef3f5" opacity=".9"/>
<path d="M-64 340 L64 340 L55 520 L-55 520 Z" fill="${c}"/><path d="M-64 340 L64 340 L62 360 L-62 360 Z" fill="${light}" opacity=".5"/>
<rect x="-78" y="290" width="156" height="16" rx="6" fill="#d7e1e6"/><path d="M-40 370 L-34 500" stroke="#fff" stroke-width="8" opacity=".25"/></g>`;
        })
        .join('');
    case 'pouch':
      return `<path d="M330 240 Q480 215 630 240 L660 560 Q480 590 300 560 Z" fill="${light}"/>
<path d="M330 240 Q480 215 630 240 L636 290 Q480 268 324 290 Z" fill="${dark}"/>
<rect x="395" y="330" width="170" height="150" rx="18" fill="${c}"/><rect x="395" y="330" width="170" height="150" rx="18" fill="none" stroke="#fff" stroke-width="6" opacity=".7"/>
<circle cx="440" cy="390" r="14" fill="${dark}"/><circle cx="500" cy="420" r="18" fill="${dark}"/><circle cx="520" cy="370" r="11" fill="${dark}"/>
<rect x="385" y="505" width="190" height="18" rx="9" fill="${dark}" opacity=".5"/>`;
    case 'noodles': {
      const strands = Array.from({ length: 26 }, (_, i) => {
        const x = 310 + i * 13;
        return `<path d="M${x} 330 C${x + 25} 400 ${x - 25} 470 ${x + 8} 540" stroke="${i % 3 ? light : c}" stroke-width="7" fill="none" stroke-linecap="round"/>`;
      }).join('');
      return `<ellipse cx="480" cy="545" rx="250" ry="40" fill="#b88a4a"/><ellipse cx="480" cy="535" rx="235" ry="32" fill="#d4a85f"/>${strands}
<rect x="300" y="410" width="360" height="34" rx="8" fill="#b3261e"/><rect x="300" y="418" width="360" height="6" fill="#f2c94c"/>`;
    }
    case 'fruit': {
      const spots = [
        [360, 450, 95],
        [560, 455, 100],
        [465, 360, 90],
      ]
        .map(
          ([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${c}"/>
<circle cx="${(x as number) - 30}" cy="${(y as number) - 35}" r="${(r as number) / 3}" fill="${light}" opacity=".55"/>
<path d="M${x} ${(y as number) - (r as number)} q8 -26 28 -30" stroke="#4b3621" stroke-width="7" fill="none"/>
<path d="M${(x as number) + 6} ${(y as number) - (r as number) - 6} q34 -22 58 4 q-30 12 -58 -4" fill="#3f7d3a"/>`,
        )
        .join('');
      return spots;
    }
    case 'bottle':
      return `<rect x="420" y="200" width="120" height="44" rx="8" fill="${dark}"/><rect x="440" y="240" width="80" height="60" fill="#e9eef0" opacity=".85"/>
<path d="M440 300 Q380 330 380 400 L380 560 Q380 580 400 580 L560 580 Q580 580 580 560 L580 400 Q580 330 520 300 Z" fill="#e9eef0" opacity=".55"/>
<path d="M386 380 L574 380 L574 560 Q574 574 560 574 L400 574 Q386 574 386 560 Z" fill="${c}" opacity=".92"/>
<rect x="400" y="420" width="160" height="100" rx="10" fill="#fdf8ef"/><rect x="420" y="445" width="120" height="12" rx="6" fill="${dark}"/><rect x="435" y="470" width="90" height="10" rx="5" fill="${light}"/>
<path d="M400 330 Q395 400 398 540" stroke="#fff" stroke-width="10" opacity=".35" fill="none"/>`;
    case 'anise': {
      const star = (cx: number, cy: number, r: number, rot: number) =>
        `<g transform="translate(${cx} ${cy}) rotate(${rot})">${Array.from(
          { length: 8 },
          (_, i) =>
            `<path d="M0 0 Q${r * 0.25} ${-r * 0.45} 0 ${-r} Q${-r * 0.25} ${-r * 0.45} 0 0" fill="${i % 2 ? c : dark}" transform="rotate(${i * 45})"/>`,
        ).join('')}<circle r="${r * 0.14}" fill="${light}"/></g>`;
      return [star(380, 430, 110, 10), star(590, 400, 95, 35), star(480, 520, 80, 60)].join('');
    }
    case 'tea':
      return `<path d="M300 300 L520 300 L520 560 L300 560 Z" fill="${c}"/><path d="M300 300 L340 260 L560 260 L520 300 Z" fill="${light}"/><path d="M520 300 L560 260 L560 520 L520 560 Z" fill="${dark}"/>
<circle cx="410" cy="420" r="60" fill="#fdf8ef"/><path d="M410 375 q30 30 0 90 q-30 -30 0 -90" fill="${dark}"/>
<ellipse cx="650" cy="560" rx="95" ry="22" fill="#e5e9eb"/><path d="M575 470 L725 470 L705 555 Q650 575 595 555 Z" fill="#f6f8f9"/><ellipse cx="650" cy="472" rx="75" ry="14" fill="#c9a227" opacity=".85"/>
<path d="M725 490 q40 5 22 40 q-10 12 -30 10" stroke="#f6f8f9" stroke-width="12" fill="none"/>`;
    case 'jar':
      return `<rect x="380" y="250" width="200" height="54" rx="10" fill="${dark}"/><path d="M370 310 L590 310 Q610 320 610 350 L610 560 Q610 585 585 585 L375 585 Q350 585 350 560 L350 350 Q350 320 370 310 Z" fill="#eef3f5" opacity=".7"/>
<path d="M360 360 L600 360 L600 560 Q600 578 582 578 L378 578 Q360 578 360 560 Z" fill="${c}"/>
<rect x="390" y="410" width="180" height="110" rx="10" fill="#fdf8ef"/><path d="M470 430 q30 20 10 60 q-40 -10 -10 -60" fill="${light}"/><rect x="420" y="495" width="120" height="10" rx="5" fill="${dark}"/>`;
    case 'plate':
      return `<ellipse cx="480" cy="470" rx="290" ry="120" fill="#f4f6f7"/><ellipse cx="480" cy="465" rx="230" ry="92" fill="#e5eaec"/>
${[0, 1, 2, 3, 4]
  .map(
    (i) =>
      `<path d="M${330 + i * 62} 420 q30 -28 58 0 l-6 78 q-24 14 -46 0 Z" fill="${i % 2 ? c : dark}"/><path d="M${334 + i * 62} 424 q26 -18 50 0 l-2 10 q-24 -12 -48 0 Z" fill="${light}"/>`,
  )
  .join('')}
<path d="M600 400 q40 -40 90 -20" stroke="#3f7d3a" stroke-width="10" fill="none"/><circle cx="700" cy="375" r="14" fill="#3f7d3a"/>`;
    case 'textile': {
      const stripes = Array.from(
        { length: 7 },
        (_, i) =>
          `<rect x="330" y="${330 + i * 34}" width="300" height="14" fill="${i % 2 ? '#f2c94c' : '#1d4e89'}"/>${Array.from(
            { length: 10 },
            (_, j) =>
              `<path d="M${340 + j * 30} ${344 + i * 34} l10 -8 l10 8 l-10 8 Z" fill="${i % 2 ? c : '#fff'}" opacity=".9"/>`,
          ).join('')}`,
      ).join('');
      return `<path d="M380 320 Q380 220 480 220 Q580 220 580 320" stroke="${dark}" stroke-width="18" fill="none"/>
<rect x="320" y="310" width="320" height="270" rx="18" fill="${c}"/>${stripes}`;
    }
    case 'soap':
      return `<rect x="300" y="400" width="220" height="130" rx="26" fill="${c}"/><rect x="300" y="400" width="220" height="40" rx="20" fill="${light}" opacity=".6"/>
<rect x="470" y="330" width="200" height="120" rx="24" fill="${light}"/><rect x="470" y="330" width="200" height="36" rx="18" fill="#fff" opacity=".35"/>
<path d="M600 520 q60 -90 130 -70 q-20 90 -130 70" fill="#3f7d3a"/><path d="M605 516 q50 -40 110 -62" stroke="#2e5e2a" stroke-width="4" fill="none"/>`;
  }
}

/**
 * The whole picture as SVG: a soft backdrop, a wooden table, the product and its shadow.
 * `variant` 1 is the second photo of a product (the light from the other side).
 */
export function pictureSvg(name: string, colour: string, variant = 0): string {
  const shape = shapeOf(name);
  const back = shade(colour, 0.82);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
<radialGradient id="g" cx="${variant ? 0.7 : 0.3}" cy="0.25" r="0.9"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="${back}"/></radialGradient>
<linearGradient id="t" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#c49a6c"/><stop offset="1" stop-color="#8a6239"/></linearGradient>
</defs>
<rect width="${W}" height="${H}" fill="url(#g)"/>
<rect y="520" width="${W}" height="${H - 520}" fill="url(#t)"/>
<path d="M0 560 H${W} M0 620 H${W} M0 680 H${W}" stroke="#7a552f" stroke-width="2" opacity=".35"/>
<ellipse cx="${variant ? 500 : 460}" cy="610" rx="360" ry="40" fill="#000" opacity=".18"/>
<g transform="translate(480 470) scale(1.3) translate(-480 -470)">${object(shape, colour, variant)}</g>
</svg>`;
}

/** The picture as a JPEG file, ready for the product form's upload path. */
export async function picture(name: string, colour: string, variant = 0): Promise<File> {
  const { default: sharp } = await import('sharp');
  // Drawn at 960 × 720 and stored at 800 × 600: sharp enough for the product page, quick to make.
  const bytes = await sharp(Buffer.from(pictureSvg(name, colour, variant)), { density: 60 })
    .resize(800, 600)
    .jpeg({ quality: 80 })
    .toBuffer();
  return new File([new Uint8Array(bytes)], `${shapeOf(name)}-${variant + 1}.jpg`, { type: 'image/jpeg' });
}
