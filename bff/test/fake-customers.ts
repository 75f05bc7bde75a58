import type { CustomerAccount, CustomersPort } from '../src/upstream/customers/customers-port'

export const holder: CustomerAccount = {
  accountNo: '1000000001',
  kind: 'iot_prepaid',
  status: 'active',
  holderName: '王建国',
  phone: '13812345678',
  address: '示范市东城区和平路18号幸福里小区3栋2单元501',
  areaCode: 'DC01',
  meterNo: 'M000000001',
}

/** An in-memory customers port for tests that are not about the HTTP adapter. */
export class FakeCustomers implements CustomersPort {
  constructor(private readonly accounts: CustomerAccount[] = [holder]) {}

  async getAccount(accountNo: string): Promise<CustomerAccount | null> {
    return this.accounts.find((a) => a.accountNo === accountNo) ?? null
  }

  async verifyHolder(accountNo: string, holderName: string, phoneLast4: string): Promise<boolean> {
    const a = await this.getAccount(accountNo)
    return !!a && a.holderName.startsWith(holderName) && a.phone.endsWith(phoneLast4)
  }

  async findByPhone(phone: string): Promise<CustomerAccount[]> {
    return this.accounts.filter((a) => a.phone === phone)
  }
}
