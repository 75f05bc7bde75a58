import type { Contract } from '../../contracts/openapi'
import { UpstreamError } from '../../contracts/common'
import {
  AccountsPage,
  AccountsQuery,
  ClockState,
  ClockUpdate,
  FaultsState,
  Health,
  PortParam,
  adminSchemas,
} from './schemas'
import { FaultsUpdate } from '../faults'
import { wechatDevOperations, wechatDevSchemas } from '../ports/wechatpay/openapi'
import { coreDevOperations, coreDevSchemas } from '../ports/billing/dev-openapi'
import { alipayDevOperations, alipayDevSchemas } from '../ports/alipay/openapi'
import { paymentDevOperations, paymentDevSchemas } from '../ports/cashier/openapi'
import { smsDevOperations, smsDevSchemas } from '../ports/sms/openapi'
import { contentDevOperations, contentDevSchemas } from '../ports/content/dev-notices'
import { billingDevOperations, billingDevSchemas } from '../ports/billing/dev-bills'
import { customersDevOperations, customersDevSchemas } from '../ports/customers/dev-schemas'
import { serviceDevOperations, serviceDevSchemas } from '../ports/workorders/service-openapi'
import { z } from 'zod'

const invalid = { description: 'Invalid body or parameter', schema: UpstreamError }

/** The sandbox's own endpoints, served at GET /sandbox/openapi.json (not in production). */
export const sandboxContract: Contract = {
  port: 'sandbox',
  title: 'Core sandbox: developer and control endpoints',
  version: '1.0.0',
  description:
    'Simulates the utility core systems. Upstream contracts are served at ' +
    '/sandbox/contracts/<port>.openapi.json (e.g. customers.openapi.json). Faults apply per ' +
    'port (first path segment) and never to /sandbox/* or /healthz.',
  basePath: '',
  schemas: {
    ...adminSchemas,
    ...wechatDevSchemas,
    ...coreDevSchemas,
    ...alipayDevSchemas,
    ...paymentDevSchemas,
    ...smsDevSchemas,
    ...contentDevSchemas,
    ...billingDevSchemas,
    ...customersDevSchemas,
    ...serviceDevSchemas,
    UpstreamError,
  },
  operations: [
    {
      operationId: 'health',
      method: 'get',
      path: '/healthz',
      summary: 'Liveness',
      responses: { 200: { description: 'Up', schema: Health } },
    },
    {
      operationId: 'listAccounts',
      method: 'get',
      path: '/sandbox/accounts',
      summary: 'Personas and a page of generated accounts, with binding proofs',
      query: AccountsQuery,
      responses: { 200: { description: 'Accounts', schema: AccountsPage }, 400: invalid },
    },
    {
      operationId: 'getContract',
      method: 'get',
      path: '/sandbox/contracts/:file',
      summary: 'The OpenAPI document of an upstream port, e.g. customers.openapi.json',
      params: z.object({ file: z.string() }),
      responses: {
        200: { description: 'OpenAPI 3.1 document' },
        404: { description: 'No such contract', schema: UpstreamError },
      },
    },
    {
      operationId: 'getFaults',
      method: 'get',
      path: '/sandbox/faults',
      summary: 'Active fault configs by port',
      responses: { 200: { description: 'Faults', schema: FaultsState } },
    },
    {
      operationId: 'setFaults',
      method: 'post',
      path: '/sandbox/faults',
      summary: 'Set the fault config of one port ({ port, ... }) or several ({ ports })',
      description: 'Setting a port restarts its fault sequence, so runs replay the same faults.',
      body: FaultsUpdate,
      responses: { 200: { description: 'Faults now', schema: FaultsState }, 400: invalid },
    },
    {
      operationId: 'clearFaults',
      method: 'delete',
      path: '/sandbox/faults',
      summary: 'Clear every fault',
      responses: { 200: { description: 'Faults now', schema: FaultsState } },
    },
    {
      operationId: 'clearPortFaults',
      method: 'delete',
      path: '/sandbox/faults/:port',
      summary: 'Clear the faults of one port',
      params: PortParam,
      responses: { 200: { description: 'Faults now', schema: FaultsState }, 400: invalid },
    },
    {
      operationId: 'getClock',
      method: 'get',
      path: '/sandbox/clock',
      summary: 'Sandbox time',
      responses: { 200: { description: 'Clock', schema: ClockState } },
    },
    {
      operationId: 'setClock',
      method: 'post',
      path: '/sandbox/clock',
      summary: 'Advance ({ advanceMs }), set ({ set: iso }) or reset ({ reset: true }) the clock',
      body: ClockUpdate,
      responses: { 200: { description: 'Clock', schema: ClockState }, 400: invalid },
    },
    ...wechatDevOperations,
    ...coreDevOperations,
    ...alipayDevOperations,
    ...paymentDevOperations,
    ...smsDevOperations,
    ...contentDevOperations,
    ...billingDevOperations,
    ...customersDevOperations,
    ...serviceDevOperations,
  ],
}
