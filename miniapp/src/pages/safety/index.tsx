import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ArticleSummary } from '@gh/shared'
import { FormField } from '../../components/form-field'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { ReadAloudBar } from '../../components/read-aloud'
import { VoiceInput } from '../../components/voice-input'
import { useQuery, type QueryState } from '../../hooks/use-query'
import { listArticles } from './api'
import { ArticleList } from './parts/article-list'
import { HomeChecks } from './parts/home-checks'
import { NoticeSection } from './parts/notice-section'
import { OutletSection } from './parts/outlet-section'
import { SectionTabs, type SafetySection } from './parts/section-tabs'
import { searchArticles } from './search'
import { articleListSpeech } from './speech'
import './index.scss'

function Tips() {
  const { state, retry } = useQuery(['public', 'articles'], listArticles)
  const [query, setQuery] = useState('')
  const shown: QueryState<ArticleSummary[]> =
    state.status === 'success' ? { ...state, data: searchArticles(state.data, query) } : state
  return (
    <>
      <View className="card safety-search">
        <FormField
          label="搜索安全提示"
          value={query}
          onChange={setQuery}
          placeholder="例如：泄漏、暖气不热"
        />
        <VoiceInput prompt="说出想找的内容" onConfirm={setQuery} />
      </View>
      <ReadAloudBar
        what="安全用气文章"
        text={() => articleListSpeech(shown.status === 'success' ? shown.data : [])}
      />
      <ArticleList
        state={shown}
        onRetry={retry}
        emptyTitle={query.trim() ? '没有找到相关的安全提示，换个说法试试' : undefined}
      />
    </>
  )
}

const isSection = (s: string | undefined): s is SafetySection =>
  s === 'tips' || s === 'notices' || s === 'outlets'

/**
 * 安全用气: safety tips, 停气/停暖 notices of the resident's area and outlets (incl. the nearest
 * IC-card write points). `?section=outlets&service=card_write` opens straight at the write points.
 */
export default function SafetyPage() {
  const { params } = useRouter()
  const [section, setSection] = useState<SafetySection>(
    isSection(params.section) ? params.section : 'tips',
  )
  return (
    <PageRoot className="safety">
      <PageHeading title="安全用气" subtitle="安全提示、停气停暖通知、营业网点" />
      <HomeChecks />
      <SectionTabs current={section} onSelect={setSection} />
      {section === 'tips' ? <Tips /> : null}
      {section === 'notices' ? <NoticeSection /> : null}
      {section === 'outlets' ? (
        <OutletSection initialCardWrite={params.service === 'card_write'} />
      ) : null}
    </PageRoot>
  )
}
