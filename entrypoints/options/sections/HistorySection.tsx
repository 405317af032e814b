import { useEffect, useRef, useState } from 'preact/hooks';
import { localDayKey } from '@/utils/day';
import { allTimeTotals, currentStreak, historyStart, lastDays } from '@/utils/history/totals';
import type { Settings } from '@/utils/settings/settings';
import { t, tCount } from '@/utils/platform/i18n';
import { useHistory } from '@/components/use-history';
import type { HistoryCharts as HistoryChartsComponent } from '@/components/history/HistoryCharts';

export interface HistorySectionProps {
  settings: Settings;
  now: number;
}

/**
 * The charts, once the section they sit in is within a screen of the viewport: the page opens on the settings,
 * far above them, so their code is not on its way to the first paint.
 */
function useChartsNearViewport(anchor: { current: Element | null }): typeof HistoryChartsComponent | undefined {
  const [charts, setCharts] = useState<{ Charts: typeof HistoryChartsComponent }>();
  const wanted = charts === undefined;
  useEffect(() => {
    const element = anchor.current;
    if (!wanted || !element) return;
    let live = true;
    const load = () => void import('@/components/history/HistoryCharts').then(({ HistoryCharts }) => live && setCharts({ Charts: HistoryCharts }));
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
    };
  });
  return charts?.Charts;
}

/** Whether the habit is forming: the week, twelve weeks of the routine goal, sitting stretches, comfort. */
export function HistorySection({ settings, now }: HistorySectionProps) {
  const history = useHistory(now);
  const chartsAnchor = useRef<HTMLDivElement>(null);
  const Charts = useChartsNearViewport(chartsAnchor);
  if (!history) return null;
  const { totals, dropped } = history;
  const today = localDayKey(now);
  const week = lastDays(today, 7);
  const streak = currentStreak(totals, today, settings);
  const all = allTimeTotals(totals);
  const start = historyStart(totals, today);
  const comfortDays = lastDays(today, 30).filter((day) => day >= start);
  return (
    <section id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('options_history')}</h2>
      {dropped > 0 && (
        <p class="warning" role="status">
          {tCount('history_dropped', dropped)}
        </p>
      )}
      <p class="streak">{t('history_streak', streak.days)}</p>
      <p class="field__hint">
        {t('history_streak_rule')} {streak.forgivenDays.length > 0 && t('history_streak_forgiven', streak.forgivenDays.length)}
      </p>
      {Charts ? (
        <Charts totals={totals} today={today} start={start} week={week} comfortDays={comfortDays} settings={settings} />
      ) : (
        // As tall as the charts are at most widths, so the page does not jump when they come in.
        <div ref={chartsAnchor} class="history__charts history__charts--loading" aria-busy="true" />
      )}
      <h3>{t('history_totals')}</h3>
      {all.daysRecorded === 0 ? (
        <p class="muted">{t('history_totals_none')}</p>
      ) : (
        <p>
          {t(
            'history_totals_text',
            tCount('count_breaks', all.breaksTaken),
            tCount('count_routines', all.routinesCompleted),
            tCount('count_minutes', all.routineMinutes),
            tCount('count_days', all.daysRecorded),
          )}
        </p>
      )}
    </section>
  );
}
