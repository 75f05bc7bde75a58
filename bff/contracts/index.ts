import { customersContract } from './customers'
import type { Contract } from './openapi'

/** Every upstream contract; one OpenAPI file is committed per entry. */
export const contracts: readonly Contract[] = [customersContract]

export function contractFileName(contract: Contract): string {
  return `${contract.port}.openapi.json`
}
