import { randomUUID } from 'node:crypto'
import { BindingRepository } from '../src/accounts/binding-repository'
import { User } from '../src/auth/user-entity'
import { openDatabase } from '../src/platform/db/data-source'
import { freshPostgres } from './harness'

describe.each([['sqlite'], ['postgres']])('bindings on %s', (kind) => {
  test('when defaults are switched many times at once, then exactly the last asked account is the default', async () => {
    const db = await openDatabase(
      kind === 'sqlite'
        ? { type: 'sqlite', file: ':memory:' }
        : { type: 'postgres', url: await freshPostgres() },
    )
    try {
      const bindings = new BindingRepository(db)
      const userId = randomUUID()
      await db.getRepository(User).insert({ id: userId, createdAt: new Date(), deletedAt: null })
      const accounts = ['1000000001', '1000000002', '1000000003']
      for (const accountNo of accounts) {
        await bindings.add({ userId, accountNo, label: null, role: 'owner' }, new Date())
      }
      const defaults = async () =>
        (await bindings.listForUser(userId)).filter((b) => b.isDefault).map((b) => b.accountNo)
      expect(await defaults()).toEqual(['1000000001'])

      await Promise.all(accounts.flatMap((a) => [bindings.makeDefault(userId, a)]))
      expect(await defaults()).toHaveLength(1)

      await bindings.makeDefault(userId, '1000000003')
      expect(await defaults()).toEqual(['1000000003'])
    } finally {
      await db.destroy()
    }
  })
})
