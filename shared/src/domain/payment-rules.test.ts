import fc from 'fast-check'
import {
  decidePayment,
  paymentOptions,
  RECHARGE_PRESETS_FEN,
  type PayableAccount,
  type PayableAccountKind,
} from './payment-rules'
import { defaultResidentialTariff } from './tariff'

const iot: PayableAccount = {
  kind: 'iot_prepaid',
  status: 'active',
  owedFen: 0,
  balanceFen: 3000,
  limits: { minPerOrderFen: 1000, maxPerOrderFen: 100000, maxPerDayFen: 200000 },
  usage: { dailyDm3: 1500, ytdDm3: 100_000, basis: '按近30天日均 1.5 m³ 估算' },
  tariff: defaultResidentialTariff,
}

const kinds: PayableAccountKind[] = ['iot_prepaid', 'ic_prepaid', 'postpaid_gas', 'heating']

const account: fc.Arbitrary<PayableAccount> = fc
  .record({
    kind: fc.constantFrom(...kinds),
    status: fc.constantFrom('active' as const, 'arrears' as const, 'suspended' as const),
    owedFen: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000 })),
    balanceFen: fc.option(fc.integer({ min: -5000, max: 200_000 })),
    min: fc.integer({ min: 1, max: 5000 }),
    span: fc.integer({ min: 0, max: 200_000 }),
    perDay: fc.integer({ min: 1, max: 1_000_000 }),
    usage: fc.option(
      fc.record({
        dailyDm3: fc.integer({ min: 0, max: 10_000 }),
        ytdDm3: fc.integer({ min: 0, max: 800_000 }),
        basis: fc.constant('按近30天日均用量估算'),
      }),
    ),
  })
  .map(({ min, span, perDay, ...a }) => ({
    ...a,
    limits: { minPerOrderFen: min, maxPerOrderFen: min + span, maxPerDayFen: perDay },
    tariff: defaultResidentialTariff,
  }))

const amount = fc.integer({ min: -100, max: 1_200_000 })
const paidToday = fc.integer({ min: 0, max: 1_000_000 })

describe('decidePayment', () => {
  it('when an active IoT account tops up 100 元, then all of it reaches the balance with days of gas', () => {
    const d = decidePayment(iot, 'recharge', 10000, 0)
    expect(d).toEqual({
      allowed: true,
      amountFen: 10000,
      toArrearsFen: 0,
      toBalanceFen: 10000,
      daysOfGas: expect.any(Number),
    })
    // 130 元 at 3.10 元/m³ is 41.9 m³; at 1.5 m³ a day that is 27 whole days.
    expect(d.allowed && d.daysOfGas).toBe(27)
  })

  it('when the account is suspended, then every payment is refused with a Chinese reason', () => {
    const d = decidePayment({ ...iot, status: 'suspended' }, 'recharge', 10000, 0)
    expect(d).toMatchObject({ allowed: false, refusal: 'SUSPENDED' })
    expect(!d.allowed && d.message).toMatch(/停止供气/)
  })

  it('when the account owes 80 元, then a 50 元 top-up is refused and 100 元 pays the debt first', () => {
    const owing = { ...iot, owedFen: 8000, status: 'arrears' as const }
    expect(decidePayment(owing, 'recharge', 5000, 0)).toMatchObject({
      allowed: false,
      refusal: 'ARREARS_FIRST',
      message: expect.stringContaining('¥80.00'),
    })
    expect(decidePayment(owing, 'recharge', 10000, 0)).toMatchObject({
      allowed: true,
      toArrearsFen: 8000,
      toBalanceFen: 2000,
    })
  })

  it('when a bill is paid, then only the exact amount owed is accepted', () => {
    const bill = { ...iot, kind: 'postpaid_gas' as const, owedFen: 12345, balanceFen: null }
    expect(decidePayment(bill, 'bill', 12345, 0)).toMatchObject({
      allowed: true,
      toArrearsFen: 12345,
    })
    expect(decidePayment(bill, 'bill', 12000, 0)).toMatchObject({ refusal: 'NOT_BILL_AMOUNT' })
    expect(decidePayment({ ...bill, owedFen: 0 }, 'bill', 100, 0)).toMatchObject({
      refusal: 'NOTHING_OWED',
    })
  })

  it('when a postpaid account tries to top up, then it is told to pay its bill instead', () => {
    const d = decidePayment({ ...iot, kind: 'heating' }, 'recharge', 10000, 0)
    expect(d).toMatchObject({ allowed: false, refusal: 'NOT_PREPAID' })
  })

  it('when today has used 1 950 元 of the 2 000 元 daily limit, then 100 元 is refused naming 50 元 left', () => {
    const d = decidePayment(iot, 'recharge', 10000, 195000)
    expect(d).toMatchObject({ allowed: false, refusal: 'DAILY_LIMIT' })
    expect(!d.allowed && d.message).toContain('¥50.00')
  })

  it('when any payment is allowed, then the split adds up, the debt goes first and every limit holds', () => {
    fc.assert(
      fc.property(
        account,
        fc.constantFrom('recharge' as const, 'bill' as const),
        amount,
        paidToday,
        (a, purpose, amt, today) => {
          const d = decidePayment(a, purpose, amt, today)
          if (!d.allowed) {
            expect(d.message).toMatch(/[\u4e00-\u9fa5]/)
            return
          }
          expect(a.status).not.toBe('suspended')
          expect(d.amountFen).toBe(amt)
          expect(d.toArrearsFen + d.toBalanceFen).toBe(amt)
          expect(d.toArrearsFen).toBe(Math.min(Math.max(0, a.owedFen), amt))
          if (purpose === 'bill') {
            expect(amt).toBe(a.owedFen)
          } else {
            expect(['iot_prepaid', 'ic_prepaid']).toContain(a.kind)
            expect(amt).toBeGreaterThanOrEqual(Math.max(a.limits.minPerOrderFen, a.owedFen))
            expect(amt).toBeLessThanOrEqual(a.limits.maxPerOrderFen)
            expect(today + amt).toBeLessThanOrEqual(a.limits.maxPerDayFen)
          }
        },
      ),
    )
  })

  it('when more money is topped up, then the days of gas never go down', () => {
    fc.assert(
      fc.property(
        account,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (a, x, more) => {
          const open = { ...a, status: 'active' as const, owedFen: 0, kind: 'iot_prepaid' as const }
          const wide = {
            ...open,
            limits: { minPerOrderFen: 1, maxPerOrderFen: 10 ** 9, maxPerDayFen: 10 ** 9 },
          }
          const small = decidePayment(wide, 'recharge', x, 0)
          const large = decidePayment(wide, 'recharge', x + more, 0)
          if (!small.allowed || !large.allowed) throw new Error('both must be allowed')
          if (small.daysOfGas === null) expect(large.daysOfGas).toBeNull()
          else expect(large.daysOfGas).toBeGreaterThanOrEqual(small.daysOfGas)
        },
      ),
    )
  })
})

describe('paymentOptions', () => {
  it('when the options are listed, then a preset is offered exactly when paying it would be accepted', () => {
    fc.assert(
      fc.property(account, paidToday, (a, today) => {
        const options = paymentOptions(a, today)
        expect(options.recharge.presets.map((p) => p.amountFen)).toEqual(RECHARGE_PRESETS_FEN)
        for (const p of options.recharge.presets) {
          expect(p.allowed).toBe(decidePayment(a, 'recharge', p.amountFen, today).allowed)
        }
        const anyAllowed = decidePayment(a, 'recharge', options.recharge.minFen, today).allowed
        if (options.recharge.refusal === null) expect(anyAllowed).toBe(true)
      }),
    )
  })

  it('when the account is suspended, then neither a top-up nor a bill is offered', () => {
    const options = paymentOptions({ ...iot, status: 'suspended', owedFen: 500 }, 0)
    expect(options.recharge.refusal).toMatch(/停止供气/)
    expect(options.bill.refusal).toMatch(/停止供气/)
    expect(options.recharge.presets.every((p) => !p.allowed)).toBe(true)
  })
})
