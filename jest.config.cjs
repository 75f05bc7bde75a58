const fs = require('node:fs')
const path = require('node:path')

/*
 * Unit and integration tests of every workspace in one run. A workspace without its own
 * jest.config.cjs is left out (npm test warns about it) so one unfinished workspace does not
 * stop the others' tests. Browser tests have their own config: e2e/jest.config.cjs.
 */
const workspaces = ['shared', 'bff', 'miniapp', 'scripts']

/** @type {import('jest').Config} */
module.exports = {
  projects: workspaces
    .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'jest.config.cjs')))
    .map((dir) => `<rootDir>/${dir}`),
}
