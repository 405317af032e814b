import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';

/**
 * How a field tells its page that it shows a value it will not save, so the
 * page's save status never says "Saved" beside an error.
 */
export const FieldValidity = createContext<((fieldId: string, invalid: boolean) => void) | undefined>(undefined);

/** Reports this field's state to the page while it is mounted; an unmounted field holds nothing back. */
export function useReportValidity(fieldId: string, invalid: boolean) {
  const report = useContext(FieldValidity);
  useEffect(() => {
    report?.(fieldId, invalid);
    return () => report?.(fieldId, false);
  }, [report, fieldId, invalid]);
}
