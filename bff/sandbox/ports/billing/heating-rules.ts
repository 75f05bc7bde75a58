import type { CustomerAccount } from '../../../contracts/customers'

/**
 * 小区 whose buildings are heated through single-pipe risers (单管串联): the water runs through
 * every flat above and below in turn, so no one flat can be shut off without cutting its
 * neighbours' heat, and the network refuses 停暖 for single flats there. They are the old walk-ups
 * not yet rebuilt to two-pipe risers (东岗家属院 was, in its 老旧小区改造).
 */
const sharedRiserCommunities = new Set(['建华小区', '联盟小区', '西里小区', '友谊新村', '北焦小区'])

export function onSharedRiser(account: CustomerAccount): boolean {
  return sharedRiserCommunities.has(account.address.community)
}
