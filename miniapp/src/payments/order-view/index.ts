export { OrderFacts } from './order-facts'
export { toneMark } from './tone'
