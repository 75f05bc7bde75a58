import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AlipaySdk } from 'alipay-sdk'
import type { SandboxOptions } from '../app'
import { startSandbox, type Running } from './helpers'

/** Keys are generated once per machine into this directory and reused by later runs. */
export const testDataDir = join(tmpdir(), 'gh-sandbox-test-data')

export interface AlipayCredentialsSection {
  gateway: string
  appId: string
  sellerId: string
  appPrivateKey: string
  appPrivateKeyPkcs8: string
  appPublicKey: string
  alipayPublicKey: string
  appCertPem: string
  alipayCertPem: string
  alipayRootCertPem: string
}

export interface RunningAlipay extends Running {
  readonly creds: AlipayCredentialsSection
  /** The official SDK configured exactly from GET /sandbox/credentials. */
  readonly sdk: AlipaySdk
}

export async function startAlipay(options: SandboxOptions = {}): Promise<RunningAlipay> {
  const running = await startSandbox({
    ...options,
    config: { dataDir: testDataDir, ...options.config },
  })
  const res = await running.http.get('/sandbox/credentials').expect(200)
  const creds = res.body.alipay as AlipayCredentialsSection
  const sdk = new AlipaySdk({
    appId: creds.appId,
    privateKey: creds.appPrivateKey,
    alipayPublicKey: creds.alipayPublicKey,
    gateway: creds.gateway,
  })
  return { ...running, creds, sdk }
}

/** Runs a method the way a merchant does: signed request, response signature verified. */
export function exec(sdk: AlipaySdk, method: string, bizContent: object, extra: object = {}) {
  return sdk.exec(method, { bizContent, ...extra }, { validateSign: true })
}

export interface Receiver {
  readonly url: string
  /** Each delivery's form fields, in arrival order. */
  readonly received: Record<string, string>[]
  close(): Promise<void>
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

/** A merchant's notify endpoint; `answer(n)` is what it says to the n-th delivery (from 1). */
export async function startReceiver(
  answer: (n: number) => string = () => 'success',
): Promise<Receiver> {
  const received: Record<string, string>[] = []
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push(Object.fromEntries(new URLSearchParams(body)))
      res.end(answer(received.length))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/alipay/notify`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

let counter = 0
/** A fresh merchant order number per call. */
export const orderNo = (): string => `GH${Date.now()}${String(++counter).padStart(4, '0')}`

export const BUYER_ID = '2088102177846875'
