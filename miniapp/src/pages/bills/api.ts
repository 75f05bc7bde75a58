import { routes } from '@gh/shared'
import type { BillList, PaymentOptions } from '@gh/shared'
import { request } from '../../api'
import { getPaymentOptions } from '../../payments'

/** One function per bills endpoint. */
export const listBills = (accountNo: string) => request(routes.listBills, { params: { accountNo } })

export interface BillsData {
  list: BillList
  /** Why 立即缴费 would be refused (停气…); null when the options could not be read. */
  options: PaymentOptions | null
}

/**
 * The bills and, beside them, whether paying is possible now. Reading bills must not depend on
 * the payment options: when those fail, the BFF still checks the payment when it is made.
 */
export async function loadBills(accountNo: string): Promise<BillsData> {
  const [list, options] = await Promise.all([
    listBills(accountNo),
    getPaymentOptions(accountNo).catch((err: unknown) => {
      console.warn('payment options unavailable', err)
      return null
    }),
  ])
  return { list, options }
}
