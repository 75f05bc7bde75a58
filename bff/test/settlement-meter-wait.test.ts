import type { OrderRepository } from '../src/payments/order-repository'
import type { PaymentOrderRow } from '../src/payments/order-entity'
import { defaultPaymentSettings } from '../src/payments/payment-settings'
import type { PaymentPorts } from '../src/payments/ports'
import { Settlement } from '../src/payments/settlement'
import { createLogger } from '../src/platform/logger'

const paidAt = new Date('2026-11-26T02:00:00Z')

function settlementAt(minutesAfterPayment: number) {
  const order = {
    id: 'o1',
    outTradeNo: 'R1',
    state: 'CREDITING',
    accountKind: 'iot_prepaid',
    purpose: 'recharge',
    amountFen: 5000,
    paidFen: 5000,
    toArrearsFen: 0,
    paidAt,
    updatedAt: paidAt,
  } as PaymentOrderRow
  const orders = { find: async () => order } as unknown as OrderRepository
  const ports = {
    credit: { credit: async () => 'pending' as const },
  } as unknown as PaymentPorts
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
})
