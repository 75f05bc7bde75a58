import type { AppInfo } from '@gh/shared'
import { Text, View } from '@tarojs/components'
import { a11y } from '../a11y'
import { useAppInfo } from '../app-info'
import { PageHeading } from '../components/page-heading'
import { PageRoot } from '../components/page-root'
import { PageShell } from '../components/page-shell'
import { ReadAloudBar } from '../components/read-aloud'
import { legalSpeech, privacySections, termsSections, type LegalFacts } from './policy'
import './legal-page.scss'

const documents = {
  privacy: { title: '隐私政策', sections: privacySections },
  terms: { title: '用户协议', sections: termsSections },
} as const

function factsOf(info: AppInfo): LegalFacts {
  return { ...info.legal, servicePhone: info.servicePhone }
}

/** 用户协议 or 隐私政策, with the utility's own name and contacts from the BFF. */
export function LegalPage({ doc }: { doc: keyof typeof documents }) {
  const { title, sections } = documents[doc]
  const { state, retry } = useAppInfo()
  const facts = state.status === 'success' ? factsOf(state.data) : undefined
  return (
    <PageRoot className="legal">
      <PageHeading title={title} subtitle={facts ? `${facts.utilityName}` : undefined} />
      {facts ? (
        <ReadAloudBar what={title} text={() => legalSpeech(title, sections(facts))} />
      ) : null}
      <PageShell state={state} onRetry={retry} what={title}>
        {(info) => (
          <View className="card legal__body">
            {sections(factsOf(info)).map((section) => (
              <View key={section.heading} className="legal__section">
                <Text className="legal__heading" {...a11y(undefined, 'heading')} aria-level="2">
                  {section.heading}
                </Text>
                {section.paragraphs.map((p) => (
                  <Text key={p} className="legal__paragraph">
                    {p}
                  </Text>
                ))}
              </View>
            ))}
            <Text className="legal__version">版本 {info.legal.policyVersion}</Text>
          </View>
        )}
      </PageShell>
    </PageRoot>
  )
}
