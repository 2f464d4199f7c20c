import type { FC } from 'hono/jsx';

/**
 * JSON for an inline data block: `<`, `>`, `&` and the two JavaScript line separators are
 * escaped, so no value (a product named `</script><script>…`) can end the block early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * schema.org structured data for search engines. A `application/ld+json` block is data, never
 * run by browsers, so the site's script policy is unchanged.
 */
export const JsonLd: FC<{ data: unknown }> = ({ data }) => (
  <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
);

/** Open Graph tags, for links shared on Zalo and Facebook. */
export const OpenGraph: FC<{
  type: string;
  title: string;
  description: string;
  url: string;
  image?: { url: string; width: number; height: number };
  locale: string;
  siteName: string;
}> = (p) => (
  <>
    <link rel="canonical" href={p.url} />
    <meta property="og:type" content={p.type} />
    <meta property="og:site_name" content={p.siteName} />
    <meta property="og:title" content={p.title} />
    <meta property="og:description" content={p.description} />
    <meta property="og:url" content={p.url} />
    <meta property="og:locale" content={p.locale} />
    {p.image && (
      <>
        <meta property="og:image" content={p.image.url} />
        <meta property="og:image:width" content={String(p.image.width)} />
        <meta property="og:image:height" content={String(p.image.height)} />
      </>
    )}
    <meta name="twitter:card" content={p.image ? 'summary_large_image' : 'summary'} />
  </>
);
