import { createHash, timingSafeEqual } from 'node:crypto'
import type { CustomerAccount, VerifyHolderRequest } from '../../../contracts/customers'
import { surnameOf } from '../../seed/names'

/** Full-width forms, spaces and the middle dot of transliterated names do not count. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/[\s·•・.]/g, '')
}

/** Compares fixed-length digests so the time taken says nothing about where inputs differ. */
function same(a: string, b: string): number {
  const da = createHash('sha256').update(a).digest()
  const db = createHash('sha256').update(b).digest()
  return timingSafeEqual(da, db) ? 1 : 0
}

/**
 * A binding proof: the holder's full name or surname, and the last 4 digits of the registered
 * phone. Every comparison runs whatever the earlier ones found.
 */
export function holderMatches(account: CustomerAccount, proof: VerifyHolderRequest): boolean {
  const given = normalizeName(proof.holderName)
  const holder = normalizeName(account.holderName)
  const nameOk = same(given, holder) | same(given, surnameOf(holder))
  const phoneOk = same(proof.phoneLast4, account.phone.slice(-4))
  return (nameOk & phoneOk & (given.length > 0 ? 1 : 0)) === 1
}
