import { createHash } from 'node:crypto'
import type { DataSource, Repository } from 'typeorm'
import {
  ConnectionDocumentKind,
  type ApplyConnectionRequest,
  type ConnectionApplication,
  type Ignition,
} from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import { AppError } from '../platform/app-error'
import { isUniqueViolation } from '../platform/db/unique-violation'
import type { Logger } from '../platform/logger'
import {
  DistrictNotServed,
  type ConnectionRecord,
  type ConnectionsPort,
} from '../upstream/customers/customers-connections-port'
import { IgnitionRefused, type IgnitionPort } from '../upstream/workorders/workorders-service-port'
import { ConnectionApplicationRow } from './connection-entity'
import { applicationView, ignitionView } from './connection-view'

/**
 * The photo service's part 报装 uses: its document claims, after which the photos are never
 * served back (an account's users could otherwise open the papers of a 报装 made from it).
 */
export interface DocumentPhotos {
  check(scope: string, photoIds: readonly string[], ref?: string): Promise<void>
  claim(scope: string, photoIds: readonly string[], ref: string): Promise<void>
}

export interface ConnectionDeps {
  db: DataSource
  connections: ConnectionsPort
  ignition: IgnitionPort
  bindings: BindingRepository
  photos: DocumentPhotos
  /** Drops the new account's cached reads once gas is on. */
  invalidate(accountNo: string): Promise<void>
  logger: Logger
  now: () => Date
}

/**
 * Where a resident's documents for a first connection are kept: a scope of their own that no
 * account number (10 digits) can equal, so nobody bound to an account can read them.
 */
export function documentScope(userId: string): string {
  return `N${createHash('sha256').update(userId).digest('hex').slice(0, 9)}`
}

const notFound = () => new AppError('CONNECTION_NOT_FOUND')

/**
 * 报装 and 通气点火: apply (documents checked, sent to the CIS, then claimed for the
 * application), follow it (once the meter is installed its account is bound to the applicant,
 * as owner), book the ignition visit, and show its safety check and the first top-up.
 */
export class ConnectionService {
  private readonly rows: Repository<ConnectionApplicationRow>

  constructor(private readonly deps: ConnectionDeps) {
    this.rows = deps.db.getRepository(ConnectionApplicationRow)
  }

  async apply(input: {
    userId: string
    idempotencyKey: string
    request: ApplyConnectionRequest
    fromAccountNo: string | null
  }): Promise<ConnectionApplication> {
    const { userId, idempotencyKey, request, fromAccountNo } = input
    const earlier = await this.rows.findOneBy({ userId, idempotencyKey })
    if (earlier) return this.view(earlier)
    const scope = fromAccountNo ?? documentScope(userId)
    const photoIds = request.documents.map((d) => d.photoId)
    await this.deps.photos.check(scope, photoIds)
    const requestId = `BZR${createHash('sha256').update(`${userId}:${idempotencyKey}`).digest('hex').slice(0, 40)}`
    let record: ConnectionRecord
    try {
      record = await this.deps.connections.apply({
        requestId,
        applicantName: request.applicantName,
        phone: request.phone,
        district: request.district,
        addressDetail: request.addressDetail,
        documentRefs: request.documents.map((d) => ({ kind: d.kind, ref: d.photoId })),
        fromAccountNo,
      })
    } catch (err) {
      if (err instanceof DistrictNotServed) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'district not served',
          userMessage: '该城区暂不在供气范围内，请拨打服务热线咨询',
        })
      }
      throw err
    }
    await this.deps.photos.claim(scope, photoIds, `connection:${record.applicationId}`)
    const row: ConnectionApplicationRow = {
      applicationId: record.applicationId,
      userId,
      idempotencyKey,
      fromAccountNo,
      accountNo: null,
      documentKinds: [...new Set(request.documents.map((d) => d.kind))].join(','),
      createdAt: this.deps.now(),
      boundAt: null,
    }
    try {
      await this.rows.insert(row)
    } catch (err) {
      const winner = isUniqueViolation(err)
        ? await this.rows.findOneBy({ userId, idempotencyKey })
        : null
      if (!winner) throw err
      return this.view(winner)
    }
    return this.present(row, record)
  }

  /** The resident's applications, newest first; an installed meter's account is bound here. */
  async mine(userId: string): Promise<ConnectionApplication[]> {
    const rows = await this.rows.find({ where: { userId }, order: { createdAt: 'DESC' } })
    return Promise.all(rows.map((row) => this.view(row)))
  }

  async ofAccount(accountNo: string): Promise<ConnectionApplication[]> {
    const rows = await this.rows.find({
      where: [{ accountNo }, { fromAccountNo: accountNo }],
      order: { createdAt: 'DESC' },
    })
    return Promise.all(rows.map((row) => this.view(row)))
  }

  async ignition(accountNo: string): Promise<Ignition> {
    const record = await this.deps.ignition.view(accountNo)
    if (!record) throw notFound()
    if (record.status === 'done') await this.deps.invalidate(accountNo)
    return ignitionView(record)
  }

  async bookIgnition(accountNo: string, slotId: string): Promise<Ignition> {
    try {
      return ignitionView(await this.deps.ignition.book(accountNo, slotId))
    } catch (err) {
      if (err instanceof IgnitionRefused) {
        throw new AppError(
          err.reason === 'done' ? 'IGNITION_ALREADY_DONE' : 'IGNITION_SLOT_UNAVAILABLE',
        )
      }
      throw err
    }
  }

  private async view(row: ConnectionApplicationRow): Promise<ConnectionApplication> {
    const record = await this.deps.connections.find(row.applicationId)
    if (!record) throw notFound()
    return this.present(row, record)
  }

  private async present(
    row: ConnectionApplicationRow,
    record: ConnectionRecord,
  ): Promise<ConnectionApplication> {
    if (record.accountNo && !row.accountNo) await this.bindNewAccount(row, record.accountNo)
    const ignition = record.accountNo ? await this.deps.ignition.view(record.accountNo) : null
    const kinds = row.documentKinds.split(',').flatMap((k) => {
      const kind = ConnectionDocumentKind.safeParse(k)
      return kind.success ? [kind.data] : []
    })
    return applicationView(row, record, ignition, kinds)
  }

  /**
   * The applicant becomes the account's owner without proving it again: the utility opened the
   * account for their application. Bound once, whoever reads the application first.
   */
  private async bindNewAccount(row: ConnectionApplicationRow, accountNo: string): Promise<void> {
    const { bindings, now } = this.deps
    if (!(await bindings.find(row.userId, accountNo))) {
      try {
        await bindings.add(
          { userId: row.userId, accountNo, label: '新装燃气', role: 'owner' },
          now(),
        )
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
      }
    }
    await this.rows.update({ applicationId: row.applicationId }, { accountNo, boundAt: now() })
    row.accountNo = accountNo
    this.deps.logger.info({ applicationId: row.applicationId }, 'new connection account bound')
  }
}
