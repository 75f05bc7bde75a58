import request from 'supertest'
import { startBff, type TestBff } from './harness'
import { FakeCustomers, holder } from './fake-customers'
import { FakeSms, FakeWechat, idemKey, randomNamespace, smsLogin } from './auth-fakes'

const sms = new FakeSms()
let bff: TestBff
/** Each test gets its own household, so members of one test never show up in another. */
const households = Array.from({ length: 12 }, (_, i) => ({
  ...holder,
  accountNo: String(1000000101 + i),
}))
let nextHousehold = 0
let accountNo = holder.accountNo
let accountPath = ''
beforeEach(() => {
  accountNo = households[nextHousehold++]?.accountNo ?? holder.accountNo
  accountPath = `/api/v1/accounts/${accountNo}`
})

beforeAll(async () => {
  bff = await startBff({
    ports: { customers: new FakeCustomers(households), sms, wechat: new FakeWechat() },
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})
afterAll(async () => {
  await bff.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** An owner bound with the holder proof, and a family member logged in by phone. */
async function ownerAndMember() {
  const owner = await smsLogin(bff.url, sms)
  const bound = await request(bff.url)
    .post('/api/v1/bindings')
    .set(bearer(owner.token))
    .set('idempotency-key', idemKey())
    .send({
      accountNo,
      holderName: holder.holderName,
      phoneLast4: holder.phone.slice(-4),
    })
  expect(bound.status).toBe(201)
  const member = await smsLogin(bff.url, sms)
  return { owner, member }
}

function invite(token: string) {
  return request(bff.url)
    .post(`${accountPath}/family/invites`)
    .set(bearer(token))
    .set('idempotency-key', idemKey())
    .send({})
}

function accept(token: string, code: string, label?: string) {
  return request(bff.url)
    .post('/api/v1/family/accept')
    .set(bearer(token))
    .set('idempotency-key', idemKey())
    .send({ code, ...(label ? { label } : {}) })
}

test('when an owner invites and the member accepts, then the member can use the account and the owner sees them masked', async () => {
  const { owner, member } = await ownerAndMember()
  const inv = await invite(owner.token)
  expect(inv.status).toBe(201)
  expect(inv.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
  expect(inv.body.expiresAt).toMatch(/\+08:00$/)
  expect(inv.body.path).toBe(`/pages/family/index?invite=${inv.body.code}`)

  const joined = await accept(member.token, inv.body.code.toLowerCase(), '父母家')
  expect(joined.status).toBe(201)
  expect(joined.body).toMatchObject({
    accountNo,
    role: 'family',
    label: '父母家',
  })
  expect((await request(bff.url).get(accountPath).set(bearer(member.token))).status).toBe(200)

  const members = await request(bff.url)
    .get(`${accountPath}/family/members`)
    .set(bearer(owner.token))
  expect(members.status).toBe(200)
  expect(members.body.members).toEqual([
    expect.objectContaining({
      role: 'owner',
      isYou: true,
      displayMasked: `${owner.phone.slice(0, 3)}****${owner.phone.slice(-4)}`,
    }),
    expect.objectContaining({
      role: 'family',
      isYou: false,
      displayMasked: `${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`,
    }),
  ])
  expect(JSON.stringify(members.body)).not.toContain(member.phone)
})

test('when an invite was used once, then a second person cannot use it', async () => {
  const { owner, member } = await ownerAndMember()
  const inv = await invite(owner.token)
  expect((await accept(member.token, inv.body.code)).status).toBe(201)
  const stranger = await smsLogin(bff.url, sms)
  const again = await accept(stranger.token, inv.body.code)
  expect(again.status).toBe(404)
  expect(again.body.error.code).toBe('INVITE_INVALID')
  expect(again.body.error.message).toContain('邀请码无效或已过期')
  expect((await request(bff.url).get(accountPath).set(bearer(stranger.token))).status).toBe(403)
})

test('when the invite has expired, then accepting it fails', async () => {
  const shortLived = await startBff({
    ports: { customers: new FakeCustomers(households), sms },
    env: { FAMILY_INVITE_TTL_SECONDS: '1', RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
  try {
    const owner = await smsLogin(shortLived.url, sms)
    await shortLived.bind(owner.userId, accountNo)
    const inv = await request(shortLived.url)
      .post(`${accountPath}/family/invites`)
      .set(bearer(owner.token))
      .set('idempotency-key', idemKey())
      .send({})
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const member = await smsLogin(shortLived.url, sms)
    const late = await request(shortLived.url)
      .post('/api/v1/family/accept')
      .set(bearer(member.token))
      .set('idempotency-key', idemKey())
      .send({ code: inv.body.code })
    expect(late.status).toBe(404)
  } finally {
    await shortLived.close()
  }
})

test('when a family member tries to invite or list members, then 403 says only owners may', async () => {
  const { owner, member } = await ownerAndMember()
  await accept(member.token, (await invite(owner.token)).body.code)
  const inv = await invite(member.token)
  expect(inv.status).toBe(403)
  expect(inv.body.error.code).toBe('OWNER_ONLY')
  expect(inv.body.error.message).toContain('户主信息')
  const list = await request(bff.url).get(`${accountPath}/family/members`).set(bearer(member.token))
  expect(list.status).toBe(403)
})

test('when the owner removes a member, then the member loses the account', async () => {
  const { owner, member } = await ownerAndMember()
  await accept(member.token, (await invite(owner.token)).body.code)
  const members = await request(bff.url)
    .get(`${accountPath}/family/members`)
    .set(bearer(owner.token))
  const target = members.body.members.find((m: { role: string }) => m.role === 'family')
  const del = await request(bff.url)
    .delete(`${accountPath}/family/members/${target.memberId}`)
    .set(bearer(owner.token))
    .set('idempotency-key', idemKey())
  expect(del.status).toBe(200)
  const read = await request(bff.url).get(accountPath).set(bearer(member.token))
  expect(read.status).toBe(403)
  expect(read.body.error.code).toBe('ACCOUNT_NOT_BOUND')
})

test('when the last owner unbinds, then family members lose the account too', async () => {
  const { owner, member } = await ownerAndMember()
  await accept(member.token, (await invite(owner.token)).body.code)
  await request(bff.url)
    .delete(`${accountPath}/binding`)
    .set(bearer(owner.token))
    .set('idempotency-key', idemKey())
  expect((await request(bff.url).get(accountPath).set(bearer(member.token))).status).toBe(403)
})

test('when someone guesses invite codes, then they are locked out after 10 wrong ones', async () => {
  const guesser = await smsLogin(bff.url, sms)
  const statuses: number[] = []
  for (let i = 0; i < 11; i++)
    statuses.push((await accept(guesser.token, `ABCDEF${'23456789ABCDEFGH'[i]}2`)).status)
  expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(404))
  expect(statuses[10]).toBe(429)
})

describe('an invite lasts as long as the owner’s binding it was issued from', () => {
  const unbind = (token: string) =>
    request(bff.url)
      .delete(`${accountPath}/binding`)
      .set(bearer(token))
      .set('idempotency-key', idemKey())
      .expect(200)

  test('when the owner unbinds after inviting, then the invite is refused later', async () => {
    const { owner, member } = await ownerAndMember()
    const code = (await invite(owner.token)).body.code as string
    await unbind(owner.token)
    const late = await accept(member.token, code)
    expect(late.status).toBe(404)
    expect(late.body.error.code).toBe('INVITE_INVALID')
    expect((await request(bff.url).get(accountPath).set(bearer(member.token))).status).toBe(403)
  })

  test('when the owner unbinds and binds again, then an invite from before is still refused', async () => {
    const { owner, member } = await ownerAndMember()
    const code = (await invite(owner.token)).body.code as string
    await unbind(owner.token)
    await bff.bind(owner.userId, accountNo)
    const late = await accept(member.token, code)
    expect(late.status).toBe(404)
    expect(late.body.error.code).toBe('INVITE_INVALID')
    expect((await request(bff.url).get(accountPath).set(bearer(member.token))).status).toBe(403)
    // A new invite from the new binding works.
    expect((await accept(member.token, (await invite(owner.token)).body.code)).status).toBe(201)
  })
})
