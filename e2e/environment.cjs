const { TestEnvironment } = require('jest-environment-node')

/**
 * Node's test environment, telling the tests whether the one running has failed so far, so the
 * browser helpers can print what the app showed at that moment (see `browserForTests`).
 */
class JourneyEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__journeyFailed = false
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure')
      this.global.__journeyFailed = true
  }
}

module.exports = JourneyEnvironment
