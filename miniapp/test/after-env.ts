import { queryClient } from '../src/hooks/query-cache'

// One query cache for the whole app: no test may start from another test's answers.
afterEach(() => queryClient.clear())
