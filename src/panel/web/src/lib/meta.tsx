/** /api/meta for the whole panel (categories, zones, map tiles, service open/closed), refreshed every minute. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiRequest } from '../api/client';
import type { Meta } from '../api/types';
import { setPanelTimeZone } from './time-zone';

const META_REFRESH_MS = 60_000;
const MetaContext = createContext<Meta | undefined>(undefined);

export function MetaProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | undefined>(undefined);
  useEffect(() => {
    let stopped = false;
    const load = (background: boolean) =>
      apiRequest<Meta>('/api/meta', { background }).then(
        (m) => {
          if (stopped) return;
          // Before the state update, so the re-render formats in the town's zone.
          if (m.serviceHours.timeZone) setPanelTimeZone(m.serviceHours.timeZone);
          setMeta(m);
        },
        () => undefined,
      );
    void load(false);
    const id = window.setInterval(() => void load(true), META_REFRESH_MS);
    return () => {
      stopped = true;
      window.clearInterval(id);
    };
  }, []);
  return <MetaContext.Provider value={meta}>{children}</MetaContext.Provider>;
}

export function useMeta(): Meta | undefined {
  return useContext(MetaContext);
}
