import type { CustomerAccount } from '../../../contracts/customers'
import { generateAccount, generatedIndex } from '../../seed/generate'
import { personas, type Persona } from '../../seed/personas'

/**
 * All accounts the CIS knows: the fixed personas plus `generatedCount` seeded accounts. Generated
 * accounts are built on demand from (seed, index), so 100 000 of them cost nothing until read.
 */
export class AccountDirectory {
  private readonly personaByNo = new Map<string, Persona>(
    personas.map((p) => [p.account.accountNo, p]),
  )
  /** Statuses changed since the seed (gas restored after a passed re-inspection). */
  private readonly statusChanges = new Map<string, CustomerAccount['status']>()

  /** Accounts changed since seeding (过户, 销户, 信息变更): they shadow the seeded record. */
  private readonly changed = new Map<string, CustomerAccount>()
  /** Runs before a read, so decisions due by the clock have taken effect (see ChangeDesk). */
  private beforeRead: ((accountNo: string) => void) | null = null

  constructor(
    readonly seed: number,
    readonly generatedCount: number,
  ) {}

  onBeforeRead(hook: (accountNo: string) => void): void {
    this.beforeRead = hook
  }

  /** Replaces the account's record; every port reading the directory sees it from now on. */
  replace(account: CustomerAccount): void {
    this.changed.set(account.accountNo, account)
  }

  get personas(): readonly Persona[] {
    return personas
  }

  get size(): number {
    return personas.length + this.generatedCount
  }

  get(accountNo: string): CustomerAccount | undefined {
    this.beforeRead?.(accountNo)
    return this.stored(accountNo)
  }

  /** The record as it stands, without applying change decisions that have come due. */
  stored(accountNo: string): CustomerAccount | undefined {
    const account = this.changed.get(accountNo) ?? this.seeded(accountNo)
    const status = this.statusChanges.get(accountNo)
    return account && status ? { ...account, status } : account
  }

  /** Whether gas is stopped at the account now; cheap enough for every meter tick. */
  isSuspended(account: CustomerAccount): boolean {
    return (this.statusChanges.get(account.accountNo) ?? account.status) === 'suspended'
  }

  /** Gas is turned back on: the account reads active from now on, everywhere. */
  restoreSupply(accountNo: string): void {
    if (this.seeded(accountNo)?.status === 'suspended') this.statusChanges.set(accountNo, 'active')
  }

  private seeded(accountNo: string): CustomerAccount | undefined {
    const persona = this.personaByNo.get(accountNo)
    if (persona) return persona.account
    const index = generatedIndex(accountNo, this.generatedCount)
    return index === undefined ? undefined : generateAccount(this.seed, index)
  }

  /** The accounts of a holder's mobile number, in account-number order, at most `limit`. */
  byPhone(phone: string, limit: number): CustomerAccount[] {
    this.phoneIndex ??= this.indexPhones()
    // The index holds the seeded numbers; a record changed since (信息变更) is read as it is now.
    const changedNos = [...this.changed.values()].map((a) => a.accountNo)
    const candidates = [...new Set([...(this.phoneIndex.get(phone) ?? []), ...changedNos])]
    return candidates
      .sort()
      .flatMap((accountNo) => this.get(accountNo) ?? [])
      .filter((account) => account.phone === phone)
      .slice(0, limit)
  }

  /** Built on the first phone search only: most runs never search by phone. */
  private phoneIndex: Map<string, string[]> | undefined

  private indexPhones(): Map<string, string[]> {
    const index = new Map<string, string[]>()
    const add = (account: CustomerAccount) => {
      const list = index.get(account.phone) ?? []
      list.push(account.accountNo)
      index.set(account.phone, list)
    }
    for (const persona of personas) add(persona.account)
    for (let i = 0; i < this.generatedCount; i++) add(generateAccount(this.seed, i))
    for (const list of index.values()) list.sort()
    return index
  }

  /** Generated accounts `[offset, offset + limit)`, in account-number order. */
  generated(offset: number, limit: number): CustomerAccount[] {
    const end = Math.min(this.generatedCount, offset + limit)
    const out: CustomerAccount[] = []
    for (let i = Math.max(0, offset); i < end; i++) {
      const account = generateAccount(this.seed, i)
      out.push(this.changed.get(account.accountNo) ?? account)
    }
    return out
  }
}
