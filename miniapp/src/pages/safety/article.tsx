import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { a11y } from '../../a11y'
import { ApiError } from '../../api'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { getArticle } from './api'
import { ArticleMedia } from './parts/article-media'
import { articleSpeech } from './speech'
import './index.scss'

/** One safety article, to read or to hear (agents send residents links straight here). */
export default function ArticlePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { state, retry } = useQuery(['public', 'article', id], () =>
    id ? getArticle(id) : Promise.reject(new ApiError({ code: 'ARTICLE_NOT_FOUND' })),
  )
  const article = state.status === 'success' ? state.data : undefined
  return (
    <PageRoot className="safety">
      <PageHeading title={article?.title ?? '安全提示'} subtitle={article?.summary} />
      {article ? <ReadAloudBar what={article.title} text={() => articleSpeech(article)} /> : null}
      <PageShell state={state} onRetry={retry} what="文章">
        {(loaded) => (
          <View className="card article">
            {loaded.sections.map((section, i) => (
              <View key={section.heading ?? i} className="article__section">
                {section.heading ? (
                  <Text className="article__heading" {...a11y(undefined, 'heading')} aria-level="2">
                    {section.heading}
                  </Text>
                ) : null}
                {section.paragraphs.map((p) => (
                  <Text key={p} className="article__paragraph">
                    {p}
                  </Text>
                ))}
                {section.media.map((m) => (
                  <ArticleMedia key={m.url} media={m} />
                ))}
              </View>
            ))}
            <Text className="article__updated">更新于 {loaded.updatedAt.slice(0, 10)}</Text>
          </View>
        )}
      </PageShell>
    </PageRoot>
  )
}
