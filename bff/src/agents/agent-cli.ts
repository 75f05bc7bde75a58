import { parseArgs } from 'node:util'
import { AgentRole } from '@gh/shared'
import { entities } from '../composition/entities'
import { loadConfig } from '../platform/config'
import { openDatabase } from '../platform/db/data-source'
import { AgentService } from './agent-service'
import { AgentStore } from './agent-store'

/**
 * Creating agents, run by an operator on a host with the database's credentials:
 *   npm run agent:create -- --login pq07 --name "片区专员 王芳" --role area --team 长安一组 \
 *     --areas 13010201,13010202   (the password is read from AGENT_PASSWORD, never an argument)
 *   npm run agent:seed-dev        (development only: the agents in the workbench README)
 */
export const DEV_SEED_AGENTS = [
  {
    loginName: 'kf01',
    displayName: '客服 0231',
    role: 'csr',
    team: '客服中心',
    areas: [],
    password: 'kf01-dev-Passw0rd',
  },
  {
    loginName: 'pq01',
    displayName: '片区专员 李强',
    role: 'area',
    team: '长安一组',
    areas: ['13010201', '13010202', '13010203'],
    password: 'pq01-dev-Passw0rd',
  },
  {
    loginName: 'zg01',
    displayName: '主管 赵敏',
    role: 'supervisor',
    team: '长安一组',
    areas: [],
    password: 'zg01-dev-Passw0rd',
  },
  {
    loginName: 'zg02',
    displayName: '主管 孙丽',
    role: 'supervisor',
    team: '客服中心',
    areas: [],
    password: 'zg02-dev-Passw0rd',
  },
] as const

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  const config = loadConfig()
  const db = await openDatabase(config.database, entities, { migrations: 'verify' })
  const store = new AgentStore(db)
  const create = async (input: {
    loginName: string
    displayName: string
    role: AgentRole
    team: string
    areas: readonly string[]
    password: string
  }) => {
    if (await store.byLoginName(input.loginName)) {
      process.stdout.write(`agent ${input.loginName} exists, left as it is\n`)
      return
    }
    const passwordHash = await AgentService.hashPassword(input.password)
    await store.create({ ...input, areas: [...input.areas], passwordHash }, new Date())
    process.stdout.write(`agent ${input.loginName} created\n`)
  }
  try {
    if (command === 'seed-dev') {
      // Known passwords are for the sandbox only.
      if (config.env === 'production') throw new Error('refusing to seed agents in production')
      for (const agent of DEV_SEED_AGENTS) await create(agent)
      return
    }
    if (command !== 'create') throw new Error('usage: agent-cli create|seed-dev')
    const { values } = parseArgs({
      args: rest,
      options: {
        login: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string' },
        areas: { type: 'string', default: '' },
      },
    })
    const password = process.env.AGENT_PASSWORD ?? ''
    if (password.length < 12) throw new Error('set AGENT_PASSWORD (at least 12 characters)')
    if (!values.login || !values.name || !values.team) {
      throw new Error('--login, --name and --team are required')
    }
    await create({
      loginName: values.login,
      displayName: values.name,
      role: AgentRole.parse(values.role),
      team: values.team,
      areas: values.areas ? values.areas.split(',') : [],
      password,
    })
  } finally {
    await db.destroy()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
