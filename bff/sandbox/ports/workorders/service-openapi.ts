import { z } from 'zod'
import { UpstreamError } from '../../../contracts/common'
import { ConnectionPathParams, ConnectionRecord } from '../../../contracts/customers-connections'
import type { ContractOperation } from '../../../contracts/openapi'
import {
  DeskAlert,
  HelpAlertPathParams,
  HelpAlertRequest,
  IgnitionPathParams,
  IgnitionView,
} from '../../../contracts/workorders-service'

/**
 * The developer's hand on 报装, 通气点火 and the service desks' 一键求助 queue. The routes the
 * BFF calls are in the customers and workorders contracts; only /sandbox/* ones are here.
 */

export const IgnitionCompletion = z.object({
  failed: z.array(z.string()).max(10).default([]).describe('safety-check items that fail'),
})
export const DeskAcknowledgement = z.object({ by: z.string().min(1).max(20).default('值班员') })
export const DeskAlertList = z.object({
  items: z.array(DeskAlert.extend({ request: HelpAlertRequest })),
})

export const serviceDevSchemas = {
  ConnectionRecord,
  IgnitionView,
  IgnitionCompletion,
  DeskAcknowledgement,
  DeskAlertList,
}

const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }

export const serviceDevOperations: readonly ContractOperation[] = [
  {
    operationId: 'advanceConnection',
    method: 'post',
    path: '/sandbox/connections/:applicationId/advance',
    summary: '报装: the next field step (surveyed, then meter installed and the account opened)',
    params: ConnectionPathParams,
    responses: {
      200: { description: 'The application as it stands', schema: ConnectionRecord },
      400: invalid,
      404: { description: 'NOT_FOUND', schema: UpstreamError },
      409: { description: 'CONNECTION_STAGE: the meter is in already', schema: UpstreamError },
    },
  },
  {
    operationId: 'completeIgnition',
    method: 'post',
    path: '/sandbox/ignition/:accountNo/complete',
    summary: '通气点火: the booked visit done now, its safety check recorded with the account',
    params: IgnitionPathParams,
    body: IgnitionCompletion,
    responses: {
      200: { description: 'The visit and its check', schema: IgnitionView },
      400: invalid,
      409: { description: 'NOT_BOOKED', schema: UpstreamError },
    },
  },
  {
    operationId: 'listHelpAlerts',
    method: 'get',
    path: '/sandbox/help-alerts',
    summary: '一键求助: every alert the service desks received, newest first',
    responses: { 200: { description: 'Alerts as received', schema: DeskAlertList } },
  },
  {
    operationId: 'acknowledgeHelpAlert',
    method: 'post',
    path: '/sandbox/help-alerts/:deskRef/acknowledge',
    summary: '一键求助: the person on duty confirms the alert',
    params: HelpAlertPathParams,
    body: DeskAcknowledgement,
    responses: {
      200: { description: 'The alert, acknowledged', schema: DeskAlert },
      400: invalid,
      404: { description: 'NOT_FOUND', schema: UpstreamError },
    },
  },
]
