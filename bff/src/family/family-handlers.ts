import type { routes } from '@gh/shared'
import type { BindingService } from '../accounts/binding-service'
import type { RouteHandler } from '../platform/http/routes'
import type { FamilyService } from './family-service'

type R = typeof routes

export function familyHandlers(deps: { family: FamilyService; bindings: BindingService }): {
  createFamilyInvite: RouteHandler<R['createFamilyInvite']>
  acceptFamilyInvite: RouteHandler<R['acceptFamilyInvite']>
  listFamilyMembers: RouteHandler<R['listFamilyMembers']>
  removeFamilyMember: RouteHandler<R['removeFamilyMember']>
} {
  const { family, bindings } = deps
  return {
    createFamilyInvite: ({ user, params }) => family.invite(user.userId, params.accountNo),
    acceptFamilyInvite: async ({ user, body, log }) => {
      const row = await family.accept(user.userId, body.code, body.label)
      return bindings.present(row, log)
    },
    listFamilyMembers: async ({ user, params }) => ({
      members: await family.members(user.userId, params.accountNo),
    }),
    removeFamilyMember: async ({ user, params }) => {
      await family.remove(user.userId, params.accountNo, params.memberId)
      return { removed: true as const }
    },
  }
}
