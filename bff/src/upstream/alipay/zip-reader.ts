import { inflateRawSync } from 'node:zlib'

interface ZipFile {
  name: string
  data: Buffer
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const STORED = 0
const DEFLATE = 8
// Bit 11: the name is UTF-8; otherwise it is in the archiver's code page (GBK for Alipay's).
const UTF8_NAME = 0x0800

class NotAZip extends Error {
  constructor(why: string) {
    super(`not a readable zip: ${why}`)
    this.name = 'NotAZip'
  }
}

/**
 * The files of a ZIP archive (stored or deflated, no encryption, no ZIP64), read from the
 * central directory as unzip does. Enough for a bill archive; refuses anything else.
 */
export function readZip(archive: Buffer): ZipFile[] {
  const end = archive.lastIndexOf(
    Buffer.from([0x50, 0x4b, 0x05, 0x06]),
    archive.length - 22 >= 0 ? archive.length - 22 : 0,
  )
  if (end < 0 || archive.readUInt32LE(end) !== END_OF_DIRECTORY) throw new NotAZip('no directory')
  const count = archive.readUInt16LE(end + 10)
  let at = archive.readUInt32LE(end + 16)
  const files: ZipFile[] = []
  for (let n = 0; n < count; n++) {
    if (archive.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAZip('bad directory entry')
    const flags = archive.readUInt16LE(at + 8)
    const method = archive.readUInt16LE(at + 10)
    const packedSize = archive.readUInt32LE(at + 20)
    const size = archive.readUInt32LE(at + 24)
    const nameLength = archive.readUInt16LE(at + 28)
    const extraLength = archive.readUInt16LE(at + 30)
    const commentLength = archive.readUInt16LE(at + 32)
    const local = archive.readUInt32LE(at + 42)
    const rawName = archive.subarray(at + 46, at + 46 + nameLength)
    const name = new TextDecoder(flags & UTF8_NAME ? 'utf-8' : 'gbk').decode(rawName)
    if (archive.readUInt32LE(local) !== LOCAL_HEADER) throw new NotAZip('bad local header')
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28)
    const packed = archive.subarray(start, start + packedSize)
    if (method !== STORED && method !== DEFLATE) throw new NotAZip(`method ${method}`)
    const data = method === STORED ? Buffer.from(packed) : inflateRawSync(packed)
    if (data.length !== size) throw new NotAZip(`${name} is cut short`)
    files.push({ name, data })
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}
