import { routes } from '@gh/shared'
import { changesBindings } from '../../account/api'
import { request } from '../../api'

/** One function per family (亲情账户) endpoint. */

export const createFamilyInvite = (accountNo: string) =>
  request(routes.createFamilyInvite, { params: { accountNo } })

export const acceptFamilyInvite = (code: string, label?: string) =>
  changesBindings(
    request(routes.acceptFamilyInvite, { body: { code, ...(label ? { label } : {}) } }),
  )

export async function listFamilyMembers(accountNo: string) {
  return (await request(routes.listFamilyMembers, { params: { accountNo } })).members
}

export const removeFamilyMember = (accountNo: string, memberId: string) =>
  changesBindings(request(routes.removeFamilyMember, { params: { accountNo, memberId } }))
