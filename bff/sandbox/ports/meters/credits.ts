import type { CreditRequest, IcPurchaseRequest, IcWriteRequest } from '../../../contracts/meters'
import { SandboxError } from '../../middleware/errors'
import { isCardWritePoint } from '../content/outlets'
import { addDeposit } from './book'
import { idempotencyMismatch } from './idempotency'
import type { CreditRecord, MeterPlatform, PurchaseRecord } from './platform'

/**
 * Sends a credit to an IoT meter. A replay of the same creditId answers the record as it stands
 * and never credits again; the meter confirms later (see MeterPlatform.settle).
 */
export function requestCredit(
  platform: MeterPlatform,
  meterNo: string,
  request: CreditRequest,
): { credit: CreditRecord; created: boolean } {
  platform.gatewayCheck()
  const now = platform.settle()
  const existing = platform.credits.get(request.creditId)
  if (existing) {
    if (existing.meterNo !== meterNo || existing.amountFen !== request.amountFen) {
      throw idempotencyMismatch()
    }
    return { credit: existing, created: false }
  }
  const book = platform.book(meterNo)
  if (book.type !== 'iot') {
    throw new SandboxError(422, 'METER_TYPE_MISMATCH', '该表不是物联网表，不能远程充值')
  }
  platform.assertCanTopUp(book, request.amountFen)
  const credit: CreditRecord = {
    creditId: request.creditId,
    meterNo,
    accountNo: book.account.accountNo,
    amountFen: request.amountFen,
    acceptedAtMs: now,
    dueAtMs: book.online ? now + platform.settings.confirmDelayMs : null,
    appliedAtMs: null,
  }
  platform.addPendingCredit(credit)
  return { credit, created: true }
}

/** Records a paid IC-card purchase; the gas is not the resident's until the card is written. */
export function requestPurchase(
  platform: MeterPlatform,
  request: IcPurchaseRequest,
): { purchase: PurchaseRecord; created: boolean } {
  platform.gatewayCheck()
  const now = platform.settle()
  const existing = platform.purchases.get(request.purchaseId)
  if (existing) {
    if (existing.meterNo !== request.meterNo || existing.amountFen !== request.amountFen) {
      throw idempotencyMismatch()
    }
    return { purchase: existing, created: false }
  }
  const book = platform.book(request.meterNo)
  if (book.type !== 'ic') {
    throw new SandboxError(422, 'METER_TYPE_MISMATCH', '该表不是IC卡表')
  }
  platform.assertCanTopUp(book, request.amountFen)
  // The card carries one purchase at a time: the next can only be bought once it is written.
  if (platform.purchasesOf(book.account.accountNo).some((p) => p.writtenAtMs === null)) {
    throw new SandboxError(422, 'CARD_WRITE_PENDING', '上一笔购气尚未写卡，请先插卡写卡')
  }
  const purchase: PurchaseRecord = {
    purchaseId: request.purchaseId,
    meterNo: request.meterNo,
    accountNo: book.account.accountNo,
    amountFen: request.amountFen,
    purchasedAtMs: now,
    writtenAtMs: null,
    write: null,
  }
  platform.addPurchase(purchase)
  return { purchase, created: true }
}

export function findPurchase(platform: MeterPlatform, purchaseId: string): PurchaseRecord {
  const purchase = platform.purchases.get(purchaseId)
  if (!purchase) throw new SandboxError(404, 'PURCHASE_NOT_FOUND', '购气记录不存在')
  return purchase
}

/** The card is written; writing a written purchase again changes nothing. */
export function writePurchase(
  platform: MeterPlatform,
  purchaseId: string,
  request: IcWriteRequest,
): PurchaseRecord {
  const purchase = findPurchase(platform, purchaseId)
  if (purchase.writtenAtMs !== null) return purchase
  if (request.by === 'write_point' && !isCardWritePoint(request.writePointId)) {
    throw new SandboxError(422, 'UNKNOWN_WRITE_POINT', '写卡网点不存在')
  }
  const now = platform.settle()
  purchase.writtenAtMs = now
  purchase.write =
    request.by === 'write_point'
      ? { by: 'write_point', writePointId: request.writePointId, agentId: null }
      : { by: 'agent', writePointId: null, agentId: request.agentId }
  addDeposit(platform.book(purchase.meterNo), now, purchase.amountFen)
  return purchase
}
