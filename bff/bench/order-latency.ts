import { Agent } from 'undici'
import { newOutTradeNo } from '../src/payments/out-trade-no'
import { createRecharge, type BenchInstance } from './bench-world'
import { runCalls, runPaired, type LoadResult } from './load'

export interface OrderLatencyOptions {
  instance: BenchInstance
  token: string
  accounts: string[]
  requests: number
  concurrency: number
}

/**
 * Order creation through the BFF against the same upstream work done directly, in the same run:
 *   - the provider's create-order alone (signed WeChat Pay v3 call to the sandbox);
 *   - what creating an order asks of the upstreams (the account facts: customers, billing,
 *     tariff, readings; then the provider's order), called directly through the same adapters;
 *   - POST /api/v1/accounts/:no/recharges through the BFF (session, binding guard, idempotency,
 *     account lock, amount rules, database insert and transition, the same upstream calls).
 * The difference of the last two is the BFF's own cost. Those two run interleaved (one of
 * each in turn per client), so drift in the machine's load falls on both alike.
 */
export async function measureOrderLatency(options: OrderLatencyOptions): Promise<LoadResult[]> {
  const { instance, accounts } = options
  const ports = instance.container.ports.payments
  const accountAt = (i: number) => accounts[i % accounts.length] ?? ''
  const providerOrder = () =>
    ports.providers.wechatpay.createOrder({
      outTradeNo: newOutTradeNo(new Date()),
      amountFen: 1000,
      description: '燃气充值（压测）',
      channel: 'h5',
      payerId: null,
      expiresAt: new Date(Date.now() + 15 * 60_000),
      accountNo: accountAt(0),
      purpose: 'recharge',
    })
  const direct = async (i: number) => {
    const facts = await ports.accounts.facts(accountAt(i))
    await providerOrder()
    return facts !== null
  }
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 })
  const throughBff = async (i: number) =>
    (await createRecharge(agent, instance.url, options.token, accountAt(i))).status === 201

  const load = { requests: options.requests, concurrency: options.concurrency }
  const warm = { ...load, requests: Math.min(50, options.requests) }
  await runCalls('warm-up', warm, direct)
  await runCalls('warm-up', warm, throughBff)
  try {
    // The baseline and the BFF run interleaved, so both see the same load on the shared CPU.
    const [directRow, bffRow] = await runPaired(load, [
      { name: 'sandbox: facts + create order, direct', call: direct },
      { name: 'bff POST /recharges (create order)', call: throughBff },
    ])
    return [
      await runCalls('sandbox create order alone (WeChat Pay v3)', load, () =>
        providerOrder().then(() => true),
      ),
      ...(directRow && bffRow ? [directRow, bffRow] : []),
    ]
  } finally {
    await agent.close()
  }
}

export function printOrderLatency(results: LoadResult[]): void {
  console.table(results)
  const [, direct, bff] = results
  if (!direct || !bff) return
  console.log(
    `order creation, BFF vs the sandbox's own work: p50 ${ratio(bff.p50Ms, direct.p50Ms)}, p99 ${ratio(bff.p99Ms, direct.p99Ms)}; ` +
      `BFF overhead p50 ${(bff.p50Ms - direct.p50Ms).toFixed(2)} ms, p99 ${(bff.p99Ms - direct.p99Ms).toFixed(2)} ms (target < 10 ms at p99)`,
  )
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a'
}
