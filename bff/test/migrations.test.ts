import { randomUUID } from 'node:crypto'
import { AccountBinding } from '../src/accounts/account-binding-entity'
import { User } from '../src/auth/user-entity'
import { entities } from '../src/composition/entities'
import { openDatabase } from '../src/platform/db/data-source'
import { freshPostgres } from './harness'

describe.each([['sqlite'], ['postgres']])('migrations on %s', (kind) => {
  test('when the database is new, then migrations create the schema and a binding is unique per user and account', async () => {
    const db = await openDatabase(
      kind === 'sqlite'
        ? { type: 'sqlite', file: ':memory:' }
        : { type: 'postgres', url: await freshPostgres() },
      entities,
    )
    try {
      expect(await db.showMigrations()).toBe(false)
      const userId = randomUUID()
      await db.getRepository(User).insert({ id: userId, createdAt: new Date(), deletedAt: null })
      const binding = {
        userId,
        accountNo: '1000000001',
        label: '我家',
        isDefault: true,
        role: 'owner' as const,
        createdAt: new Date(),
      }
      await db.getRepository(AccountBinding).insert({ id: randomUUID(), ...binding })
      await expect(
        db.getRepository(AccountBinding).insert({ id: randomUUID(), ...binding }),
      ).rejects.toThrow()
      const [stored] = await db.getRepository(AccountBinding).find({ where: { userId } })
      expect(stored?.createdAt).toBeInstanceOf(Date)
      for (let i = 0; i < db.migrations.length; i++) await db.undoLastMigration()
      await expect(db.query('SELECT 1 FROM account_bindings')).rejects.toThrow()
    } finally {
      await db.destroy()
    }
  })
})
