import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import {
  ConnectionPathParams,
  CreateConnectionRequest,
  type ConnectionRecord,
} from '../../../contracts/customers-connections'
import type { CustomerAccount } from '../../../contracts/customers'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { SandboxError, parseOr400 } from '../../middleware/errors'
import { idNumber } from '../../seed/id-number'
import { CITY, PROVINCE, districts } from '../../seed/places'
import { idempotencyMismatch } from '../meters/idempotency'
import type { PortDeps } from '../port'
import type { AccountDirectory } from './directory'

/**
 * 报装 in the CIS: applications move on by a developer endpoint (the survey and the meter
 * installation happen in the field); installing the meter opens a prepaid IoT account numbered
 * after the personas (1000000050 onwards), so the meter platform finds its meter by number.
 */

interface Application {
  record: ConnectionRecord
  request: CreateConnectionRequest
  district: (typeof districts)[number]
}

const FIRST_NEW_ACCOUNT = 50
const LAST_NEW_ACCOUNT = 99

export class ConnectionDesk {
  private readonly byId = new Map<string, Application>()
  private readonly byRequest = new Map<string, string>()
  private readonly byAccount = new Map<string, string>()
  private nextAccount = FIRST_NEW_ACCOUNT
  private sequence = 0

  constructor(
    private readonly clock: SandboxClock,
    private readonly directory: AccountDirectory,
  ) {}

  create(request: CreateConnectionRequest): { record: ConnectionRecord; created: boolean } {
    const earlier = this.byRequest.get(request.requestId)
    if (earlier) {
      const application = this.mustFind(earlier)
      if (JSON.stringify(application.request) !== JSON.stringify(request)) {
        throw idempotencyMismatch()
      }
      return { record: { ...application.record }, created: false }
    }
    const district = districts.find((d) => d.name === request.district)
    if (!district) throw new SandboxError(400, 'DISTRICT_NOT_SERVED', '该城区不在供气范围内')
    this.sequence += 1
    const applicationId = `BZ${String(this.clock.nowMs()).slice(-6)}${String(this.sequence).padStart(4, '0')}`
    const record: ConnectionRecord = {
      applicationId,
      stage: 'submitted',
      applicantName: request.applicantName,
      address: `${PROVINCE}${CITY}${district.name}${request.addressDetail}`,
      appliedAt: toShanghaiIso(this.clock.nowMs()),
      surveyedAt: null,
      installedAt: null,
      ignitedAt: null,
      accountNo: null,
      fromAccountNo: request.fromAccountNo,
    }
    this.byId.set(applicationId, { record, request, district })
    this.byRequest.set(request.requestId, applicationId)
    return { record: { ...record }, created: true }
  }

  find(applicationId: string): ConnectionRecord {
    return { ...this.mustFind(applicationId).record }
  }

  /** The application that opened the account, if a new connection did. */
  ofAccount(accountNo: string): ConnectionRecord | undefined {
    const id = this.byAccount.get(accountNo)
    return id ? this.find(id) : undefined
  }

  /** The field's next step: surveyed, then the meter installed and the account opened. */
  advance(applicationId: string): ConnectionRecord {
    const application = this.mustFind(applicationId)
    const { record } = application
    const now = toShanghaiIso(this.clock.nowMs())
    if (record.stage === 'submitted') {
      record.stage = 'surveyed'
      record.surveyedAt = now
    } else if (record.stage === 'surveyed') {
      const account = this.openAccount(application)
      record.stage = 'meter_installed'
      record.installedAt = now
      record.accountNo = account.accountNo
      this.byAccount.set(account.accountNo, record.applicationId)
    } else {
      throw new SandboxError(409, 'CONNECTION_STAGE', '该申请已安装燃气表，下一步是通气点火')
    }
    return { ...record }
  }

  /** The ignition visit turned the gas on. */
  ignited(accountNo: string): void {
    const id = this.byAccount.get(accountNo)
    if (!id) return
    const { record } = this.mustFind(id)
    if (record.stage === 'meter_installed') {
      record.stage = 'ignited'
      record.ignitedAt = toShanghaiIso(this.clock.nowMs())
    }
  }

  private openAccount(application: Application): CustomerAccount {
    if (this.nextAccount > LAST_NEW_ACCOUNT) {
      throw new SandboxError(409, 'NO_ACCOUNT_NUMBERS', '沙箱可开的新户号已用完，请重启沙箱')
    }
    const suffix = String(this.nextAccount++).padStart(2, '0')
    const { request, district, record } = application
    const account: CustomerAccount = {
      accountNo: `10000000${suffix}`,
      kind: 'iot_prepaid',
      status: 'active',
      holderName: request.applicantName,
      phone: request.phone,
      // The CIS reads it off the 身份证 photo at the survey; the sandbox makes one up.
      idNumber: idNumber(district.code, '19900101', 100 + this.nextAccount),
      address: {
        province: PROVINCE,
        city: CITY,
        district: district.name,
        street: request.addressDetail,
        community: '',
        building: null,
        unit: null,
        room: '',
        full: record.address,
      },
      areaCode: `${district.code}01`,
      meterNo: `NB21990000${suffix}`,
      openedAt: toShanghaiIso(this.clock.nowMs()),
      careTags: [],
    }
    this.directory.replace(account)
    return account
  }

  private mustFind(applicationId: string): Application {
    const application = this.byId.get(applicationId)
    if (!application) throw new SandboxError(404, 'NOT_FOUND', '没有这份报装申请')
    return application
  }
}

export interface ConnectionsState {
  readonly desk: ConnectionDesk
  readonly devEndpoints: boolean
}

export function createConnectionsState(
  deps: PortDeps,
  directory: AccountDirectory,
): ConnectionsState {
  return {
    desk: new ConnectionDesk(deps.clock, directory),
    devEndpoints: deps.config.nodeEnv !== 'production',
  }
}

/** The CIS's 报装 endpoints, and the developer's hand on the field work. */
export function connectionsRouter(state: ConnectionsState): Router {
  const { desk } = state
  const router = new Router()
  router.use(bodyParser({ enableTypes: ['json'] }))

  router.post('/customers/v1/connections', (ctx) => {
    const request = parseOr400(CreateConnectionRequest, ctx.request.body)
    const { record, created } = desk.create(request)
    ctx.status = created ? 201 : 200
    ctx.body = record
  })

  router.get('/customers/v1/connections/:applicationId', (ctx) => {
    const { applicationId } = parseOr400(ConnectionPathParams, ctx.params)
    ctx.body = desk.find(applicationId)
  })

  if (state.devEndpoints) {
    router.post('/sandbox/connections/:applicationId/advance', (ctx) => {
      const { applicationId } = parseOr400(ConnectionPathParams, ctx.params)
      ctx.body = desk.advance(applicationId)
    })
  }
  return router
}
