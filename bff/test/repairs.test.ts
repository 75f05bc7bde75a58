import { Repair, RepairOptions } from '@gh/shared'
import { CITY, OTHER, startRepairsWorld, type RepairsWorld } from './repairs-fixtures'

let world: RepairsWorld

beforeAll(async () => {
  world = await startRepairsWorld('repairs')
}, 30_000)
afterAll(() => world?.close())

const leak = { kind: 'gas_leak', description: '', phone: '13912345678' }

describe('报修: reporting a fault', () => {
  test('when a resident reports a gas leak without photos, then it is urgent, due within 30 minutes, and says what to do right now', async () => {
    const who = await world.resident(CITY)
    const res = await world.report(who, CITY, leak)
    expect(res.status).toBe(201)
    const repair = Repair.parse(res.body)
    expect(repair).toMatchObject({
      kind: 'gas_leak',
      kindLabel: '燃气泄漏/闻到燃气味',
      urgent: true,
      state: 'submitted',
      stateLabel: '已提交',
      photoIds: [],
      slot: null,
      contactPhoneMasked: '139****5678',
      technician: null,
      escalation: null,
    })
    expect(repair.repairNo).toMatch(/^WO\d{13}$/)
    expect(repair.hint).toContain('关闭燃气总阀')
    expect(Date.parse(repair.acceptanceDueAt) - Date.parse(repair.createdAt)).toBe(30 * 60_000)
    expect(repair.addressMasked).toContain('**')
    expect(repair.timeline).toEqual([
      expect.objectContaining({ type: 'submitted', label: '已提交', at: repair.createdAt }),
    ])
    expect(repair.progress.map((s) => [s.state, s.done])).toEqual([
      ['submitted', true],
      ['accepted', false],
      ['dispatched', false],
      ['on_the_way', false],
      ['arrived', false],
      ['resolved', false],
      ['rated', false],
    ])
  })

  test('when an urgent report names a visit slot or a fault report has no description, then it is refused before anything is made', async () => {
    const who = await world.resident(CITY)
    const before = await world.ordersOf(CITY)
    const withSlot = await world.report(who, CITY, {
      ...leak,
      slot: { date: '2026-11-27', window: 'am' },
    })
    expect(withSlot.status).toBe(400)
    expect(withSlot.body.error.message).toContain('不需要预约时间')
    const bare = await world.report(who, CITY, {
      kind: 'no_heat',
      description: ' ',
      phone: leak.phone,
    })
    expect(bare.status).toBe(400)
    expect(bare.body.error.message).toContain('请描述一下故障情况')
    const tooMany = await world.report(who, CITY, {
      kind: 'no_heat',
      description: '不热',
      photoIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'],
    })
    expect(tooMany.status).toBe(400)
    for (const hidden of ['管道\u0000漏水', '管道\u202e漏水']) {
      const res = await world.report(who, CITY, {
        kind: 'pipe',
        description: hidden,
        phone: leak.phone,
      })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toContain('无法识别的字符')
    }
    expect(await world.ordersOf(CITY)).toBe(before)
  })

  test('when the form opens, then it offers the kinds, the masked address, the caller’s masked phone and the next days’ slots', async () => {
    const who = await world.resident(CITY, { phone: '13800138000' })
    const res = await world
      .api()
      .get(`/api/v1/accounts/${CITY}/repair-options`)
      .set('authorization', `Bearer ${who.token}`)
    expect(res.status).toBe(200)
    const options = RepairOptions.parse(res.body)
    expect(options.kinds.map((k) => k.kind)).toEqual([
      'gas_leak',
      'co_alarm',
      'appliance',
      'meter',
      'pipe',
      'no_heat',
      'heating_leak',
      'other',
    ])
    expect(options.kinds.filter((k) => k.urgent).map((k) => k.kind)).toEqual([
      'gas_leak',
      'co_alarm',
    ])
    expect(options.phoneMasked).toBe('138****8000')
    expect(options.addressMasked).toContain('**')
    expect(options.maxPhotos).toBe(6)
    expect(options.slots).toHaveLength(6)
    expect(options.slots[0]).toMatchObject({ date: '2026-11-27', window: 'am' })
    expect(options.slots[0]?.label).toBe('11月27日 周五 上午 9:00–12:00')
  })

  test('when a heating fault is reported with two photos and a free slot, then the report carries them and the phone of the caller’s login', async () => {
    const who = await world.resident(CITY, { phone: '13700137000' })
    const options = RepairOptions.parse(
      (
        await world
          .api()
          .get(`/api/v1/accounts/${CITY}/repair-options`)
          .set('authorization', `Bearer ${who.token}`)
      ).body,
    )
    const free = options.slots.find((s) => s.available)
    if (!free) throw new Error('the sandbox offers no free slot')
    const photoIds = [await world.photo(who, CITY), await world.photo(who, CITY)]
    const res = await world.report(who, CITY, {
      kind: 'no_heat',
      description: '暖气片上半部分不热',
      photoIds,
      slot: { date: free.date, window: free.window },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      urgent: false,
      photoIds,
      slot: { date: free.date, window: free.window, label: free.label },
      contactPhoneMasked: '137****7000',
      description: '暖气片上半部分不热',
    })
    const full = options.slots.find((s) => !s.available)
    if (!full) throw new Error('the sandbox has no full slot to refuse')
    const refused = await world.report(who, CITY, {
      kind: 'pipe',
      description: '管道接口有水珠',
      slot: { date: full.date, window: full.window },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('REPAIR_SLOT_UNAVAILABLE')
  })

  test('when a report names another account’s photo or one another report used, then it is refused and no work order is made', async () => {
    const who = await world.resident(CITY, { phone: '13500135000' })
    const neighbour = await world.resident(OTHER)
    const theirs = await world.photo(neighbour, OTHER)
    const mine = await world.photo(who, CITY)
    const before = await world.ordersOf(CITY)
    const foreign = await world.report(who, CITY, {
      kind: 'pipe',
      description: '管道漏水',
      photoIds: [mine, theirs],
    })
    expect(foreign.status).toBe(404)
    expect(foreign.body.error.code).toBe('PHOTO_NOT_FOUND')
    expect(await world.ordersOf(CITY)).toBe(before)

    const first = await world.report(who, CITY, {
      kind: 'pipe',
      description: '管道漏水',
      photoIds: [mine],
    })
    expect(first.status).toBe(201)
    const reused = await world.report(who, CITY, {
      kind: 'meter',
      description: '表不走字',
      photoIds: [mine],
    })
    expect(reused.status).toBe(409)
    expect(reused.body.error.code).toBe('PHOTO_ALREADY_USED')
    expect(await world.ordersOf(CITY)).toBe(before + 1)
  })

  test('when two reports race for the same photo, then one work order is made and the other report is refused', async () => {
    const who = await world.resident(CITY, { phone: '13500135001' })
    const photo = await world.photo(who, CITY)
    const before = await world.ordersOf(CITY)
    const answers = await Promise.all(
      ['管道漏水', '管道接口滴水'].map((description) =>
        world.report(who, CITY, { kind: 'pipe', description, photoIds: [photo] }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('PHOTO_ALREADY_USED')
    expect(await world.ordersOf(CITY)).toBe(before + 1)
  })

  test('when the work-order system refuses a report with a photo (a full slot), then the photo is free for the next report', async () => {
    const who = await world.resident(CITY, { phone: '13500135002' })
    const options = RepairOptions.parse(
      (
        await world
          .api()
          .get(`/api/v1/accounts/${CITY}/repair-options`)
          .set('authorization', `Bearer ${who.token}`)
      ).body,
    )
    const full = options.slots.find((s) => !s.available)
    if (!full) throw new Error('the sandbox has no full slot to refuse')
    const photo = await world.photo(who, CITY)
    const body = { kind: 'pipe', description: '管道接口有水珠', photoIds: [photo] }
    const refused = await world.report(who, CITY, {
      ...body,
      slot: { date: full.date, window: full.window },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('REPAIR_SLOT_UNAVAILABLE')
    const next = await world.report(who, CITY, body)
    expect(next.status).toBe(201)
    expect(next.body.photoIds).toEqual([photo])
  })

  test('when the caller has no phone login and gives none, then the report asks for a phone', async () => {
    const who = await world.resident(CITY)
    const res = await world.report(who, CITY, { kind: 'meter', description: '表不走字' })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toContain('请填写联系电话')
  })
})

describe('报修: one report per Idempotency-Key', () => {
  test('when the same report is sent twice with one key, then there is one work order and both answers name it', async () => {
    const who = await world.resident(CITY)
    const before = await world.ordersOf(CITY)
    const pipe = { kind: 'pipe', description: '管道接口滴水', phone: leak.phone }
    const first = await world.report(who, CITY, pipe, 'report-twice-0001')
    const second = await world.report(who, CITY, pipe, 'report-twice-0001')
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.body.repairNo).toBe(first.body.repairNo)
    expect(await world.ordersOf(CITY)).toBe(before + 1)
  })

  test('when the answer of the work-order system is lost and the resident sends again, then the retry answers the order the first attempt made', async () => {
    const who = await world.resident(CITY)
    const photo = await world.photo(who, CITY)
    const body = { kind: 'pipe', description: '管道漏水', phone: leak.phone, photoIds: [photo] }
    const before = await world.ordersOf(CITY)
    world.workorders.loseNextCreate = true
    const lost = await world.report(who, CITY, body, 'report-lost-00001')
    expect(lost.status).toBe(504)
    expect(await world.ordersOf(CITY)).toBe(before + 1)
    const retry = await world.report(who, CITY, body, 'report-lost-00001')
    expect(retry.status).toBe(201)
    expect(retry.body.photoIds).toEqual([photo])
    expect(await world.ordersOf(CITY)).toBe(before + 1)
    const list = await world
      .api()
      .get(`/api/v1/accounts/${CITY}/repairs`)
      .set('authorization', `Bearer ${who.token}`)
    expect(list.body.repairs[0].repairNo).toBe(retry.body.repairNo)
    // The app now follows the order once, whichever attempt made it.
    expect(
      await world.bff.container.repairs.store.find(retry.body.repairNo as string),
    ).toMatchObject({ accountNo: CITY, userId: who.userId })
  })
})

describe('报修: how often', () => {
  test('when one user sends 25 gas leak reports at once, then one work order is made, every accepted answer names it and the rest are told to slow down', async () => {
    const who = await world.resident(OTHER)
    const before = await world.ordersOf(OTHER)
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => world.report(who, OTHER, leak)),
    )
    const accepted = answers.filter((a) => a.status === 201)
    expect(accepted.length).toBeGreaterThan(0)
    expect(new Set(accepted.map((a) => a.body.repairNo)).size).toBe(1)
    const refused = answers.filter((a) => a.status !== 201)
    expect(new Set(refused.map((a) => a.status))).toEqual(new Set(refused.length ? [429] : []))
    expect(await world.ordersOf(OTHER)).toBeLessThanOrEqual(before + 1)
    const again = await world.report(await world.resident(OTHER), OTHER, leak)
    expect(again.status).toBe(201)
    expect(again.body.repairNo).toBe(accepted[0]?.body.repairNo)
  })

  describe('with low hourly limits', () => {
    let limited: RepairsWorld
    beforeAll(async () => {
      limited = await startRepairsWorld('repairs-limits', {
        REPAIR_REPORTS_PER_USER_PER_HOUR: '2',
        REPAIR_REPORTS_PER_ACCOUNT_PER_HOUR: '3',
      })
    }, 30_000)
    afterAll(() => limited?.close())

    test('when a user passes the hourly report limit, then 429 answers in Chinese with the hotline, a replay still answers, and the account’s limit stops its other users', async () => {
      const who = await limited.resident(CITY, { phone: '13600136001' })
      const before = await limited.ordersOf(CITY)
      const meter = { kind: 'meter', description: '表不走字' }
      expect((await limited.report(who, CITY, meter, 'limit-key-00001')).status).toBe(201)
      const replay = await limited.report(who, CITY, meter, 'limit-key-00001')
      expect(replay.status).toBe(201)
      expect(replay.headers['idempotent-replayed']).toBe('true')
      expect((await limited.report(who, CITY, { ...meter, kind: 'pipe' })).status).toBe(201)
      const third = await limited.report(who, CITY, { ...meter, kind: 'other' })
      expect(third.status).toBe(429)
      expect(third.body.error.code).toBe('RATE_LIMITED')
      expect(third.body.error.message).toMatch(/^报修次数太多，紧急情况请拨打 \S+，请于/)

      const family = await limited.resident(CITY, { phone: '13600136002' })
      expect((await limited.report(family, CITY, meter)).status).toBe(201)
      const over = await limited.report(family, CITY, { ...meter, kind: 'pipe' })
      expect(over.status).toBe(429)
      expect(await limited.ordersOf(CITY)).toBe(before + 3)
    })
  })
})

describe('报修: only the account’s users', () => {
  test('when a second user asks for or acts on another account’s repair, then 403 through that account and 404 through their own', async () => {
    const owner = await world.resident(CITY)
    const repairNo = (await world.report(owner, CITY, leak)).body.repairNo as string
    const stranger = await world.resident(OTHER)
    const viaTheirAccount = await world.read(stranger, CITY, repairNo)
    expect(viaTheirAccount.status).toBe(403)
    expect(viaTheirAccount.body.error.code).toBe('ACCOUNT_NOT_BOUND')
    const urgeThere = await world.act(stranger, CITY, repairNo, 'urge')
    expect(urgeThere.status).toBe(403)
    const viaOwn = await world.read(stranger, OTHER, repairNo)
    expect(viaOwn.status).toBe(404)
    expect(viaOwn.body.error.code).toBe('REPAIR_NOT_FOUND')
    for (const [action, body] of [
      ['urge', {}],
      ['rating', { stars: 1 }],
      ['reopen', { reason: '乱报' }],
    ] as const) {
      const res = await world.act(stranger, OTHER, repairNo, action, body)
      expect([action, res.status, res.body.error?.code]).toEqual([action, 404, 'REPAIR_NOT_FOUND'])
    }
    const theirs = await world
      .api()
      .get(`/api/v1/accounts/${OTHER}/repairs`)
      .set('authorization', `Bearer ${stranger.token}`)
    expect(theirs.status).toBe(200)
    expect((theirs.body.repairs as { repairNo: string }[]).map((r) => r.repairNo)).not.toContain(
      repairNo,
    )
  })

  test('when the account’s repairs are listed, then every report of the account is there, newest first', async () => {
    const who = await world.resident(CITY, { phone: '13600136000' })
    const older = (await world.report(who, CITY, { kind: 'meter', description: '表不走字' })).body
    const newer = (await world.report(who, CITY, { kind: 'pipe', description: '管道有锈' })).body
    const res = await world
      .api()
      .get(`/api/v1/accounts/${CITY}/repairs`)
      .set('authorization', `Bearer ${who.token}`)
    const numbers = (res.body.repairs as { repairNo: string }[]).map((r) => r.repairNo)
    expect(numbers.indexOf(newer.repairNo as string)).toBeLessThan(
      numbers.indexOf(older.repairNo as string),
    )
    expect(numbers).toHaveLength(await world.ordersOf(CITY))
  })
})
