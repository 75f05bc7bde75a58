import {
  bindAccount,
  bindAccountBySms,
  getAccount,
  listAccounts,
  sendBindingCode,
  unbindAccount,
  updateBinding,
} from './accounts'
import { getAppInfo } from './app-info'
import { getBill, listBills } from './bills'
import { getArticle, listArticles, listNotices, listOutlets } from './content'
import {
  deleteMe,
  getMe,
  getMyData,
  loginAlipay,
  loginWechat,
  logout,
  refreshSession,
  sendSmsCode,
  verifySmsCode,
} from './auth'
import {
  acceptFamilyInvite,
  createFamilyInvite,
  listFamilyMembers,
  removeFamilyMember,
} from './family'
import {
  closeBillPayment,
  closeRecharge,
  createBillPayment,
  createRecharge,
  getBillPayment,
  getPaymentOptions,
  getRecharge,
  listBillPayments,
  listRecharges,
  notifyRoutes,
} from './payments'
import { createPayShare, createSharedOrder, getPayShare, getSharedOrder } from './pay-shares'
import { getAgentLink, redeemAgentLink } from './agent-links'
import { agentRoutes } from './agent'
import { agentProxyRoutes, proxyRequestRoutes } from './agent-proxy'
import { getHome } from './home'
import {
  getNotificationSettings,
  listMessages,
  readAllMessages,
  readMessage,
  updateNotificationSettings,
} from './notifications'
import { getUsage } from './usage'
import { getRepairPhoto, uploadRepairPhoto } from './repair-photos'
import {
  createRepair,
  getRepair,
  getRepairOptions,
  listRepairs,
  rateRepair,
  reopenRepair,
  urgeRepair,
} from './repairs'
import {
  cancelHeatingStop,
  createHeatingComplaint,
  createHeatingStop,
  getHeating,
  getHeatingComplaint,
  getHeatingStop,
  listHeatingComplaints,
  listHeatingStops,
} from './heating'
import { connectionRoutes } from './connections'
import { accountChangeRoutes } from './account-changes'
import { helpAlertRoutes } from './help-alerts'
import { safetyCheckRoutes } from './safety-checks'
import type { RouteSpec } from './route'

/** Every BFF route. The BFF registers exactly these; the OpenAPI document lists exactly these. */
export const routes = {
  getAppInfo,
  loginWechat,
  loginAlipay,
  sendSmsCode,
  verifySmsCode,
  refreshSession,
  logout,
  getMe,
  getMyData,
  deleteMe,
  listAccounts,
  bindAccount,
  sendBindingCode,
  bindAccountBySms,
  getAccount,
  getHome,
  updateBinding,
  unbindAccount,
  getAgentLink,
  redeemAgentLink,
  createFamilyInvite,
  acceptFamilyInvite,
  listFamilyMembers,
  removeFamilyMember,
  getPaymentOptions,
  createRecharge,
  listRecharges,
  getRecharge,
  closeRecharge,
  createBillPayment,
  listBillPayments,
  getBillPayment,
  closeBillPayment,
  listBills,
  getBill,
  createPayShare,
  getPayShare,
  createSharedOrder,
  getSharedOrder,
  listArticles,
  getArticle,
  listNotices,
  listOutlets,
  getNotificationSettings,
  updateNotificationSettings,
  listMessages,
  readMessage,
  readAllMessages,
  getUsage,
  uploadRepairPhoto,
  getRepairPhoto,
  getRepairOptions,
  createRepair,
  listRepairs,
  getRepair,
  urgeRepair,
  rateRepair,
  reopenRepair,
  getHeating,
  listHeatingStops,
  createHeatingStop,
  getHeatingStop,
  cancelHeatingStop,
  listHeatingComplaints,
  createHeatingComplaint,
  getHeatingComplaint,
  ...connectionRoutes,
  ...accountChangeRoutes,
  ...helpAlertRoutes,
  ...safetyCheckRoutes,
} as const

/** The user routes plus the payment providers' notification receivers (mounted on their own). */
export const allRoutes: readonly RouteSpec[] = [
  ...Object.values(routes),
  ...Object.values(notifyRoutes),
  ...Object.values(agentRoutes),
  ...Object.values(agentProxyRoutes),
  ...Object.values(proxyRequestRoutes),
]
