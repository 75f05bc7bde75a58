import type { ContractOperation } from '../../../contracts/openapi'
import { UpstreamError } from '../../../contracts/common'
import { Meter, MeterPathParams } from '../../../contracts/meters'
import {
  FailNext,
  FailNextState,
  MeterSettings,
  MeterSettingsUpdate,
  OnlineUpdate,
} from '../meters/dev-schemas'
import {
  InspectionVerdict,
  WorkOrderSettings,
  WorkOrderSettingsUpdate,
} from '../workorders/dev-schemas'
import { Inspection, InspectionPathParams } from '../../../contracts/workorders-inspections'
import { Ledger, LedgerQuery } from './dev-schemas'

/** The core systems' developer endpoints, for the sandbox's own OpenAPI document. */
export const coreDevSchemas = { Ledger, MeterSettings, WorkOrderSettings }

const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }

export const coreDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'getLedger',
    method: 'get',
    path: '/sandbox/ledger',
    summary: 'Billing postings, refunds, meter credits and IC purchases of one account',
    description: 'Lets a test count credits: the same idempotency key twice must show once.',
    query: LedgerQuery,
    responses: {
      200: { description: 'Ledger', schema: Ledger },
      400: invalid,
      404: { description: 'ACCOUNT_NOT_FOUND', schema: UpstreamError },
    },
  },
  {
    operationId: 'setMeterOnline',
    method: 'post',
    path: '/sandbox/meters/:meterNo/online',
    summary: 'Takes an IoT meter off the network or brings it back',
    description:
      'Offline, credits queue; back online, queued credits confirm after the confirmation delay.',
    params: MeterPathParams,
    body: OnlineUpdate,
    responses: {
      200: { description: 'The meter now', schema: Meter },
      400: invalid,
      404: { description: 'METER_NOT_FOUND', schema: UpstreamError },
      422: { description: 'METER_TYPE_MISMATCH (not an IoT meter)', schema: UpstreamError },
    },
  },
  {
    operationId: 'failNextMeterCalls',
    method: 'post',
    path: '/sandbox/meters/fail-next',
    summary: 'The next `count` credit and IC purchase calls fail (503 METER_GATEWAY_UNAVAILABLE)',
    description: 'Failed calls record nothing, so a retry with the same id succeeds afterwards.',
    body: FailNext,
    responses: { 200: { description: 'Failures left', schema: FailNextState }, 400: invalid },
  },
  {
    operationId: 'getMeterSettings',
    method: 'get',
    path: '/sandbox/meters/settings',
    summary: 'Meter platform settings (confirmation delay)',
    responses: { 200: { description: 'Settings', schema: MeterSettings } },
  },
  {
    operationId: 'setMeterSettings',
    method: 'post',
    path: '/sandbox/meters/settings',
    summary: 'Changes how long IoT meters take to confirm new credits (default 30 s)',
    body: MeterSettingsUpdate,
    responses: { 200: { description: 'Settings now', schema: MeterSettings }, 400: invalid },
  },
  {
    operationId: 'getWorkOrderSettings',
    method: 'get',
    path: '/sandbox/workorders/settings',
    summary: 'Acceptance SLAs per kind and whether dispatch is paused',
    responses: { 200: { description: 'Settings', schema: WorkOrderSettings } },
  },
  {
    operationId: 'setWorkOrderSettings',
    method: 'post',
    path: '/sandbox/workorders/settings',
    summary: 'Sets acceptance SLAs (new orders) or pauses dispatch so nobody accepts',
    body: WorkOrderSettingsUpdate,
    responses: { 200: { description: 'Settings now', schema: WorkOrderSettings }, 400: invalid },
  },
  {
    operationId: 'completeInspection',
    method: 'post',
    path: '/sandbox/workorders/inspections/:inspectionId/complete',
    summary: 'The inspector finishes a booked 入户安检 now: pass (gas back on if stopped) or fail',
    description: 'Without it, a booked visit passes when its window ends on the sandbox clock.',
    params: InspectionPathParams,
    body: InspectionVerdict,
    responses: {
      200: { description: 'The inspection, done', schema: Inspection },
      400: invalid,
      404: { description: 'INSPECTION_NOT_FOUND', schema: UpstreamError },
      409: { description: 'INSPECTION_CLOSED', schema: UpstreamError },
    },
  },
]
