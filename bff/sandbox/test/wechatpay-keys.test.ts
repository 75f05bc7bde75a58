import { X509Certificate, createPrivateKey } from 'node:crypto'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { generateCertifiedKeyPair, keyFile, loadOrCreate } from '../keys'
import * as der from '../keys/der'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-keys-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('self-signed certificates', () => {
  it('when a platform certificate is generated, then node:crypto parses it, it verifies with its own key and names its serial', () => {
    const now = new Date('2026-11-26T00:00:00Z')
    const pair = generateCertifiedKeyPair(
      { country: 'CN', organization: '财付通支付科技有限公司', commonName: 'Tenpay.com Root CA' },
      1825,
      now,
    )
    const cert = new X509Certificate(pair.certificatePem)
    expect(cert.serialNumber).toBe(pair.serialNo)
    expect(pair.serialNo).toMatch(/^[0-9A-F]{40}$/)
    expect(cert.subject).toContain('CN=Tenpay.com Root CA')
    expect(cert.subject).toContain('O=财付通支付科技有限公司')
    expect(cert.issuer).toBe(cert.subject)
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(cert.checkPrivateKey(createPrivateKey(pair.privateKeyPem))).toBe(true)
    expect(cert.ca).toBe(false)
    expect(new Date(cert.validTo).getTime() - now.getTime()).toBe(1825 * 86_400_000)

    const other = generateCertifiedKeyPair({ commonName: 'other' }, 1)
    expect(cert.verify(new X509Certificate(other.certificatePem).publicKey)).toBe(false)
  })

  it('when DER lengths pass 127 and 255 bytes or an integer has its high bit set, then the encoding is canonical', () => {
    expect(der.octetString(Buffer.alloc(200)).subarray(0, 3)).toEqual(
      Buffer.from([0x04, 0x81, 200]),
    )
    expect(der.octetString(Buffer.alloc(300)).subarray(0, 4)).toEqual(
      Buffer.from([0x04, 0x82, 0x01, 0x2c]),
    )
    expect(der.unsignedInteger(Buffer.from([0x80]))).toEqual(Buffer.from([0x02, 0x02, 0x00, 0x80]))
    expect(der.unsignedInteger(Buffer.from([0x00, 0x00, 0x7f]))).toEqual(
      Buffer.from([0x02, 0x01, 0x7f]),
    )
    expect(der.objectIdentifier('1.2.840.113549.1.1.11').toString('hex')).toBe(
      '06092a864886f70d01010b',
    )
    expect(der.time(new Date('2049-12-31T23:59:59Z')).toString('latin1')).toBe(
      '\x17\x0d491231235959Z',
    )
    expect(der.time(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe(
      '\x18\x0f20500101000000Z',
    )
  })
})

describe('key store', () => {
  const Secret = z.object({ value: z.string() })

  it('when a key set is asked for twice, then it is created once, kept private on disk and loaded the second time', () => {
    const create = jest.fn(() => ({ value: 'first' }))
    expect(loadOrCreate(dir, 'demo', Secret, create)).toEqual({ value: 'first' })
    expect(loadOrCreate(dir, 'demo', Secret, () => ({ value: 'second' }))).toEqual({
      value: 'first',
    })
    expect(create).toHaveBeenCalledTimes(1)
    expect(statSync(keyFile(dir, 'demo')).mode & 0o777).toBe(0o600)
  })

  it('when another process writes the key set while this one generates, then both use the winner', () => {
    const result = loadOrCreate(dir, 'race', Secret, () => {
      loadOrCreate(dir, 'race', Secret, () => ({ value: 'winner' }))
      return { value: 'loser' }
    })
    expect(result).toEqual({ value: 'winner' })
  })

  it('when the stored key set is damaged, then start-up fails and says how to recover', () => {
    loadOrCreate(dir, 'broken', Secret, () => ({ value: 'x' }))
    writeFileSync(keyFile(dir, 'broken'), '{"value": 42}')
    expect(() => loadOrCreate(dir, 'broken', Secret, () => ({ value: 'y' }))).toThrow(/delete it/)
  })
})
