import { z } from 'zod'
import { IsoDateTime } from '../../contracts/common'
import { AccountKind, AccountStatus, CareTag } from '../../contracts/customers'
import { FaultConfig, FaultMap, FaultsUpdate, LatencySpec } from '../faults'
import { PortName } from '../ports/names'

/** Schemas of the sandbox's own developer and control endpoints (`/sandbox/*`, `/healthz`). */

export const Health = z.object({ status: z.literal('ok') })

export const ClockState = z.object({
  now: IsoDateTime,
  offsetMs: z.number().int().describe('sandbox time minus real time'),
})

export const ClockUpdate = z.union([
  z.object({ advanceMs: z.number().int().min(0) }).strict(),
  z.object({ set: IsoDateTime }).strict(),
  z.object({ reset: z.literal(true) }).strict(),
])

export const FaultsState = z.object({ ports: FaultMap })

export const PortParam = z.object({ port: PortName })

export const AccountListing = z.object({
  accountNo: z.string(),
  holderName: z.string(),
  phoneLast4: z.string(),
  kind: AccountKind,
  status: AccountStatus,
  careTags: z.array(CareTag),
  /** Chinese, for people picking an account to try. */
  description: z.string(),
})
export type AccountListing = z.infer<typeof AccountListing>

export const AccountsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const AccountsPage = z.object({
  seed: z.number().int(),
  personas: z.array(AccountListing),
  generated: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(AccountListing),
  }),
})
export type AccountsPage = z.infer<typeof AccountsPage>

export const adminSchemas = {
  Health,
  ClockState,
  ClockUpdate,
  LatencySpec,
  FaultConfig,
  FaultsUpdate,
  FaultsState,
  AccountListing,
  AccountsPage,
}
