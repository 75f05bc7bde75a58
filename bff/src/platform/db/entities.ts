import { AccountBinding } from '../../accounts/account-binding-entity'
import { User, UserIdentity } from '../../auth/user-entity'

export const entities = [User, UserIdentity, AccountBinding]
