import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import request from 'supertest'
import { startBff, type TestBff } from './harness'

/** A page shaped like Taro's H5 output: one inline script (the root font size), one bundle. */
const INLINE = 'document.documentElement.style.fontSize="20px"'
const PAGE = `<!doctype html><html lang="zh-CN"><head><script>${INLINE}</script><script defer="defer" src="/js/app.js"></script></head><body><div id="app"></div></body></html>`

let h5Dir: string
let bff: TestBff

beforeAll(async () => {
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-h5-'))
  fs.mkdirSync(path.join(h5Dir, 'js'))
  fs.writeFileSync(path.join(h5Dir, 'index.html'), PAGE)
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.js'), 'void 0')
  bff = await startBff({ database: 'sqlite', env: { H5_DIR: h5Dir } })
})
afterAll(async () => {
  await bff.close()
  fs.rmSync(h5Dir, { recursive: true, force: true })
})

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  )
}

describe('framing and caching', () => {
  test('when an API answer or an error goes out, then it cannot be framed or cached', async () => {
    for (const res of [
      await request(bff.url).get('/api/v1/app-info'),
      await request(bff.url).get('/api/v1/no-such-thing'),
    ]) {
      expect(res.headers['x-frame-options']).toBe('DENY')
      expect(directives(res.headers['content-security-policy'])['frame-ancestors']).toEqual([
        "'none'",
      ])
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    }
  })

  test('when the H5 page is served, then it cannot be framed and runs only our scripts and its own inline one', async () => {
    const res = await request(bff.url).get('/')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<div id="app">')
    expect(res.headers['x-frame-options']).toBe('DENY')
    const csp = directives(res.headers['content-security-policy'])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`
    expect(csp['script-src']).toEqual(["'self'", hash])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['connect-src']).toEqual(["'self'"])
    // Articles' pictures and videos load from the content system's CDN, by default the
    // upstream's origin (the harness points the upstream at 127.0.0.1:9).
    expect(csp['img-src']).toContain('http://127.0.0.1:9')
    expect(csp['media-src']).toEqual(["'self'", 'http://127.0.0.1:9'])
  })
})

describe('wrong methods', () => {
  test('when a GET route is called with PUT, then 405 with the JSON envelope and Allow', async () => {
    const res = await request(bff.url).put('/api/v1/app-info').send({})
    expect(res.status).toBe(405)
    expect(res.headers.allow).toContain('GET')
    expect(res.headers['content-type']).toMatch(/json/)
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED')
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.body.error.requestId).toEqual(res.headers['x-request-id'])
  })
})

describe('HSTS', () => {
  test('when the BFF is reached over plain http and its public address is http, then no HSTS is sent', async () => {
    const res = await request(bff.url).get('/healthz')
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })

  test('when the public address is https, or a trusted proxy says the request came over TLS, then HSTS is sent', async () => {
    const https = await startBff({
      database: 'sqlite',
      env: { PUBLIC_BASE_URL: 'https://gas.example.cn' },
    })
    const proxied = await startBff({ database: 'sqlite', env: { TRUST_PROXY_HOPS: '1' } })
    try {
      const a = await request(https.url).get('/healthz')
      expect(a.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/)
      const b = await request(proxied.url).get('/healthz').set('x-forwarded-proto', 'https')
      expect(b.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/)
      const spoofed = await request(bff.url).get('/healthz').set('x-forwarded-proto', 'https')
      expect(spoofed.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await https.close()
      await proxied.close()
    }
  })
})
