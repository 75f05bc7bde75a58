import { randomUUID } from 'node:crypto'
import type { OrderState } from '@gh/shared'
import type { DataSource } from 'typeorm'
import { OrderTransitionRow } from '../src/payments/order-entity'
import { OrderRepository, type NewOrder } from '../src/payments/order-repository'
import { IllegalTransition } from '../src/payments/order-state'
import { newOutTradeNo } from '../src/payments/out-trade-no'
import { entities } from '../src/composition/entities'
import { openDatabase } from '../src/platform/db/data-source'
import { freshPostgres } from './harness'

function newOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  const now = new Date()
  return {
    id: randomUUID(),
    outTradeNo: newOutTradeNo(now),
    userId: randomUUID(),
    idempotencyKey: `key-${randomUUID()}`,
    accountNo: '1000000001',
    accountKind: 'iot_prepaid',
    purpose: 'recharge',
    channel: 'h5',
    provider: 'wechatpay',
    amountFen: 10000,
    toArrearsFen: 0,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 900_000),
    ...overrides,
  }
}

describe.each([['sqlite'], ['postgres']])('payment orders on %s', (kind) => {
  let db: DataSource
  let orders: OrderRepository

  beforeAll(async () => {
    db = await openDatabase(
      kind === 'sqlite'
        ? { type: 'sqlite', file: ':memory:' }
        : { type: 'postgres', url: await freshPostgres() },
      entities,
    )
    orders = new OrderRepository(db, () => new Date())
  })
  afterAll(() => db.destroy())

  test('when ten callers make the same transition at once, then exactly one wins and one row records it', async () => {
    const order = await orders.create(newOrder())
    await orders.transition(order.id, 'CREATED', 'PAYING', 'provider_order')
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        orders.transition(order.id, 'PAYING', 'PAID', 'paid_notify'),
      ),
    )
    expect(results.filter((r) => r.won)).toHaveLength(1)
    expect(results.every((r) => r.order.state === 'PAID')).toBe(true)
    const rows = await db.getRepository(OrderTransitionRow).findBy({ orderId: order.id })
    expect(rows.map((r) => r.toState).sort()).toEqual(['CREATED', 'PAID', 'PAYING'])
    expect((await orders.get(order.id)).version).toBe(2)
  })

  test('when a transition is not in the state graph, then it is refused before touching the row', async () => {
    const order = await orders.create(newOrder())
    await expect(orders.transition(order.id, 'CREATED', 'CREDITED', 'x')).rejects.toThrow(
      IllegalTransition,
    )
    expect((await orders.get(order.id)).state).toBe('CREATED')
  })

  test('when the same user and Idempotency-Key create twice, then the first order is returned', async () => {
    const first = await orders.create(newOrder())
    const again = await orders.create(
      newOrder({ userId: first.userId, idempotencyKey: first.idempotencyKey }),
    )
    expect(again.id).toBe(first.id)
  })

  test('when the database is written directly, then out_trade_no and (order, state) stay unique', async () => {
    const first = await orders.create(newOrder())
    await expect(orders.create(newOrder({ outTradeNo: first.outTradeNo }))).rejects.toThrow()
    await expect(
      db.getRepository(OrderTransitionRow).insert({
        id: randomUUID(),
        orderId: first.id,
        fromState: null,
        toState: 'CREATED',
        cause: 'again',
        at: new Date(),
      }),
    ).rejects.toThrow()
  })

  test('when today’s committed top-ups are summed, then closed and refunded orders do not count', async () => {
    const accountNo = kind === 'sqlite' ? '1000000101' : '1000000102'
    const since = new Date(Date.now() - 60_000)
    const kept = await orders.create(newOrder({ accountNo, amountFen: 5000 }))
    const closed = await orders.create(newOrder({ accountNo, amountFen: 7000 }))
    await orders.create(
      newOrder({ accountNo, amountFen: 9000, createdAt: new Date(Date.now() - 3_600_000) }),
    )
    await orders.transition(closed.id, 'CREATED', 'CLOSED', 'expired')
    expect(await orders.committedSince(accountNo, since)).toBe(kept.amountFen)
  })
  test('when an account’s standing is read, then only what can still be paid or holds money counts, the same on both databases', async () => {
    const accountNo = kind === 'sqlite' ? '1000000111' : '1000000112'
    const now = Date.now()
    const since = new Date(now - 60_000)
    const at = (ms: number) => new Date(now + ms)
    const order = (o: Partial<NewOrder>) => orders.create(newOrder({ accountNo, ...o }))
    const move = async (id: string, ...states: OrderState[]) => {
      let from: OrderState = 'CREATED'
      for (const to of states) {
        await orders.transition(id, from, to, 'test')
        from = to
      }
    }
    await order({ amountFen: 1000 })
    const paying = await order({ amountFen: 2000 })
    await move(paying.id, 'PAYING')
    await order({ amountFen: 4000, expiresAt: at(-1_000) })
    const expiredPaying = await order({ amountFen: 8000, expiresAt: at(-1_000) })
    await move(expiredPaying.id, 'PAYING')
    const paid = await order({ amountFen: 16000, expiresAt: at(-1_000) })
    await move(paid.id, 'PAYING', 'PAID', 'CREDITING', 'CREDITED')
    const closed = await order({ amountFen: 32000 })
    await move(closed.id, 'CLOSED')
    const refunded = await order({ amountFen: 64000 })
    await move(refunded.id, 'PAID', 'CREDIT_FAILED', 'REFUNDING', 'REFUNDED')
    await order({ amountFen: 128000, createdAt: at(-3_600_000), expiresAt: at(-2_700_000) })
    await order({ purpose: 'bill', amountFen: 256000 })
    const onCard = await order({ accountKind: 'ic_prepaid', amountFen: 512000 })
    await move(onCard.id, 'PAID', 'CREDITING', 'CREDITED', 'AWAITING_CARD_WRITE')
    const written = await order({ accountKind: 'ic_prepaid', amountFen: 1024000 })
    await move(written.id, 'PAID', 'CREDITING', 'CREDITED', 'AWAITING_CARD_WRITE', 'CARD_WRITTEN')
    const oldOnCard = await order({
      accountKind: 'ic_prepaid',
      amountFen: 2048000,
      createdAt: at(-86_400_000 * 3),
      expiresAt: at(-86_400_000 * 3 + 900_000),
    })
    await move(oldOnCard.id, 'PAID', 'CREDITING', 'CREDITED', 'AWAITING_CARD_WRITE')

    expect(await orders.standing(accountNo, since)).toEqual({
      committedFen: 1000 + 2000 + 16000 + 512000 + 1024000,
      openOrders: 3,
      awaitingCardWrite: 2,
    })
    expect(await orders.committedSince(accountNo, since)).toBe(
      1000 + 2000 + 16000 + 512000 + 1024000,
    )
  })

  test('when a transition carries a patch, then the returned order, a fresh read and the timeline agree', async () => {
    // A clock that moves 1 ms per step, so the timeline's order is the order of the steps.
    let tick = Date.now() + 60_000
    const orders = new OrderRepository(db, () => new Date(++tick))
    const order = await orders.create(newOrder())
    await orders.transition(order.id, 'CREATED', 'PAYING', 'provider_order', {
      clientParams: '{"kind":"h5"}',
    })
    const paidAt = new Date('2026-11-26T02:03:04.005Z')
    const moved = await orders.transition(order.id, 'PAYING', 'PAID', 'paid_notify', {
      transactionId: 'wx-1',
      paidFen: 9999,
      paidAt,
    })
    expect(moved.won).toBe(true)
    expect(moved.order).toEqual(await orders.get(order.id))
    expect(moved.order).toMatchObject({
      state: 'PAID',
      version: 2,
      clientParams: '{"kind":"h5"}',
      transactionId: 'wx-1',
      paidFen: 9999,
      paidAt,
      refundNo: null,
      createdAt: order.createdAt,
      expiresAt: order.expiresAt,
    })
    expect(await orders.findByKey(order.userId, order.idempotencyKey)).toEqual(moved.order)
    const timeline = await orders.transitionsOf([order.id])
    expect(timeline.map((t) => [t.fromState, t.toState, t.cause])).toEqual([
      [null, 'CREATED', 'created'],
      ['CREATED', 'PAYING', 'provider_order'],
      ['PAYING', 'PAID', 'paid_notify'],
    ])
    expect(timeline.every((t) => t.at instanceof Date && !Number.isNaN(t.at.getTime()))).toBe(true)
    // The view of the moved row reads the same timeline (on PostgreSQL it came with the row).
    expect(await orders.timelineOf(moved.order)).toEqual(timeline)
  })

  test('when a step is learnt of after it happened, then the timeline carries when it happened', async () => {
    const order = await orders.create(newOrder({ accountKind: 'ic_prepaid' }))
    for (const [from, to] of [
      ['CREATED', 'PAID'],
      ['PAID', 'CREDITING'],
      ['CREDITING', 'CREDITED'],
      ['CREDITED', 'AWAITING_CARD_WRITE'],
    ] as const)
      await orders.transition(order.id, from, to, 'test')
    const writtenAt = new Date(Date.now() - 7 * 60_000)
    const before = Date.now()
    const moved = await orders.transition(
      order.id,
      'AWAITING_CARD_WRITE',
      'CARD_WRITTEN',
      'card_written',
      {},
      writtenAt,
    )
    const written = (timeline: { toState: string; at: Date }[]) =>
      timeline.find((t) => t.toState === 'CARD_WRITTEN')?.at
    expect(written(await orders.timelineOf(moved.order))).toEqual(writtenAt)
    expect(written(await orders.transitionsOf([order.id]))).toEqual(writtenAt)
    expect(moved.order.updatedAt.getTime()).toBeGreaterThanOrEqual(before)
  })

  test('when a transition loses the race, then it reports the state the winner left', async () => {
    const order = await orders.create(newOrder())
    await orders.transition(order.id, 'CREATED', 'CLOSED', 'expired')
    const late = await orders.transition(order.id, 'CREATED', 'PAYING', 'provider_order', {
      clientParams: '{}',
    })
    expect(late).toMatchObject({ won: false, order: { state: 'CLOSED', clientParams: null } })
  })

  test('when callers on two repository instances of one database make the same transition at once, then exactly one wins', async () => {
    const other = new OrderRepository(db, () => new Date())
    const order = await orders.create(newOrder())
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? orders : other).transition(order.id, 'CREATED', 'PAYING', 'provider_order'),
      ),
    )
    expect(results.filter((r) => r.won)).toHaveLength(1)
    expect((await other.transitionsOf([order.id])).map((t) => t.toState)).toEqual([
      'CREATED',
      'PAYING',
    ])
  })

  test('when another transaction on the database is rolled back meanwhile, then a created order and its move stay', async () => {
    let entered!: () => void
    let release!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const held = db
      .transaction(async (tx) => {
        await tx.query('SELECT 1')
        entered()
        await new Promise<void>((resolve) => (release = resolve))
        throw new Error('rolled back on purpose')
      })
      .catch(() => undefined)
    await inside
    const created = orders
      .create(newOrder())
      .then((o) => orders.transition(o.id, 'CREATED', 'PAYING', 'provider_order'))
    // The order is written while the other transaction is open (not merely some time has passed:
    // a busy machine may not have got that far). PostgreSQL writes it on another connection and
    // so finishes; on SQLite's one connection the write waits until that transaction has ended.
    if (kind === 'postgres') await created
    release()
    await held
    const { order } = await created
    expect((await orders.find(order.id))?.state).toBe('PAYING')
    expect(await orders.transitionsOf([order.id])).toHaveLength(2)
  })

  test('when an order is looked up by id, out_trade_no or account, then only the matching one is found', async () => {
    const order = await orders.create(newOrder({ accountNo: '1000000121' }))
    expect(await orders.find(order.id)).toEqual(order)
    expect(await orders.findByOutTradeNo(order.outTradeNo)).toEqual(order)
    expect(await orders.findForAccount('1000000121', order.outTradeNo)).toEqual(order)
    expect(await orders.findForAccount('1000000122', order.outTradeNo)).toBeNull()
    expect(await orders.find(randomUUID())).toBeNull()
    expect(await orders.findByOutTradeNo(newOutTradeNo(new Date()))).toBeNull()
    expect(await orders.findByKey(order.userId, 'another-key')).toBeNull()
    await expect(orders.get(randomUUID())).rejects.toThrow()
  })

  test('when an account’s orders are listed, then its newest of that purpose come first, as many as asked', async () => {
    const accountNo = kind === 'sqlite' ? '1000000131' : '1000000132'
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 1, minutes))
    const made = []
    for (const minutes of [1, 2, 3])
      made.push(await orders.create(newOrder({ accountNo, createdAt: at(minutes) })))
    await orders.create(newOrder({ accountNo, purpose: 'bill', createdAt: at(4) }))
    await orders.create(newOrder({ accountNo: '1000000133', createdAt: at(5) }))
    const listed = await orders.listForAccount(accountNo, 'recharge', 2)
    expect(listed.map((o) => o.id)).toEqual([made[2]?.id, made[1]?.id])
    expect(listed[0]).toEqual(made[2])
    expect((await orders.listForAccount(accountNo, 'bill', 10)).map((o) => o.purpose)).toEqual([
      'bill',
    ])
  })

  test('when an order advances, then it takes the edge from its current state, once', async () => {
    const order = await orders.create(newOrder())
    const paid = await orders.advance(order.id, 'PAID', 'paid_query', { transactionId: 'wx-9' })
    expect(paid).toMatchObject({ won: true, order: { state: 'PAID', transactionId: 'wx-9' } })
    expect((await orders.advance(order.id, 'PAID', 'paid_query')).won).toBe(false)
    const refused = await orders.advance(order.id, 'CARD_WRITTEN', 'card_written')
    expect(refused).toMatchObject({ won: false, order: { state: 'PAID', version: 1 } })
  })

  test('when the sweep asks for stale orders, then it gets those in the asked states untouched since then, oldest first', async () => {
    let clock = new Date('2001-01-01T00:00:00.000Z')
    const old = new OrderRepository(db, () => clock)
    const at = (minutes: number) => new Date(Date.UTC(2001, 0, 1, 0, minutes))
    const created = await old.create(newOrder({ createdAt: at(1) }))
    const paying = await old.create(newOrder({ createdAt: at(2) }))
    clock = at(3)
    await old.transition(paying.id, 'CREATED', 'PAYING', 'provider_order')
    const closed = await old.create(newOrder({ createdAt: at(4) }))
    await old.transition(closed.id, 'CREATED', 'CLOSED', 'expired')
    await old.create(newOrder({ createdAt: at(30) }))
    const before = at(20)

    const stale = await old.stale(['CREATED', 'PAYING'], before)
    expect(stale.map((o) => [o.id, o.state])).toEqual([
      [created.id, 'CREATED'],
      [paying.id, 'PAYING'],
    ])
    expect((await old.stale(['CREATED', 'PAYING'], before, 1)).map((o) => o.id)).toEqual([
      created.id,
    ])
    expect(await old.stale([], before)).toEqual([])
  })

  test('when the timelines of several orders are read, then each step comes once, oldest first', async () => {
    let tick = Date.now() + 120_000
    const repo = new OrderRepository(db, () => new Date(++tick))
    const a = await repo.create(newOrder({ createdAt: new Date(++tick) }))
    const b = await repo.create(newOrder({ createdAt: new Date(++tick) }))
    await repo.transition(a.id, 'CREATED', 'PAYING', 'provider_order')
    await repo.transition(b.id, 'CREATED', 'CLOSED', 'expired')
    const steps = await repo.transitionsOf([a.id, b.id])
    expect(steps.map((t) => [t.orderId, t.toState])).toEqual([
      [a.id, 'CREATED'],
      [b.id, 'CREATED'],
      [a.id, 'PAYING'],
      [b.id, 'CLOSED'],
    ])
    expect(await repo.transitionsOf([])).toEqual([])
  })
})
