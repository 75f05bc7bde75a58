import { z } from 'zod'
import { MAX_REPAIR_PHOTOS, RepairKind, RepairPhotoId, RepairSlot } from '@gh/shared'
import type { RepairKind as Kind } from '@gh/shared'
import { randomKey } from '../api/client'
import { taroStore, type KeyValueStore } from '../platform/storage'

/*
 * The report being written, per account and kind of fault, in the phone's storage: it survives
 * closing the app and a lost network, and it is what 提交报修 sends. Its Idempotency-Key is made
 * with the draft and kept with it until it is cleared, so sending it twice (a double tap, a
 * retry after the answer was lost, a send from a restored draft) makes one work order.
 */

const RepairDraft = z.object({
  v: z.literal(1),
  key: z.string().min(8),
  kind: RepairKind.nullable(),
  description: z.string(),
  slot: RepairSlot.nullable(),
  /** Another contact number typed for this report; null: the resident's own. */
  phone: z.string().nullable().default(null),
  /** Only photos the BFF has stored: a photo still uploading lives in the page, not here. */
  photoIds: z.array(RepairPhotoId).max(MAX_REPAIR_PHOTOS),
  savedAt: z.number(),
})
export type RepairDraft = z.infer<typeof RepairDraft>

/** What the form keeps: its content and the key its send goes with; the save time is the store's. */
export type DraftContent = Pick<
  RepairDraft,
  'key' | 'kind' | 'description' | 'slot' | 'phone' | 'photoIds'
>

/** One draft per kind of fault, so starting a leak report never overwrites a heating draft. */
const slots = [...RepairKind.options, 'none'] as const
const storageKey = (accountNo: string, kind: Kind | null) =>
  `gh.repairDraft.${accountNo}.${kind ?? 'none'}`

/** True when the resident has written, chosen or added something worth coming back to. */
export function hasContent(
  draft: Pick<RepairDraft, 'description' | 'photoIds' | 'slot'> | undefined,
): boolean {
  if (!draft) return false
  return draft.description.trim() !== '' || draft.photoIds.length > 0 || draft.slot !== null
}

export interface RepairDraftStore {
  /** The draft for `kind`; with no kind, the account's newest draft that has content. */
  load(accountNo: string, kind?: Kind): RepairDraft | undefined
  save(accountNo: string, content: DraftContent): RepairDraft
  /** Drops the draft sent (or thrown away) with `key`; other drafts stay. */
  clear(accountNo: string, key: string): void
}

/** A new draft's Idempotency-Key: made when the form starts one, kept until it is cleared. */
export const newDraftKey = (): string => randomKey()

export function createDraftStore(
  store: KeyValueStore,
  deps: { now?: () => number } = {},
): RepairDraftStore {
  const now = deps.now ?? Date.now
  const read = (key: string): RepairDraft | undefined => {
    const raw = store.get(key)
    if (!raw) return undefined
    try {
      const parsed = RepairDraft.safeParse(JSON.parse(raw))
      // A draft from an older build (or a damaged one) is dropped rather than half-restored.
      return parsed.success ? parsed.data : undefined
    } catch {
      return undefined
    }
  }
  const all = (accountNo: string) =>
    slots.flatMap((slot) => {
      const storeKey = storageKey(accountNo, slot === 'none' ? null : slot)
      const draft = read(storeKey)
      return draft ? [{ storeKey, draft }] : []
    })
  return {
    load(accountNo, kind) {
      if (kind !== undefined) return read(storageKey(accountNo, kind))
      return all(accountNo)
        .map((entry) => entry.draft)
        .filter((draft) => hasContent(draft))
        .sort((a, b) => b.savedAt - a.savedAt)[0]
    },
    save(accountNo, content) {
      const draft: RepairDraft = {
        v: 1,
        key: content.key,
        kind: content.kind,
        description: content.description,
        slot: content.slot,
        phone: content.phone,
        photoIds: content.photoIds.slice(0, MAX_REPAIR_PHOTOS),
        savedAt: now(),
      }
      const target = storageKey(accountNo, content.kind)
      // The kind was changed on the form: the draft moves, it is not copied.
      for (const entry of all(accountNo)) {
        if (entry.draft.key === content.key && entry.storeKey !== target)
          store.remove(entry.storeKey)
      }
      store.set(target, JSON.stringify(draft))
      return draft
    },
    clear(accountNo, key) {
      for (const entry of all(accountNo)) {
        if (entry.draft.key === key) store.remove(entry.storeKey)
      }
    },
  }
}

export const repairDrafts = createDraftStore(taroStore)

/**
 * What the form opens with: the kept draft (of the kind asked, or the newest when no kind was
 * asked), else a new one with a new key: its send is another work order.
 */
export function openDraft(
  kept: RepairDraft | undefined,
  kind: Kind | undefined,
  newKey: () => string = newDraftKey,
): DraftContent {
  if (kept) {
    return {
      key: kept.key,
      kind: kind ?? kept.kind,
      description: kept.description,
      slot: kept.slot,
      phone: kept.phone,
      photoIds: kept.photoIds,
    }
  }
  return {
    key: newKey(),
    kind: kind ?? null,
    description: '',
    slot: null,
    phone: null,
    photoIds: [],
  }
}
