import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Client } from 'pg'
import { request, type Dispatcher } from 'undici'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { createApp } from '../src/app'
import { User } from '../src/auth/user-entity'
import { createContainer, type Container } from '../src/container'
import { loadConfig } from '../src/platform/config'
import { createLogger } from '../src/platform/logger'
import type { PaymentSettings } from '../src/payments/payment-settings'

/** Payment timings for the bench: no polling, quick credit retries, a lazy sweep. */
export const benchPayments: Partial<PaymentSettings> = {
  pollDelaysMs: [600_000],
  retryBaseMs: 20,
  retryMaxMs: 200,
  sweepEveryMs: 60_000,
  sweepStaleMs: 60_000,
  // Its orders stay unpaid on a few accounts: the open-order cap would refuse most of them.
  maxOpenOrdersPerAccount: Number.MAX_SAFE_INTEGER,
}

export interface BenchInstance {
  url: string
  container: Container
  close(): Promise<void>
}

export interface InstanceOptions {
  databaseUrl: string
  redisUrl: string
  sandboxUrl: string
  /** Where the sandbox sends payment notifications (notify_url). */
  publicBaseUrl: string
  /** Shared by instances on one database: sessions, locks and payment queues. */
  namespace: string
}

/** One BFF instance as production wires it; instances on one database share its queues. */
export async function startInstance(options: InstanceOptions): Promise<BenchInstance> {
  const container = await createContainer(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      UPSTREAM_BASE_URL: options.sandboxUrl,
      PUBLIC_BASE_URL: options.publicBaseUrl,
      RATE_LIMIT_NAMESPACE: options.namespace,
      READ_CACHE_NAMESPACE: `rc_${options.namespace}`,
    }),
    {
      logger: createLogger('silent'),
      payments: { ...benchPayments, queueNamespace: options.namespace },
    },
  )
  const server = createApp(container).app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    container,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await container.close()
    },
  }
}

/** POST /recharges for ¥10 through the H5 cashier with a fresh key: the status and the order. */
export async function createRecharge(
  dispatcher: Dispatcher,
  bffUrl: string,
  token: string,
  accountNo: string,
): Promise<{ status: number; orderNo: string | undefined }> {
  const res = await request(`${bffUrl}/api/v1/accounts/${accountNo}/recharges`, {
    method: 'POST',
    dispatcher,
    headers: {
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ amountFen: 1000, channel: 'h5' }),
  })
  const body = (await res.body.json()) as { orderNo?: string }
  return { status: res.statusCode, orderNo: body.orderNo }
}

/** A new database on the PostgreSQL server of `adminUrl`; drop it with the returned function. */
export async function freshDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** A user bound to `accountNos`, with a session every instance on the database accepts. */
export async function benchUser(instance: BenchInstance, accountNos: string[]): Promise<string> {
  const { db, sessions } = instance.container
  const userId = randomUUID()
  await db.getRepository(User).insert({ id: userId, createdAt: new Date(), deletedAt: null })
  await db.getRepository(AccountBinding).insert(
    accountNos.map((accountNo) => ({
      id: randomUUID(),
      userId,
      accountNo,
      label: null,
      isDefault: false,
      role: 'owner' as const,
      createdAt: new Date(),
    })),
  )
  return (await sessions.issue(userId)).token
}

/**
 * Active IoT prepaid accounts whose meter is online (some seeded meters are offline, and their
 * credits wait for the deadline); orders spread over them stay under the daily limits.
 */
export async function iotAccounts(sandboxUrl: string, count: number): Promise<string[]> {
  const get = async <T>(path: string) => (await (await request(sandboxUrl + path)).body.json()) as T
  const page = await get<{
    generated: { items: { accountNo: string; kind: string; status: string }[] }
  }>('/sandbox/accounts?pageSize=200')
  const picked: string[] = []
  for (const a of page.generated.items) {
    if (a.kind !== 'iot_prepaid' || a.status !== 'active') continue
    const { meterNo } = await get<{ meterNo: string | null }>(
      `/customers/v1/accounts/${a.accountNo}`,
    )
    if (!meterNo) continue
    const meter = await get<{ online?: boolean }>(`/meters/v1/meters/${meterNo}`)
    if (meter.online) picked.push(a.accountNo)
    if (picked.length === count) return picked
  }
  throw new Error(`only ${picked.length} active IoT accounts with an online meter`)
}

export interface CapturedNotification {
  headers: Record<string, string>
  body: Buffer
}

/**
 * Stands where the sandbox notifies: keeps each signed notification's exact bytes and headers
 * (and acknowledges it), so the bench can deliver them to the instances when it chooses.
 */
export class NotificationCapture {
  readonly captured: CapturedNotification[] = []
  private server: Server | undefined
  url = ''

  async open(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        this.captured.push({ headers: forwardable(req.headers), body: Buffer.concat(chunks) })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  take(): CapturedNotification[] {
    return this.captured.splice(0)
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve))
  }
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (['host', 'content-length', 'connection'].includes(key) || value === undefined) continue
    out[key] = Array.isArray(value) ? value.join(',') : value
  }
  return out
}

/** Polls `check` every 20 ms until it is true; on time-out, says what `explain` sees. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  explain: () => Promise<string> = async () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting ${await explain()}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
