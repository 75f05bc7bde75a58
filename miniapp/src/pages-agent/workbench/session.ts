import { useSyncExternalStore } from 'react'
import { createTokenStore } from '../../auth/token-store'
import { queryClient } from '../../hooks/query-cache'
import { taroStore } from '../../platform/storage'

/**
 * The workbench's own session: its own storage key and its own API client, so an agent token
 * never rides on a resident request and a resident logging in or out on the same device never
 * ends the agent's session (nor the other way round).
 */
export const AGENT_TOKEN_KEY = 'gh.agent.session.token'

export const agentTokenStore = createTokenStore(taroStore, AGENT_TOKEN_KEY)

// Another agent (or none) from now on: every workbench answer of the old session goes.
agentTokenStore.subscribe(() => {
  void queryClient.resetQueries({ queryKey: ['agent'] })
})

export function useAgentLoggedIn(): boolean {
  return useSyncExternalStore(agentTokenStore.subscribe, () => agentTokenStore.get() !== undefined)
}
