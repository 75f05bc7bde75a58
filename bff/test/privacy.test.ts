import request from 'supertest'
import { findUnmaskedPersonalData } from '@gh/shared'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { User, UserIdentity } from '../src/auth/user-entity'
import { registeredRoutes, startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { FakeAlipay, FakeSms, FakeWechat, idemKey, randomNamespace, smsLogin } from './auth-fakes'

/**
 * Allow-list of responses that may carry personal data in full, with the screen that needs it.
 * Empty: no route answers a full phone, ID number, name or address. A route that must (e.g. a
 * receipt showing the full address) adds `{ route, why }` here and to the OpenAPI description.
 */
const ALLOWED_FULL_PERSONAL_DATA: { route: string; why: string }[] = []

const withId = { ...holder, idNumber: '110101199003074514' }
const sms = new FakeSms()
let bff: TestBff

beforeAll(async () => {
  bff = await startBff({
    ports: {
      customers: new FakeCustomers([withId]),
      sms,
      wechat: new FakeWechat(),
      alipay: new FakeAlipay(),
    },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const json = (t: string) => ({ ...bearer(t), 'idempotency-key': idemKey() })

async function boundUser() {
  const login = await smsLogin(bff.url, sms)
  const bound = await request(bff.url)
    .post('/api/v1/bindings')
    .set(json(login.token))
    .send({
      accountNo: holder.accountNo,
      holderName: '王建国',
      phoneLast4: holder.phone.slice(-4),
      label: '我家',
    })
  expect(bound.status).toBe(201)
  return login
}

describe('我的数据', () => {
  test('when the user asks what is held, then identities and bindings are listed masked', async () => {
    const { token, phone } = await boundUser()
    await request(bff.url)
      .post('/api/v1/auth/wechat')
      .set(bearer(token))
      .send({ code: 'sandbox-mydata' })
    const res = await request(bff.url).get('/api/v1/me/data').set(bearer(token))
    expect(res.status).toBe(200)
    expect(res.body.identities.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'phone',
      'wechat',
      'wechat_union',
    ])
    expect(res.body.identities).toContainEqual(
      expect.objectContaining({
        kind: 'phone',
        valueMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      }),
    )
    expect(res.body.bindings).toEqual([
      expect.objectContaining({ accountNoMasked: '100****001', label: '我家', role: 'owner' }),
    ])
    expect(res.body.activeSessions).toBeGreaterThanOrEqual(1)
    expect(res.body.notes.join('')).toContain('注销后')
    expect(JSON.stringify(res.body)).not.toContain(phone)
  })
})

describe('注销', () => {
  test('when the user deletes the account, then login, identities, bindings and sessions are gone and only an anonymous tombstone stays', async () => {
    const { token, userId, phone } = await boundUser()
    const del = await request(bff.url).delete('/api/v1/me').set(json(token))
    expect(del.status).toBe(200)
    expect(del.body).toEqual({ deleted: true })

    expect((await request(bff.url).get('/api/v1/me').set(bearer(token))).status).toBe(401)
    const db = bff.container.db
    expect(await db.getRepository(UserIdentity).count({ where: { userId } })).toBe(0)
    expect(await db.getRepository(AccountBinding).count({ where: { userId } })).toBe(0)
    const tomb = await db.getRepository(User).findOneByOrFail({ id: userId })
    expect(tomb.deletedAt).toBeInstanceOf(Date)
    expect(await bff.container.sessions.countActive(userId)).toBe(0)

    // The same phone later is a new person with nothing bound.
    await bff.container.redis.del(
      ...(await bff.container.redis.keys(`${bff.container.config.rateLimitNamespace}:sms-minute*`)),
    )
    const again = await smsLogin(bff.url, sms, phone)
    expect(again.userId).not.toBe(userId)
    const list = await request(bff.url).get('/api/v1/accounts').set(bearer(again.token))
    expect(list.body.accounts).toEqual([])
  })

  test('when a binding is made while the account is being deleted, then the binding guard stops honouring it as soon as 注销 is answered', async () => {
    const { token, userId } = await boundUser()
    const { bindings } = bff.container
    // The guard has just let the user in, so its cache holds the binding.
    expect(await bindings.isBound(userId, holder.accountNo)).toBe(true)
    // The binding arrives after the unbinding pass, and is deleted with the account's records.
    jest.spyOn(bff.container.services.bindings, 'unbindAll').mockResolvedValueOnce(undefined)
    const del = await request(bff.url).delete('/api/v1/me').set(json(token))
    expect(del.status).toBe(200)
    expect(await bff.container.db.getRepository(AccountBinding).countBy({ userId })).toBe(0)
    expect(await bindings.isBound(userId, holder.accountNo)).toBe(false)
  })
})

describe('personal data in responses and logs', () => {
  test('when every feature is used, then no response and no log line carries a full phone, ID number, name or address', async () => {
    const texts: { route: string; text: string }[] = []
    const keep = (route: string, res: request.Response) => {
      texts.push({ route, text: res.text })
      return res
    }
    const owner = await boundUser()
    const member = await smsLogin(bff.url, sms)
    const path = `/api/v1/accounts/${holder.accountNo}`
    keep('listAccounts', await request(bff.url).get('/api/v1/accounts').set(bearer(owner.token)))
    keep('getMe', await request(bff.url).get('/api/v1/me').set(bearer(owner.token)))
    keep('getMyData', await request(bff.url).get('/api/v1/me/data').set(bearer(owner.token)))
    const inv = keep(
      'createFamilyInvite',
      await request(bff.url).post(`${path}/family/invites`).set(json(owner.token)).send({}),
    )
    keep(
      'acceptFamilyInvite',
      await request(bff.url)
        .post('/api/v1/family/accept')
        .set(json(member.token))
        .send({ code: inv.body.code }),
    )
    keep(
      'listFamilyMembers',
      await request(bff.url).get(`${path}/family/members`).set(bearer(owner.token)),
    )
    keep(
      'updateBinding',
      await request(bff.url)
        .patch(`${path}/binding`)
        .set(json(owner.token))
        .send({ label: '老房子' }),
    )
    keep(
      'bindAccount(wrong)',
      await request(bff.url)
        .post('/api/v1/bindings')
        .set(json(member.token))
        .send({ accountNo: holder.accountNo, holderName: '李', phoneLast4: '0000' }),
    )
    keep(
      'loginWechat',
      await request(bff.url).post('/api/v1/auth/wechat').send({ code: 'sandbox-scan' }),
    )
    keep(
      'loginAlipay',
      await request(bff.url).post('/api/v1/auth/alipay').send({ authCode: 'sandbox-scan' }),
    )
    keep(
      'verifySmsCode(wrong)',
      await request(bff.url)
        .post('/api/v1/auth/sms/verify')
        .send({ phone: member.phone, code: '000000' }),
    )
    // Every GET route the router has, called as the owner: later routes are scanned too.
    for (const layer of registeredRoutes(bff.bff)) {
      if (!layer.methods.includes('GET') || !layer.path.startsWith('/api/v1/')) continue
      const url = layer.path.replace(':accountNo', holder.accountNo).replace(/:(\w+)/g, 'x1')
      keep(`GET ${layer.path}`, await request(bff.url).get(url).set(bearer(owner.token)))
    }
    keep('unbindAccount', await request(bff.url).delete(`${path}/binding`).set(json(owner.token)))
    keep('deleteMe', await request(bff.url).delete('/api/v1/me').set(json(member.token)))

    const allowed = new Set(ALLOWED_FULL_PERSONAL_DATA.map((a) => a.route))
    const secrets = [
      withId.holderName,
      withId.address,
      withId.phone,
      withId.idNumber,
      owner.phone,
      member.phone,
    ]
    for (const { route, text } of texts) {
      if (allowed.has(route)) continue
      expect({ route, findings: findUnmaskedPersonalData(text) }).toEqual({ route, findings: [] })
      for (const secret of secrets)
        expect({ route, leaks: text.includes(secret) }).toEqual({ route, leaks: false })
    }

    const logs = bff.logs.join('')
    expect(logs).toContain('"request"')
    expect(findUnmaskedPersonalData(logs)).toEqual([])
    const codes = sms.sent.map((m) => m.code)
    for (const secret of [...secrets, owner.token, member.token, ...codes.map((c) => `"${c}"`)]) {
      expect(logs.includes(secret)).toBe(false)
    }
  })
})
