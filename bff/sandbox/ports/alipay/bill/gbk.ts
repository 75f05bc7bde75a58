let table: Map<string, number> | undefined

/**
 * Alipay's bill files are GBK. Node can decode GBK but not encode it, so the encoder is the
 * decoder run backwards over every two-byte code once (about 24 000 characters, ~60 ms).
 */
function gbkTable(): Map<string, number> {
  if (table) return table
  const decoder = new TextDecoder('gbk')
  const built = new Map<string, number>()
  const pair = new Uint8Array(2)
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      pair[0] = lead
      pair[1] = trail
      const char = decoder.decode(pair)
      if (char.length === 1 && char !== '\ufffd' && !built.has(char)) {
        built.set(char, (lead << 8) | trail)
      }
    }
  }
  table = built
  return built
}

/** GBK bytes of `text`; characters GBK lacks become `?`, as Windows' code page 936 does. */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable()
  const out: number[] = []
  for (const char of text) {
    const unit = char.codePointAt(0) ?? 0x3f
    if (unit < 0x80) {
      out.push(unit)
      continue
    }
    const code = codes.get(char)
    if (code === undefined) out.push(0x3f)
    else out.push(code >> 8, code & 0xff)
  }
  return Buffer.from(out)
}
