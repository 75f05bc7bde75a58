import { agentEntities } from '../agents/agent-entities'
import { AccountBinding } from '../accounts/account-binding-entity'
import { User, UserIdentity } from '../auth/user-entity'
import { OrderTransitionRow, PaymentOrderRow } from '../payments/order-entity'
import { notificationEntities } from '../notifications/notification-entities'
import { ReconciliationFindingRow } from '../reconciliation/finding-entity'
import { RepairRow } from '../repairs/repair-entity'
import { RepairPhotoRow } from '../repairs/photos/photo-entity'

/** Every feature's tables; the data source gets this list, so the platform knows no feature. */
export const entities = [
  User,
  UserIdentity,
  AccountBinding,
  PaymentOrderRow,
  OrderTransitionRow,
  ReconciliationFindingRow,
  RepairRow,
  RepairPhotoRow,
  ...notificationEntities,
  ...agentEntities,
]
