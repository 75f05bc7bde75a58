import type { AccountKind } from '@gh/shared'
import type { DataSource } from 'typeorm'
import { sqlOf, type SqlExecutor } from '../platform/db/sql-executor'
import type { CustomersPort } from '../upstream/customers/customers-port'

/** What the watches need to know of an account: where it is and what it supplies. */
export interface AccountFacts {
  accountNo: string
  kind: AccountKind
  areaCode: string
}

const FACTS_TTL_MS = 6 * 3600_000

/**
 * The accounts someone follows (bound at least once), with their kind and area from the CIS.
 * Kind and area hardly change, so each instance keeps them for a few hours instead of asking
 * the CIS for every account on every poll.
 */
export class Audience {
  private readonly sql: SqlExecutor
  private readonly facts = new Map<string, { facts: AccountFacts | null; until: number }>()

  constructor(
    db: DataSource,
    private readonly customers: CustomersPort,
    private readonly now: () => Date,
  ) {
    this.sql = sqlOf(db)
  }

  async boundAccounts(): Promise<string[]> {
    const rows = await this.sql.rows<{ accountNo: string }>(
      'SELECT DISTINCT account_no AS "accountNo" FROM account_bindings ORDER BY account_no',
    )
    return rows.map((r) => r.accountNo)
  }

  /** The bound accounts the CIS knows, with their facts; one unreachable account is skipped. */
  async accounts(): Promise<AccountFacts[]> {
    const out: AccountFacts[] = []
    for (const accountNo of await this.boundAccounts()) {
      const facts = await this.factsOf(accountNo).catch(() => null)
      if (facts) out.push(facts)
    }
    return out
  }

  private async factsOf(accountNo: string): Promise<AccountFacts | null> {
    const at = this.now().getTime()
    const known = this.facts.get(accountNo)
    if (known && known.until > at) return known.facts
    const account = await this.customers.getAccount(accountNo)
    const facts = account ? { accountNo, kind: account.kind, areaCode: account.areaCode } : null
    this.facts.set(accountNo, { facts, until: at + FACTS_TTL_MS })
    return facts
  }
}
