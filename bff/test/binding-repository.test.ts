import { randomUUID } from 'node:crypto'
import type { DataSource } from 'typeorm'
import { BindingRepository } from '../src/accounts/binding-repository'
import { User } from '../src/auth/user-entity'
import { entities } from '../src/composition/entities'
import { openDatabase } from '../src/platform/db/data-source'
import { freshPostgres } from './harness'

describe.each([['sqlite'], ['postgres']])('bindings on %s', (kind) => {
  let db: DataSource
  let bindings: BindingRepository

  beforeAll(async () => {
    db = await openDatabase(
      kind === 'sqlite'
        ? { type: 'sqlite', file: ':memory:' }
        : { type: 'postgres', url: await freshPostgres() },
      entities,
    )
    bindings = new BindingRepository(db)
  })
  afterAll(() => db.destroy())

  async function newUser(): Promise<string> {
    const userId = randomUUID()
    await db.getRepository(User).insert({ id: userId, createdAt: new Date(), deletedAt: null })
    return userId
  }
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 1, minutes))

  test('when defaults are switched many times at once, then exactly the last asked account is the default', async () => {
    const userId = await newUser()
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
  })

  test('when a user binds accounts, then the guard, the lookups and the count see exactly those', async () => {
    const [owner, family] = [await newUser(), await newUser()]
    const first = await bindings.add(
      { userId: owner, accountNo: '1000000011', label: '家', role: 'owner' },
      at(1),
    )
    await bindings.add(
      { userId: owner, accountNo: '1000000012', label: null, role: 'owner' },
      at(2),
    )
    await bindings.add(
      { userId: family, accountNo: '1000000011', label: null, role: 'family' },
      at(3),
    )

    expect(await bindings.isBound(owner, '1000000011')).toBe(true)
    expect(await bindings.isBound(owner, '1000000013')).toBe(false)
    expect(await bindings.isBound(family, '1000000012')).toBe(false)
    expect(await bindings.find(owner, '1000000011')).toEqual({
      id: first.id,
      userId: owner,
      accountNo: '1000000011',
      label: '家',
      isDefault: true,
      role: 'owner',
      createdAt: at(1),
    })
    expect(await bindings.find(family, '1000000012')).toBeNull()
    expect((await bindings.listForUser(owner)).map((b) => [b.accountNo, b.isDefault])).toEqual([
      ['1000000011', true],
      ['1000000012', false],
    ])
    expect((await bindings.listForAccount('1000000011')).map((b) => [b.userId, b.role])).toEqual([
      [owner, 'owner'],
      [family, 'family'],
    ])
    expect(await bindings.countForUser(owner)).toBe(2)
    expect(await bindings.countForUser(randomUUID())).toBe(0)
  })

  test('when the same binding is added twice at once, then one row exists and both calls answer it', async () => {
    const userId = await newUser()
    const binding = { userId, accountNo: '1000000021', label: null, role: 'owner' } as const
    const [a, b] = await Promise.all([bindings.add(binding, at(1)), bindings.add(binding, at(1))])
    expect(a.id).toBe(b.id)
    expect(await bindings.listForUser(userId)).toEqual([a])
  })

  test('when a label is set and cleared, then reads return it', async () => {
    const userId = await newUser()
    const row = await bindings.add(
      { userId, accountNo: '1000000031', label: null, role: 'owner' },
      at(1),
    )
    await bindings.setLabel(row.id, '父母家')
    expect((await bindings.find(userId, '1000000031'))?.label).toBe('父母家')
    await bindings.setLabel(row.id, null)
    expect((await bindings.find(userId, '1000000031'))?.label).toBeNull()
  })

  test('when bindings are removed, then the guard refuses them and the others stay', async () => {
    const userId = await newUser()
    const rows = []
    for (const [i, accountNo] of ['1000000041', '1000000042', '1000000043'].entries())
      rows.push(await bindings.add({ userId, accountNo, label: null, role: 'owner' }, at(i)))
    await bindings.remove(rows.slice(0, 2).map((r) => r.id))
    await bindings.remove([])
    expect(await bindings.isBound(userId, '1000000041')).toBe(false)
    expect(await bindings.isBound(userId, '1000000042')).toBe(false)
    expect((await bindings.listForUser(userId)).map((b) => b.accountNo)).toEqual(['1000000043'])
  })
})
