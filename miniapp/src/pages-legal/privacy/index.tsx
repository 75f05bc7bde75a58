import { LegalPage } from '../../privacy/legal-page'

export default function PrivacyPage() {
  return <LegalPage doc="privacy" />
}
