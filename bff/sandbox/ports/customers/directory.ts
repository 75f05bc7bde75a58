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

  constructor(
    readonly seed: number,
    readonly generatedCount: number,
  ) {}

  get personas(): readonly Persona[] {
    return personas
  }

  get size(): number {
    return personas.length + this.generatedCount
  }

  get(accountNo: string): CustomerAccount | undefined {
    const persona = this.personaByNo.get(accountNo)
    if (persona) return persona.account
    const index = generatedIndex(accountNo, this.generatedCount)
    return index === undefined ? undefined : generateAccount(this.seed, index)
  }

  /** Generated accounts `[offset, offset + limit)`, in account-number order. */
  generated(offset: number, limit: number): CustomerAccount[] {
    const end = Math.min(this.generatedCount, offset + limit)
    const out: CustomerAccount[] = []
    for (let i = Math.max(0, offset); i < end; i++) out.push(generateAccount(this.seed, i))
    return out
  }
}
