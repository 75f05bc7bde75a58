import type { OrderRepository } from '../src/payments/order-repository'
import type { PaymentOrderRow } from '../src/payments/order-entity'
import { defaultPaymentSettings } from '../src/payments/payment-settings'
import type { PaymentPorts } from '../src/payments/ports'
import { Settlement } from '../src/payments/settlement'
import { createLogger } from '../src/platform/logger'

/** When the BFF recorded the payment (its PAID step). */
const paidAt = new Date('2026-11-26T02:00:00Z')
const DAY_MS = 24 * 3600_000

/** `providerAheadMs`: how far the provider's clock (the paid time it reports) is off ours. */
function settlementAt(
  minutesAfterPayment: number,
  providerAheadMs = 0,
  credit: Partial<PaymentPorts['credit']> = { credit: async () => 'pending' },
) {
  const order = {
    id: 'o1',
    outTradeNo: 'R1',
    state: 'CREDITING',
    accountKind: 'iot_prepaid',
    purpose: 'recharge',
    amountFen: 5000,
    paidFen: 5000,
    toArrearsFen: 0,
    paidAt: new Date(paidAt.getTime() + providerAheadMs),
    updatedAt: new Date(paidAt.getTime() + 20),
  } as PaymentOrderRow
  const timeline = [
    { toState: 'PAYING', at: new Date(paidAt.getTime() - 30_000) },
    { toState: 'PAID', at: paidAt },
    { toState: 'CREDITING', at: order.updatedAt },
  ]
  const orders = {
    find: async () => order,
    timelineOf: async () => timeline,
  } as unknown as OrderRepository
  const ports = { credit } as unknown as PaymentPorts
  const now = () => new Date(paidAt.getTime() + minutesAfterPayment * 60_000)
  return new Settlement(orders, ports, defaultPaymentSettings, createLogger('silent'), now)
}

describe('while an online IoT meter has not confirmed the credit yet', () => {
  test('when the resident is likely watching (minutes after paying), then the credit is asked about at a steady pace, not backed off', async () => {
    const next = await settlementAt(2).step('o1', 8)
    expect(next).toEqual({ retryInMs: expect.any(Number) })
    expect((next as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(
      defaultPaymentSettings.meterPollMs,
    )
  })

  test('when the meter has been silent for hours, then the checks back off as usual', async () => {
    const next = await settlementAt(180).step('o1', 8)
    expect((next as { retryInMs: number }).retryInMs).toBeGreaterThan(
      defaultPaymentSettings.meterPollMs * 10,
    )
  })

  test('when the provider’s clock is 10 days behind ours, then the credit is still watched at a steady pace, not given up', async () => {
    const credit = {
      credit: async () => 'pending' as const,
      refundPosting: jest.fn(async (): Promise<'reversed'> => {
        throw new Error('credit in flight, cannot withdraw')
      }),
    }
    const next = await settlementAt(2, -10 * DAY_MS, credit).step('o1', 8)
    expect((next as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(
      defaultPaymentSettings.meterPollMs,
    )
    expect(credit.refundPosting).not.toHaveBeenCalled()
  })

  test('when the provider’s clock is 10 days ahead of ours and the meter has been silent for hours, then the checks back off as usual', async () => {
    const next = await settlementAt(180, 10 * DAY_MS).step('o1', 8)
    expect((next as { retryInMs: number }).retryInMs).toBeGreaterThan(
      defaultPaymentSettings.meterPollMs * 10,
    )
  })
})
