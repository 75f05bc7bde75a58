import { Text, View } from '@tarojs/components'
import type { ArticleSummary } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { PageShell } from '../../../components/page-shell'
import type { QueryState } from '../../../hooks/use-query'
import { openPage } from '../../../navigation/pages'

export const articlePage = (articleId: string) =>
  `/pages/safety/article?id=${encodeURIComponent(articleId)}`

/** 安全用气: every article as a large row; a tap opens it to read (or hear) in full. */
export function ArticleList(props: {
  state: QueryState<ArticleSummary[]>
  onRetry: () => void
  emptyTitle?: string
}) {
  return (
    <PageShell
      state={props.state}
      onRetry={props.onRetry}
      what="安全提示"
      isEmpty={(articles) => articles.length === 0}
      emptyTitle={props.emptyTitle ?? '暂时没有安全提示'}
    >
      {(articles) => (
        <View>
          {articles.map((article) => (
            <View
              key={article.articleId}
              className="card safety-row"
              hoverClass="safety-row--pressed"
              onClick={() => openPage(articlePage(article.articleId))}
              // Named by its visible title and summary; the chevron is decoration.
              {...a11y(undefined, 'link')}
            >
              <View className="safety-row__body">
                <Text className="safety-row__title">{article.title}</Text>
                <Text className="safety-row__text">{article.summary}</Text>
              </View>
              <Text className="safety-row__chevron" {...decorative()}>
                ›
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
