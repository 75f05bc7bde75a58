import request from 'supertest'
import { createSandbox, type Sandbox, type SandboxOptions } from '../app'

export interface Running {
  readonly sandbox: Sandbox
  readonly url: string
  readonly http: ReturnType<typeof request>
}

const running = new Set<Sandbox>()

/** A sandbox listening on a free port; closed by `closeAll` (call it in afterEach). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Running> {
  const sandbox = createSandbox(options)
  running.add(sandbox)
  const { url } = await sandbox.listen(0, '127.0.0.1')
  return { sandbox, url, http: request(url) }
}

export async function closeAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.close()))
  running.clear()
}
