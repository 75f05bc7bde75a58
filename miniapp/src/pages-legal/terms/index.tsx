import { LegalPage } from '../../privacy/legal-page'

export default function TermsPage() {
  return <LegalPage doc="terms" />
}
