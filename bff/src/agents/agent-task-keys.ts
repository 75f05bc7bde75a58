import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { AppError } from '../platform/app-error'

/** As long as the idempotency layer keeps any other answer. */
const KEY_TTL_SECONDS = 24 * 3600

interface Claimed {
  fingerprint: string
  /** Null while the first request is still being served. */
  taskId: string | null
}

/**
 * Idempotency for sending a task. The answer carries the agent link, a capability, so it is
 * never kept for a replay: only the task id is stored under the agent's key, and a repeat is
 * answered with the same task and a freshly issued link.
 */
export class AgentTaskKeys {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  /**
   * `fresh`: the caller creates the task, then `complete`s (or `abandon`s on failure);
   * `repeat`: the key already made this task.
   */
  async begin(
    agentId: string,
    key: string,
    request: unknown,
  ): Promise<
    | { kind: 'fresh'; complete: (taskId: string) => Promise<void>; abandon: () => Promise<void> }
    | { kind: 'repeat'; taskId: string }
  > {
    const redisKey = this.key(agentId, key)
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex')
    const pending: Claimed = { fingerprint, taskId: null }
    const claimed = await this.redis.set(
      redisKey,
      JSON.stringify(pending),
      'EX',
      KEY_TTL_SECONDS,
      'NX',
    )
    if (claimed === 'OK') {
      return {
        kind: 'fresh',
        complete: async (taskId) => {
          const done: Claimed = { fingerprint, taskId }
          await this.redis.set(redisKey, JSON.stringify(done), 'EX', KEY_TTL_SECONDS)
        },
        abandon: async () => {
          await this.redis.del(redisKey)
        },
      }
    }
    const raw = await this.redis.get(redisKey)
    const stored = raw ? (JSON.parse(raw) as Claimed) : null
    if (!stored?.taskId) throw new AppError('IDEMPOTENCY_CONFLICT')
    if (stored.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    return { kind: 'repeat', taskId: stored.taskId }
  }

  private key(agentId: string, key: string): string {
    const hashed = createHash('sha256').update(key).digest('hex').slice(0, 32)
    return `${this.namespace}:agent-task-key:${agentId}:${hashed}`
  }
}
