import { z } from 'zod'

/** Every upstream the sandbox stands in for. A request's port is the first segment of its path. */
export const PortName = z.enum([
  'customers',
  'billing',
  'meters',
  'workorders',
  'content',
  'notify',
  'wechatpay',
  'alipay',
  'sms',
])
export type PortName = z.infer<typeof PortName>

export const portNames: readonly PortName[] = PortName.options

/** `/customers/v1/accounts/1` → `customers`; admin and health paths belong to no port. */
export function portOfPath(path: string): PortName | undefined {
  const end = path.indexOf('/', 1)
  const first = end === -1 ? path.slice(1) : path.slice(1, end)
  // Alipay's gateway keeps its real path, so official clients need only the host changed.
  const parsed = PortName.safeParse(first === 'gateway.do' ? 'alipay' : first)
  return parsed.success ? parsed.data : undefined
}
