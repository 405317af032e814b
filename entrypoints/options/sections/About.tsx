import { browser } from 'wxt/browser';
import { t } from '@/utils/platform/i18n';

export interface AboutProps {
  welcomePage: string;
}

export function About({ welcomePage }: AboutProps) {
  return (
    <section id="about" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('options_about')}</h2>
      <p>{t('options_version', browser.runtime.getManifest().version)}</p>
      <p>{t('options_privacy')}</p>
      <p>
        <strong>{t('options_disclaimer')}</strong>
      </p>
      <p>{t('options_credit')}</p>
      <p class="muted">{t('options_article_claims')}</p>
      <p>
        <a href={welcomePage}>{t('options_show_welcome')}</a>
      </p>
    </section>
  );
}
