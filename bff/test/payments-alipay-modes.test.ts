import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AlipaySdk } from 'alipay-sdk'
import request from 'supertest'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { randomNamespace } from './auth-fakes'
import { eventually } from './payment-fakes'
import { notifiedPayments, startFrontDoor, type FrontDoor } from './sandbox-payments-helpers'

/**
 * The Alipay payment path (login, alipay.trade.create, the signed notification, crediting)
 * against the core sandbox in both ways a merchant can hold Alipay's key: the public key, and
 * 公钥证书 (certificates given as file paths, as the console downloads them). alipay-sdk signs
 * and verifies in both; the sandbox checks the certificate serials in the second.
 */
let coreSandbox: CoreSandbox
let certDir: string
const IOT = '1000000001'

beforeAll(async () => {
  coreSandbox = await startCoreSandbox('payments-alipay-modes')
  certDir = mkdtempSync(path.join(tmpdir(), 'alipay-certs-'))
}, 30_000)
afterAll(async () => {
  await coreSandbox?.close()
  if (certDir) rmSync(certDir, { recursive: true, force: true })
})

const core = () => request(coreSandbox.url)

interface SandboxAlipay {
  appId: string
  appPrivateKey: string
  alipayPublicKey: string
  appCertPem: string
  alipayCertPem: string
  alipayRootCertPem: string
}

async function alipayEnv(mode: 'public_key' | 'certificate'): Promise<Record<string, string>> {
  const creds = (await core().get('/sandbox/credentials').expect(200)).body.alipay as SandboxAlipay
  const app = { ALIPAY_APP_ID: creds.appId, ALIPAY_APP_PRIVATE_KEY: creds.appPrivateKey }
  if (mode === 'public_key') return { ...app, ALIPAY_PUBLIC_KEY: creds.alipayPublicKey }
  const file = (name: string, pem: string) => {
    const at = path.join(certDir, name)
    writeFileSync(at, pem)
    return at
  }
  return {
    ...app,
    ALIPAY_APP_CERT: file(`appCertPublicKey_${creds.appId}.crt`, creds.appCertPem),
    ALIPAY_PUBLIC_CERT: file('alipayCertPublicKey_RSA2.crt', creds.alipayCertPem),
    ALIPAY_ROOT_CERT: file('alipayRootCert.crt', creds.alipayRootCertPem),
  }
}

describe.each(['public_key', 'certificate'] as const)('Alipay in %s mode', (mode) => {
  let bff: TestBff
  /** The sandbox must know where to notify before the BFF has its port: a stable front door. */
  let front: FrontDoor

  beforeAll(async () => {
    front = await startFrontDoor()
    bff = await startBff({
      upstreamUrl: coreSandbox.url,
      now: coreSandbox.now,
      env: {
        RATE_LIMIT_NAMESPACE: randomNamespace(),
        PUBLIC_BASE_URL: front.url,
        // Not a test of timeouts: the login is not retried, so a busy machine must not fail it.
        UPSTREAM_TIMEOUT_MS: '5000',
        ...(await alipayEnv(mode)),
      },
      payments: notifiedPayments,
    })
    front.route(bff.url)
  }, 30_000)
  afterAll(async () => {
    jest.restoreAllMocks()
    await bff?.close()
    await front?.close()
  })

  test('when a resident logs in, tops up and pays, then alipay-sdk signs every call, verifies the notification and the meter is credited once', async () => {
    const execute = jest.spyOn(AlipaySdk.prototype, 'sdkExecute')
    const checkAnswer = jest.spyOn(AlipaySdk.prototype, 'checkResponseSign')
    const checkNotify = jest.spyOn(AlipaySdk.prototype, 'checkNotifySignV2')
    const api = () => request(bff.url)

    const login = await api()
      .post('/api/v1/auth/alipay')
      .send({ authCode: `sandbox-${mode}` })
    expect(login.status).toBe(201)
    const token = login.body.token as string
    await bff.bind(login.body.user.id as string, IOT)
    const before = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body

    const created = await api()
      .post(`/api/v1/accounts/${IOT}/recharges`)
      .set('authorization', `Bearer ${token}`)
      .set('idempotency-key', `k-${randomUUID()}`)
      .send({ amountFen: 3000, channel: 'alipay' })
    expect(created.status).toBe(201)
    expect(created.body.clientParams).toEqual({ kind: 'alipay', tradeNO: expect.any(String) })
    const orderNo = created.body.orderNo as string
    await core().post(`/sandbox/payments/${orderNo}/pay`).send({}).expect(200)

    await eventually(async () => {
      const ledger = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
      expect(ledger.credits).toHaveLength(before.credits.length + 1)
    })
    const notices = (await core().get(`/sandbox/notifications?outTradeNo=${orderNo}`)).body.items
    expect(notices[0]).toMatchObject({ provider: 'alipay', state: 'delivered' })
    await core().post('/sandbox/clock').send({ advanceMs: 120_000 }).expect(200)
    await eventually(async () => {
      const read = await api()
        .get(`/api/v1/accounts/${IOT}/recharges/${orderNo}`)
        .set('authorization', `Bearer ${token}`)
      expect(read.body.state).toBe('CREDITED')
    })
    const after = (await core().get(`/sandbox/ledger?accountNo=${IOT}`)).body
    expect(after.credits).toHaveLength(before.credits.length + 1)
    expect(after.postings).toHaveLength(before.postings.length + 1)
    expect(after.credits.at(-1)).toMatchObject({ amountFen: 3000, status: 'applied' })

    // The login and the trade were signed by the SDK, and their answers verified by it; in
    // certificate mode every request named the certificates (the sandbox refuses wrong ones,
    // and answers name Alipay's, which the BFF checks).
    const signed = execute.mock.calls.map(([method]) => method)
    expect(signed).toEqual(
      expect.arrayContaining(['alipay.system.oauth.token', 'alipay.trade.create']),
    )
    expect(checkAnswer.mock.calls.map(([, key]) => key)).toEqual(
      expect.arrayContaining([
        'alipay_system_oauth_token_response',
        'alipay_trade_create_response',
      ]),
    )
    const queries = execute.mock.results.map((r) => new URLSearchParams(String(r.value)))
    for (const query of queries) {
      expect(query.has('app_cert_sn')).toBe(mode === 'certificate')
      expect(query.has('alipay_root_cert_sn')).toBe(mode === 'certificate')
    }
    expect(checkNotify.mock.results.map((r) => r.value)).toContain(true)
  }, 30_000)

  test('when a notification is signed by another key, then it is refused and changes nothing', async () => {
    const res = await request(bff.url)
      .post('/api/v1/notify/alipay')
      .type('form')
      .send({
        notify_id: 'n1',
        app_id: 'x',
        out_trade_no: 'GH1',
        trade_no: '1',
        trade_status: 'TRADE_SUCCESS',
        total_amount: '30.00',
        sign_type: 'RSA2',
        sign: Buffer.from('forged').toString('base64'),
      })
    expect(res.status).toBe(401)
    expect(res.text).toBe('fail')
  })
})
