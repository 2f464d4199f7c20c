import type { FC } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import type { ProductImage } from '../catalogue/products.service.ts';
import { imageUrl, thumbSize } from './parts.tsx';

/** The first photo large (it is what a buyer looks at first), the others as thumbnails. */
export const Gallery: FC<{ name: string; images: ProductImage[]; t: PageContext['t'] }> = ({ name, images, t }) => {
  const [first, ...rest] = images;
  if (!first) return null;
  const thumb = thumbSize(first.width, first.height);
  return (
    <div class="gallery">
      <a href={imageUrl(first.id)}>
        <img
          src={imageUrl(first.id, 'nho')}
          srcset={`${imageUrl(first.id, 'nho')} ${thumb.width}w, ${imageUrl(first.id)} ${first.width}w`}
          sizes="(min-width: 48em) 40rem, 100vw"
          width={first.width}
          height={first.height}
          alt={t('products.image.alt', { name, n: 1 })}
          fetchpriority="high"
        />
      </a>
      {rest.length > 0 && (
        <ul class="thumbs">
          {rest.map((image, i) => {
            const s = thumbSize(image.width, image.height, 160);
            return (
              <li>
                <a href={imageUrl(image.id)}>
                  <img
                    src={imageUrl(image.id, 'nho')}
                    width={s.width}
                    height={s.height}
                    alt={t('products.image.alt', { name, n: i + 2 })}
                    loading="lazy"
                  />
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
};
