export { voice } from './voice'
export type { Voice } from './types'
export { VoiceError, chunkText } from './types'
export { homeSpeech, billsSpeech, meSpeech } from './scripts'
export type { HomeFacts, BillFacts, BillsSpeechFacts } from './scripts'
export { billFacts, spokenBillTitle } from './bill-facts'
export { orderSpeech, ordersSpeech, purposeNames, repairsSpeech } from './order-scripts'
export type { RepairsFacts } from './order-scripts'
export { billDetailsSpeech, billLineSpeech } from './bill-lines'
export { rechargeSpeech } from './recharge-scripts'
export type { RechargeFacts } from './recharge-scripts'
export {
  accountsSpeech,
  agentLinkBindSpeech,
  bindSpeech,
  joinFamilySpeech,
  ownerFamilySpeech,
} from './account-scripts'
export type {
  AccountFacts,
  BindFacts,
  FamilyMemberFacts,
  OwnerFamilyFacts,
} from './account-scripts'
export { loginSpeech, myDataSpeech } from './me-scripts'
export type { LoginFacts } from './me-scripts'
