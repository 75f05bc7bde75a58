import type { DataSource, Repository } from 'typeorm'
import { AccountBinding } from './account-binding-entity'

export class BindingRepository {
  private readonly repo: Repository<AccountBinding>

  constructor(db: DataSource) {
    this.repo = db.getRepository(AccountBinding)
  }

  async isBound(userId: string, accountNo: string): Promise<boolean> {
    return this.repo.exists({ where: { userId, accountNo } })
  }

  async listForUser(userId: string): Promise<AccountBinding[]> {
    return this.repo.find({ where: { userId }, order: { createdAt: 'ASC' } })
  }

  async save(binding: AccountBinding): Promise<AccountBinding> {
    return this.repo.save(binding)
  }
}
