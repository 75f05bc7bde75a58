import { billingContract } from './billing'
import { contentContract } from './content'
import { customersContract } from './customers'
import { metersContract } from './meters'
import type { Contract } from './openapi'
import { smsContract } from './sms'
import { wechatpayContract } from './wechatpay'
import { workordersContract } from './workorders'

/** Every upstream contract; one OpenAPI file is committed per entry. */
export const contracts: readonly Contract[] = [
  customersContract,
  smsContract,
  wechatpayContract,
  billingContract,
  metersContract,
  workordersContract,
  contentContract,
]

export function contractFileName(contract: Contract): string {
  return `${contract.port}.openapi.json`
}
