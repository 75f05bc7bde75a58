/**
 * 用量 and the gas forecast. Other features read the forecast from here only: the top-up
 * amounts (约可用 N 天, through the payment accounts' facts) and the home page.
 */
export { GasForecaster, forecastFromSeries, type GasOutlook } from './gas-forecast'
export { UsageService } from './usage-service'
export { usageHandlers } from './usage-handlers'
