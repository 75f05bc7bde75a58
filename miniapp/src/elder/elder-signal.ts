import { createSignal } from '../platform/signal'

/** The mode as ElderProvider resolved it, for trees outside the provider (the custom tab bar). */
export const elderSignal = createSignal(false)
