import type { NotificationChannel } from '@gh/shared'

/** What the platform's consent dialog answered, per template id. */
export interface Consent {
  /** False where there is no dialog to ask with (H5, an old client). */
  asked: boolean
  accepted: string[]
  refused: string[]
}

export interface Subscriptions {
  /** The channel this build's subscription messages go through; null on H5. */
  channel: Extract<NotificationChannel, 'wechat' | 'alipay'> | null
  /**
   * Opens the platform's consent dialog for these templates. WeChat only opens it inside a
   * tap, so it is called first thing in the tap, before any await. Never rejects.
   */
  ask: (templateIds: readonly string[]) => Promise<Consent>
}

/** Both platforms take at most three templates in one dialog. */
export const MAX_TEMPLATES_PER_ASK = 3

export const notAsked: Consent = { asked: false, accepted: [], refused: [] }
