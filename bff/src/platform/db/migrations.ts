import { Initial1764100000000 } from './migrations/1764100000000-initial'

/** In order. A new migration is a new file and a new line here; released ones never change. */
export const migrations = [Initial1764100000000]
