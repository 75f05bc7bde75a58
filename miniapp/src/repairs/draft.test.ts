import { memoryStore } from '../platform/storage'
import { createDraftStore, hasContent, openDraft } from './draft'
import type { DraftContent } from './draft'

const heating: DraftContent = {
  key: 'draft-key-1',
  kind: 'no_heat',
  description: '暖气片不热',
  slot: { date: '2026-11-27', window: 'am' },
  phone: '13800138000',
  photoIds: ['ph_a', 'ph_b'],
}
const leak: DraftContent = {
  key: 'leak-key-2',
  kind: 'gas_leak',
  description: '厨房有燃气味',
  slot: null,
  phone: null,
  photoIds: [],
}

describe('报修 draft on the phone', () => {
  test('when a draft is saved, then it comes back for that account after a restart, with its key', () => {
    const storage = memoryStore()
    createDraftStore(storage).save('1000000001', heating)
    // A new store over the same storage: what the app finds after being closed and opened.
    const drafts = createDraftStore(storage)
    expect(drafts.load('1000000001', 'no_heat')).toMatchObject(heating)
    expect(drafts.load('1000000001')).toMatchObject(heating)
    expect(drafts.load('1000000004')).toBeUndefined()
  })

  test('when the draft is saved again, then the key stays the one it was sent with', () => {
    const drafts = createDraftStore(memoryStore())
    drafts.save('1000000001', heating)
    drafts.save('1000000001', { ...heating, description: '暖气片不热，阀门是开的' })
    expect(drafts.load('1000000001', 'no_heat')).toMatchObject({
      key: 'draft-key-1',
      description: '暖气片不热，阀门是开的',
    })
  })

  test('when a leak is reported while a heating draft is kept, then sending the leak leaves the heating draft', () => {
    let t = 0
    const drafts = createDraftStore(memoryStore(), { now: () => ++t })
    drafts.save('1000000001', heating)
    drafts.save('1000000001', leak)
    expect(drafts.load('1000000001')?.key).toBe('leak-key-2')
    drafts.clear('1000000001', 'leak-key-2')
    expect(drafts.load('1000000001', 'gas_leak')).toBeUndefined()
    expect(drafts.load('1000000001')).toMatchObject(heating)
  })

  test('when the kind is changed on the form, then the draft moves to it and is not kept twice', () => {
    const drafts = createDraftStore(memoryStore())
    drafts.save('1000000001', heating)
    drafts.save('1000000001', { ...heating, kind: 'heating_leak' })
    expect(drafts.load('1000000001', 'no_heat')).toBeUndefined()
    expect(drafts.load('1000000001', 'heating_leak')?.key).toBe('draft-key-1')
  })

  test('when the report was sent and its draft cleared, then nothing comes back', () => {
    const drafts = createDraftStore(memoryStore())
    drafts.save('1000000001', heating)
    drafts.clear('1000000001', 'draft-key-1')
    expect(drafts.load('1000000001')).toBeUndefined()
  })

  test('when the stored draft is damaged or from another version, then it is dropped', () => {
    const drafts = createDraftStore(
      memoryStore({
        'gh.repairDraft.1000000001.no_heat': '{not json',
        'gh.repairDraft.1000000002.no_heat': JSON.stringify({ ...heating, v: 0, savedAt: 1 }),
      }),
    )
    expect(drafts.load('1000000001', 'no_heat')).toBeUndefined()
    expect(drafts.load('1000000002')).toBeUndefined()
  })

  test('when only a kind was chosen, then there is nothing worth offering to continue', () => {
    expect(hasContent({ description: ' ', photoIds: [], slot: null })).toBe(false)
    expect(hasContent({ description: '', photoIds: ['ph_a'], slot: null })).toBe(true)
  })
})

describe('what the report form opens with', () => {
  const newKey = () => 'fresh-key-9'
  const kept = { ...heating, v: 1 as const, savedAt: 0 }

  test('when a draft is kept, then its text, photos, slot and key come back', () => {
    expect(openDraft(kept, 'no_heat', newKey)).toEqual(heating)
    expect(openDraft(kept, undefined, newKey)).toEqual(heating)
  })

  test('when none is kept, then the form starts empty for the kind with a new key', () => {
    expect(openDraft(undefined, 'gas_leak', newKey)).toEqual({
      key: 'fresh-key-9',
      kind: 'gas_leak',
      description: '',
      slot: null,
      phone: null,
      photoIds: [],
    })
  })
})
