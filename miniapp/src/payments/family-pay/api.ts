import { routes } from '@gh/shared'
import type { PayShare } from '@gh/shared'
import { request } from '../../api'

/** 请家人代缴: makes the card a family member pays through. */
export const createPayShare = (
  accountNo: string,
  body: { purpose: PayShare['purpose']; amountFen: number | null },
  idempotencyKey: string,
) => request(routes.createPayShare, { params: { accountNo }, body, idempotencyKey })
