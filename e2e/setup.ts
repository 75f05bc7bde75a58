/*
 * A journey that fails is run once more, its first failure printed above the retry (and the
 * pages it had open, from `browserForTests`), so a one-off timing slip in the browser does not
 * fail CI while anything that fails twice does. A retry shows in the log as "RETRY 1".
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true })
