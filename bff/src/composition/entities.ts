import { agentEntities } from '../agents/agent-entities'
import { AccountBinding } from '../accounts/account-binding-entity'
import { AccountChangeRow } from '../account-changes/account-change-entity'
import { User, UserIdentity } from '../auth/user-entity'
import { ConnectionApplicationRow } from '../connections/connection-entity'
import { helpAlertEntities } from '../help-alerts/help-alert-entities'
import { OrderTransitionRow, PaymentOrderRow } from '../payments/order-entity'
import { notificationEntities } from '../notifications/notification-entities'
import { ReconciliationFindingRow } from '../reconciliation/finding-entity'
import { RepairRow } from '../repairs/repair-entity'
import { RepairPhotoRow } from '../repairs/photos/photo-entity'
import { safetyEntities } from '../safety-checks/safety-entities'

/** Every feature's tables; the data source gets this list, so the platform knows no feature. */
export const entities = [
  User,
  UserIdentity,
  AccountBinding,
  AccountChangeRow,
  PaymentOrderRow,
  OrderTransitionRow,
  ReconciliationFindingRow,
  RepairRow,
  RepairPhotoRow,
  ...notificationEntities,
  ...agentEntities,
  ...safetyEntities,
  ConnectionApplicationRow,
  ...helpAlertEntities,
]
