import request from 'supertest'
import { AccountChange, AccountChanges, ErrorEnvelope, MessageList } from '@gh/shared'
import { randomNamespace } from './auth-fakes'
import { startCoreSandbox, type CoreSandbox } from './core-sandbox'
import { startBff, type TestBff } from './harness'
import { phoneJpeg } from './photo-helpers'

/**
 * 过户 / 销户 / 信息变更 through the BFF, the real CIS adapter and the core sandbox, its clock
 * pinned and moved past the review: who can still open the account after a decision, what a
 * 销户 settles, and the results (with a heating 报停's) in the residents' inboxes.
 */
jest.setTimeout(60_000)

const HOLDER = '1000000003' // 张伟, postpaid gas, phone …0003: nothing owed
const PREPAID = '1000000001' // 王建国, IoT prepaid meter with credit
const UPDATING = '1000000002' // 李秀英, IC-card prepaid, phone …0002
const IN_ARREARS = '1000000005' // 陈静, overdue gas bills
const HEATING = '1000000004' // 刘洋, heating

let core: CoreSandbox
let bff: TestBff

beforeAll(async () => {
  core = await startCoreSandbox('account-changes')
  // Its own limit counters: wrong proofs from other runs on one Redis must not lock its names.
  bff = await startBff({
    upstreamUrl: core.url,
    now: core.now,
    env: { RATE_LIMIT_NAMESPACE: randomNamespace() },
  })
})

afterAll(async () => {
  await bff.close()
  await core.close()
})

let keys = 0
const newKey = () => `chg-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 8)}`

async function setClock(iso: string): Promise<void> {
  await request(core.url).post('/sandbox/clock').send({ set: iso }).expect(200)
}

async function resident(accountNo?: string): Promise<{ token: string; userId: string }> {
  const who = await bff.login()
  if (accountNo) await bff.bind(who.userId, accountNo)
  return who
}

const get = (token: string, path: string) =>
  request(bff.url).get(`/api/v1${path}`).set('authorization', `Bearer ${token}`)

const post = (token: string, path: string, body: object, key = newKey()) =>
  request(bff.url)
    .post(`/api/v1${path}`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', key)
    .send(body)

async function uploadPhoto(token: string, accountNo: string): Promise<string> {
  const res = await request(bff.url)
    .post(`/api/v1/accounts/${accountNo}/repair-photos`)
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', newKey())
    .attach('file', await phoneJpeg(), { filename: 'doc.jpg', contentType: 'image/jpeg' })
  expect(res.status).toBe(201)
  return (res.body as { photoId: string }).photoId
}

async function inboxTitles(token: string): Promise<string[]> {
  const res = await get(token, '/messages')
  expect(res.status).toBe(200)
  return MessageList.parse(res.body).messages.map((m) => m.title)
}

/** The sync job's run, as the scheduler would make it once the review is over. */
const runSync = () => bff.container.accountChanges.service.runOnce()

test('when 报停 is taken, then its result reaches the applicant’s inbox', async () => {
  await setClock('2026-10-31T12:00:00+08:00')
  const applicant = await resident(HEATING)
  const res = await post(applicant.token, `/accounts/${HEATING}/heating/stops`, {
    kind: 'stop',
    seasonYear: 2026,
    expectedFeeFen: 67_415,
  })
  expect(res.status).toBe(201)
  expect(await inboxTitles(applicant.token)).toContain('报停：已受理')
})

test('when a 过户 is approved, then the old holder gets the same refusal as a stranger, the new holder binds with their own proof, and the old holder is told', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const old = await resident(HOLDER)
  const stranger = await resident()
  const property = await uploadPhoto(old.token, HOLDER)
  const idCard = await uploadPhoto(old.token, HOLDER)

  const key = newKey()
  const body = {
    kind: 'transfer',
    newHolder: { name: '钱多多', idNumber: '130102198503151235', phone: '13912345678' },
    documents: [
      { kind: 'property', photoId: property },
      { kind: 'id_card', photoId: idCard },
    ],
  }
  const res = await post(old.token, `/accounts/${HOLDER}/changes`, body, key)
  expect(res.status).toBe(201)
  const submitted = AccountChange.parse(res.body)
  expect(submitted).toMatchObject({
    kind: 'transfer',
    kindLabel: '过户',
    status: 'submitted',
    detail: '新户主 钱**，手机 139****5678',
    documents: { count: 2, text: '已上传 2 张' },
  })
  // The documents are never shown back: no photo ids, no links, no ID number.
  const text = JSON.stringify(res.body)
  for (const secret of [property, idCard, 'repair-photos', '130102198503151235']) {
    expect(text).not.toContain(secret)
  }
  const again = await post(old.token, `/accounts/${HOLDER}/changes`, body, key)
  expect(AccountChange.parse(again.body).changeId).toBe(submitted.changeId)

  const pending = AccountChanges.parse((await get(old.token, `/accounts/${HOLDER}/changes`)).body)
  expect(pending).toMatchObject({ canApply: false, changes: [{ status: 'submitted' }] })

  // A day later the clerk has approved it; the sync job applies it before anyone reads it.
  await setClock('2026-11-27T11:00:00+08:00')
  await runSync()

  const oldRes = await get(old.token, `/accounts/${HOLDER}/changes`)
  const strangerRes = await get(stranger.token, `/accounts/${HOLDER}/changes`)
  expect(oldRes.status).toBe(403)
  expect(oldRes.status).toBe(strangerRes.status)
  const oldError = ErrorEnvelope.parse(oldRes.body).error
  const strangerError = ErrorEnvelope.parse(strangerRes.body).error
  expect(oldError.code).toBe('ACCOUNT_NOT_BOUND')
  expect(oldError.message).toBe(strangerError.message)
  expect((await get(old.token, `/accounts/${HOLDER}/bills`)).status).toBe(403)

  const oldProof = await post(old.token, '/bindings', {
    accountNo: HOLDER,
    holderName: '张伟',
    phoneLast4: '0003',
  })
  expect(ErrorEnvelope.parse(oldProof.body).error.code).toBe('BINDING_PROOF_MISMATCH')

  const newHolder = await resident()
  const bound = await post(newHolder.token, '/bindings', {
    accountNo: HOLDER,
    holderName: '钱多多',
    phoneLast4: '5678',
  })
  expect([200, 201]).toContain(bound.status)
  const seen = AccountChanges.parse(
    (await get(newHolder.token, `/accounts/${HOLDER}/changes`)).body,
  )
  expect(seen.changes[0]).toMatchObject({ status: 'approved', statusLabel: '已办结' })
  // Reading the decision again (or the job running again) takes nobody's new binding away.
  await runSync()
  expect((await get(newHolder.token, `/accounts/${HOLDER}/changes`)).status).toBe(200)

  expect(await inboxTitles(old.token)).toContain('过户：已办结')
})

test('when 销户 is asked for with bills overdue, then it is refused with the amount owed', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const holder = await resident(IN_ARREARS)
  const res = await post(holder.token, `/accounts/${IN_ARREARS}/changes`, {
    kind: 'close',
    documents: [{ kind: 'id_card', photoId: 'not-uploaded-yet' }],
  })
  expect(res.status).toBe(422)
  const { error } = ErrorEnvelope.parse(res.body)
  expect(error.code).toBe('ACCOUNT_CHANGE_UNPAID')
  expect(error.message).toMatch(/^该户还有\d+\.\d{2}元费用未缴清，请先缴清再办理销户$/)
  const list = AccountChanges.parse(
    (await get(holder.token, `/accounts/${IN_ARREARS}/changes`)).body,
  )
  expect(list.changes).toEqual([])
})

test('when a 销户 of a prepaid meter is approved, then the credit left is refunded and every binding of the account closes', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const holder = await resident(PREPAID)
  const family = await resident(PREPAID)
  const idCard = await uploadPhoto(holder.token, PREPAID)
  const res = await post(holder.token, `/accounts/${PREPAID}/changes`, {
    kind: 'close',
    documents: [{ kind: 'id_card', photoId: idCard }],
  })
  expect(res.status).toBe(201)
  const { changeId } = AccountChange.parse(res.body)

  // The clerk decides at once through the sandbox's desk.
  await request(core.url)
    .post(`/sandbox/customers/changes/${changeId}/decision`)
    .send({ approve: true })
    .expect(200)
  const decided = AccountChanges.parse(
    (await get(family.token, `/accounts/${PREPAID}/changes`)).body,
  )
  const [closed] = decided.changes
  expect(closed?.status).toBe('approved')
  expect(closed?.refundFen).toBeGreaterThan(0)
  expect(closed?.result).toContain('将原路退还')

  for (const who of [holder, family]) {
    const after = await get(who.token, `/accounts/${PREPAID}/changes`)
    expect(ErrorEnvelope.parse(after.body).error.code).toBe('ACCOUNT_NOT_BOUND')
  }
  const rebind = await post(holder.token, '/bindings', {
    accountNo: PREPAID,
    holderName: '王建国',
    phoneLast4: '0001',
  })
  expect(ErrorEnvelope.parse(rebind.body).error.code).toBe('BINDING_PROOF_MISMATCH')
  // The meter holds nothing any more: what was on it went back as the refund.
  expect((await bff.container.ports.billing.summary(PREPAID))?.balanceFen).toBe(0)
})

test('when a 信息变更 of the phone is approved, then the holder binds with the new number and no longer with the old one', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const holder = await resident(UPDATING)
  const res = await post(holder.token, `/accounts/${UPDATING}/changes`, {
    kind: 'update',
    phone: '13955556789',
    documents: [],
  })
  expect(res.status).toBe(201)
  expect(AccountChange.parse(res.body)).toMatchObject({
    detail: '联系电话改为 139****6789',
    documents: { text: '未上传证件照片' },
  })

  await setClock('2026-11-27T11:00:00+08:00')
  await runSync()
  const list = AccountChanges.parse((await get(holder.token, `/accounts/${UPDATING}/changes`)).body)
  expect(list).toMatchObject({ canApply: true, changes: [{ status: 'approved' }] })
  expect(await inboxTitles(holder.token)).toContain('信息变更：已办结')

  const other = await resident()
  const oldNumber = await post(other.token, '/bindings', {
    accountNo: UPDATING,
    holderName: '李秀英',
    phoneLast4: '0002',
  })
  expect(ErrorEnvelope.parse(oldNumber.body).error.code).toBe('BINDING_PROOF_MISMATCH')
  const newNumber = await post(other.token, '/bindings', {
    accountNo: UPDATING,
    holderName: '李秀英',
    phoneLast4: '6789',
  })
  expect([200, 201]).toContain(newNumber.status)
})

test('when a family invite, an agent link and a pay card made before a 过户 are used after its approval, then each is refused and nobody is let into the account', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const accountNo = '1000000010' // 周明, postpaid gas
  const old = await resident(accountNo)
  const invited = await post(old.token, `/accounts/${accountNo}/family/invites`, {})
  expect(invited.status).toBe(201)
  const { code } = invited.body as { code: string }
  const card = await post(old.token, `/accounts/${accountNo}/pay-shares`, {
    purpose: 'recharge',
    amountFen: 10_000,
  })
  expect(card.status).toBe(201)
  const cardToken = (card.body as { token: string }).token
  const link = await bff.container.agentLinks.issue({
    accountNo,
    page: 'bills',
    agentName: '客服 0231',
    ttlHours: 72,
  })
  const res = await post(old.token, `/accounts/${accountNo}/changes`, {
    kind: 'transfer',
    newHolder: { name: '钱多多', idNumber: '130102198503151235', phone: '13912345678' },
    documents: [
      { kind: 'property', photoId: await uploadPhoto(old.token, accountNo) },
      { kind: 'id_card', photoId: await uploadPhoto(old.token, accountNo) },
    ],
  })
  expect(res.status).toBe(201)
  const { changeId } = AccountChange.parse(res.body)
  // Approved at the desk; nothing here has seen the decision yet (no sync run, no read).
  await request(core.url)
    .post(`/sandbox/customers/changes/${changeId}/decision`)
    .send({ approve: true })
    .expect(200)

  const relative = await resident()
  const accepted = await post(relative.token, '/family/accept', { code })
  expect(accepted.status).toBe(404)
  const refusal = ErrorEnvelope.parse(accepted.body).error
  expect(refusal.code).toBe('INVITE_INVALID')
  expect(refusal.message).toBe(
    '该户号已办理过户或销户，之前的家人邀请已失效，请联系现在的户主重新邀请',
  )
  expect((await get(relative.token, `/accounts/${accountNo}/bills`)).status).toBe(403)
  expect((await get(old.token, `/accounts/${accountNo}/bills`)).status).toBe(403)

  const byLink = await resident()
  const redeemed = await post(byLink.token, `/agent-links/${link.token}/redeem`, {})
  expect(ErrorEnvelope.parse(redeemed.body).error.message).toBe('链接已失效，请联系客服重新发送')
  expect((await get(byLink.token, `/accounts/${accountNo}/bills`)).status).toBe(403)

  // The old holder's card shows nothing of the new holder's account and pays nothing into it.
  const cardView = await get(relative.token, `/pay-shares/${cardToken}`)
  expect(cardView.status).toBe(404)
  expect(ErrorEnvelope.parse(cardView.body).error.message).toBe('代缴链接已失效，请让家人重新分享')
  const paid = await post(relative.token, `/pay-shares/${cardToken}/orders`, {
    amountFen: 10_000,
    channel: 'wechat',
  })
  expect(paid.status).toBe(404)
})

test('when a pay card is opened after a 过户 nobody here has seen yet, then it is already gone', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const accountNo = '1000000011' // 马玉山, IC-card prepaid
  const old = await resident(accountNo)
  const card = await post(old.token, `/accounts/${accountNo}/pay-shares`, {
    purpose: 'recharge',
    amountFen: 10_000,
  })
  expect(card.status).toBe(201)
  const res = await post(old.token, `/accounts/${accountNo}/changes`, {
    kind: 'transfer',
    newHolder: { name: '钱多多', idNumber: '130102198503151235', phone: '13912345678' },
    documents: [
      { kind: 'property', photoId: await uploadPhoto(old.token, accountNo) },
      { kind: 'id_card', photoId: await uploadPhoto(old.token, accountNo) },
    ],
  })
  expect(res.status).toBe(201)
  await setClock('2026-11-27T11:00:00+08:00')
  const payer = await resident()
  const view = await get(payer.token, `/pay-shares/${(card.body as { token: string }).token}`)
  expect(view.status).toBe(404)
  expect((await get(old.token, `/accounts/${accountNo}/bills`)).status).toBe(403)
})

test('when a photo is claimed as a document of a change, then nobody gets it back, while a repair’s photo is still served', async () => {
  await setClock('2026-11-26T10:00:00+08:00')
  const accountNo = '1000000007' // 孙桂兰
  const holder = await resident(accountNo)
  const document = await uploadPhoto(holder.token, accountNo)
  const repairPhoto = await uploadPhoto(holder.token, accountNo)
  expect((await get(holder.token, `/accounts/${accountNo}/repair-photos/${document}`)).status).toBe(
    200,
  )
  const res = await post(holder.token, `/accounts/${accountNo}/changes`, {
    kind: 'update',
    mailingAddress: '石家庄市长安区建设北大街12号',
    documents: [{ kind: 'id_card', photoId: document }],
  })
  expect(res.status).toBe(201)
  await bff.container.repairPhotos.claim(accountNo, [repairPhoto], 'R20261126000001')

  const unknown = await get(
    holder.token,
    `/accounts/${accountNo}/repair-photos/AAAAAAAAAAAAAAAAAAAAAA`,
  )
  expect(unknown.status).toBe(404)
  for (const path of [
    `/accounts/${accountNo}/repair-photos/${document}`,
    `/accounts/${accountNo}/repair-photos/${document}?size=thumb`,
  ]) {
    const refused = await get(holder.token, path)
    expect(refused.status).toBe(404)
    const { code, message } = ErrorEnvelope.parse(refused.body).error
    expect({ code, message }).toEqual({
      code: ErrorEnvelope.parse(unknown.body).error.code,
      message: ErrorEnvelope.parse(unknown.body).error.message,
    })
  }
  const served = await get(holder.token, `/accounts/${accountNo}/repair-photos/${repairPhoto}`)
  expect(served.status).toBe(200)
  expect(served.headers['content-type']).toBe('image/jpeg')
})
