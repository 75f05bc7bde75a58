import { crc32, deflateSync } from 'node:zlib'

export interface Rgba {
  readonly r: number
  readonly g: number
  readonly b: number
  readonly a: number
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A square RGBA PNG of a module grid (true = dark), `size` pixels wide, with `margin` light
 * modules around it, scaled by nearest neighbour. Written here because the qrcode package's own
 * PNG path (pngjs) is slow enough under Jest to time tests out.
 */
export function gridPng(
  grid: (x: number, y: number) => boolean,
  modules: number,
  size: number,
  margin: number,
  dark: Rgba,
  light: Rgba,
): Buffer {
  const total = modules + 2 * margin
  const moduleAt = (pixel: number) => Math.floor((pixel * total) / size) - margin
  const stride = 1 + size * 4
  const raw = Buffer.alloc(stride * size)
  const paint = (row: Buffer, from: number, to: number, c: Rgba) => {
    for (let x = from; x < to; x++)
      row.writeUInt32BE(((c.r << 24) | (c.g << 16) | (c.b << 8) | c.a) >>> 0, 1 + x * 4)
  }
  let previous = -Infinity
  for (let y = 0; y < size; y++) {
    const row = raw.subarray(y * stride, (y + 1) * stride)
    const my = moduleAt(y)
    if (my === previous) {
      raw.copy(row, 0, (y - 1) * stride, y * stride)
      continue
    }
    previous = my
    for (let x = 0; x < size; x++) {
      const mx = moduleAt(x)
      const on = mx >= 0 && my >= 0 && mx < modules && my < modules && grid(mx, my)
      paint(row, x, x + 1, on ? dark : light)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
