import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { listArticles } from './api'
import { ArticleList } from './parts/article-list'
import { NoticeSection } from './parts/notice-section'
import { OutletSection } from './parts/outlet-section'
import { SectionTabs, type SafetySection } from './parts/section-tabs'
import { articleListSpeech } from './speech'
import './index.scss'

function Tips() {
  const { state, retry } = useQuery(listArticles)
  return (
    <>
      <ReadAloudBar
        what="安全用气文章"
        text={() => articleListSpeech(state.status === 'success' ? state.data : [])}
      />
      <ArticleList state={state} onRetry={retry} />
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
      <SectionTabs current={section} onSelect={setSection} />
      {section === 'tips' ? <Tips /> : null}
      {section === 'notices' ? <NoticeSection /> : null}
      {section === 'outlets' ? (
        <OutletSection initialCardWrite={params.service === 'card_write'} />
      ) : null}
    </PageRoot>
  )
}
