const Sequencer = require('@jest/test-sequencer').default
const path = require('node:path')

/*
 * Splits the journeys between the e2e shards by how long each file takes, so the shards end
 * together (jest's own split is by a hash of the path). The weights are relative; a file not
 * listed counts as 2. Rebalance when one shard's files take much longer than the other's.
 */
const WEIGHTS = {
  // Tens of seconds per file in a clean-clone run on 2 cores.
  'elder-audit': 11,
  repairs: 9,
  recharge: 8,
  home: 7,
  agent: 5,
  'share-pay': 4,
  newcomer: 4,
  'h5-smoke': 3,
  auth: 3,
  heating: 3,
  usage: 3,
  safety: 3,
  service: 2,
  'account-changes': 2,
  bills: 2,
  'read-aloud': 1,
  'agent-link': 1,
  'elder-dialog': 1,
}

const weightOf = (test) => WEIGHTS[path.basename(test.path, '.test.ts')] ?? 2

class BalancedSequencer extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const heaviestFirst = [...tests].sort(
      (a, b) => weightOf(b) - weightOf(a) || a.path.localeCompare(b.path),
    )
    const loads = new Array(shardCount).fill(0)
    const mine = []
    for (const test of heaviestFirst) {
      const lightest = loads.indexOf(Math.min(...loads))
      loads[lightest] += weightOf(test)
      if (lightest === shardIndex - 1) mine.push(test)
    }
    return mine
  }
}

module.exports = BalancedSequencer
