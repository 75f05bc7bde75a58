/*
 * Draws the tab bar icons once (`node miniapp/scripts/make-tab-icons.mjs`); the PNGs are
 * committed. Each icon has an outline form (not selected) and a filled form (selected), so the
 * selected tab differs in shape, not in colour only. Shapes are signed distance functions on a
 * 24-unit grid, rendered with 4×4 supersampling into an 81×81 PNG (WeChat's recommended size).
 */
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const GRID = 24
const STROKE = 1.9
const COLOURS = { normal: [0x4a, 0x4f, 0x57], active: [0x0f, 0x5b, 0xc4] }

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const box =
  (cx, cy, hw, hh, r = 0) =>
  (x, y) => {
    const qx = Math.abs(x - cx) - hw + r
    const qy = Math.abs(y - cy) - hh + r
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
const capsule = (ax, ay, bx, by, r) => (x, y) => {
  const px = x - ax
  const py = y - ay
  const dx = bx - ax
  const dy = by - ay
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * h, py - dy * h) - r
}
const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)))
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y))
const halfPlane = (nx, ny, d) => (x, y) => x * nx + y * ny - d
const intersect =
  (...fs) =>
  (x, y) =>
    Math.max(...fs.map((f) => f(x, y)))

const SQRT_HALF = Math.SQRT1_2
// Roof: apex at (12, 3.2), eaves at y = 11, wider than the walls.
const roof = intersect(
  halfPlane(-SQRT_HALF, -SQRT_HALF, -15.2 * SQRT_HALF),
  halfPlane(SQRT_HALF, -SQRT_HALF, 8.8 * SQRT_HALF),
  halfPlane(0, 1, 11),
)
// The wrench's jaw opening is cut along the handle's 45° axis.
function rotated(sdf, cx, cy) {
  const c = SQRT_HALF
  return (x, y) => sdf(cx + (x - cx) * c - (y - cy) * c, cy + (x - cx) * c + (y - cy) * c)
}
const icons = {
  home: {
    parts: [union(roof, box(12, 15, 6.5, 5.5, 1))],
    holes: [box(12, 17.5, 1.8, 3, 0.6)],
  },
  bills: {
    parts: [box(12, 12, 7, 9, 1.6)],
    holes: [
      capsule(8.5, 8, 15.5, 8, 0.9),
      capsule(8.5, 12, 15.5, 12, 0.9),
      capsule(8.5, 16, 12.5, 16, 0.9),
    ],
  },
  repairs: {
    parts: [
      minus(
        union(circle(15.5, 8.5, 5), capsule(15, 9, 5.5, 18.5, 2.1)),
        rotated(box(15.5, 4.2, 1.9, 3), 15.5, 8.5),
      ),
    ],
    holes: [],
  },
  me: {
    parts: [circle(12, 8, 4), intersect(box(12, 20, 7.5, 5, 4.5), halfPlane(0, 1, 20.5))],
    holes: [],
  },
}

function shape(icon, filled) {
  if (filled) {
    const body = union(...icon.parts)
    return icon.holes.length ? minus(body, union(...icon.holes)) : body
  }
  const strokes = icon.parts.map((p) => (x, y) => Math.abs(p(x, y)) - STROKE / 2)
  return union(...strokes, ...icon.holes)
}

function render(sdf, [r, g, b]) {
  const rows = []
  const n = 4
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let px = 0; px < SIZE; px++) {
      let hits = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / SIZE) * GRID
          const y = ((py + (sy + 0.5) / n) / SIZE) * GRID
          if (sdf(x, y) <= 0) hits++
        }
      }
      row.set([r, g, b, Math.round((hits / (n * n)) * 255)], 1 + px * 4)
    }
    rows.push(row)
  }
  return png(Buffer.concat(rows))
}

function png(raw) {
  const crcTable = Array.from({ length: 256 }, (_, i) => {
    let c = i
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'ascii')
    const tail = Buffer.alloc(4)
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, tail])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const outDir = fileURLToPath(new URL('../src/assets/tab/', import.meta.url))
for (const [name, icon] of Object.entries(icons)) {
  writeFileSync(`${outDir}${name}.png`, render(shape(icon, false), COLOURS.normal))
  writeFileSync(`${outDir}${name}-active.png`, render(shape(icon, true), COLOURS.active))
}
console.log('tab icons written to', outDir)
