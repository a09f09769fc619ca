/** The shapes of the territory API (/api/territory/*) the hot-zone and indicator pages read. */
import type { Outcome } from './types';

export type TimeWindow = { from: string; to: string; days?: number };

export type HotZone = {
  zone: string;
  zoneName: string;
  received: number;
  weighted: number;
  previousReceived: number;
  previousWeighted: number;
  /** (weighted - previousWeighted) / previousWeighted; null when there was nothing before. */
  trend: number | null;
};

export type HeatCell = { lat: number; lng: number; n: number };

export type HotZonesResponse = {
  window: TimeWindow & { days: number };
  previousWindow: TimeWindow;
  categories: string[];
  totals: { received: number; weighted: number; previousReceived: number; previousWeighted: number };
  zones: HotZone[];
  heat: HeatCell[];
};

type Polygonal = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type ZoneOutline = {
  type: 'Feature';
  properties: { id: string; name: string; label: { lat: number; lng: number } };
  geometry: Polygonal;
};

export type OutlinesResponse = {
  boundary: { type: 'Feature'; properties: Record<string, never>; geometry: Polygonal } | null;
  zones: { type: 'FeatureCollection'; features: ZoneOutline[] };
};

export type DurationFigures = { count: number; medianMs: number | null; p90Ms: number | null };
export type ClockFigures = { wall: DurationFigures; service: DurationFigures };

export type IndicatorRow = {
  period: string;
  key: string;
  label: string;
  received: number;
  confirmations: number;
  outcomes: Partial<Record<Outcome, number>>;
  take: ClockFigures;
  dispatch: ClockFigures;
  close: ClockFigures;
  /** First actions within their service-level target. */
  sla: { met: number; breached: number; shareWithinTarget: number | null };
  /** Citizens' answers to "Il problema è stato risolto?" after a close. */
  resolution?: { solved: number; notSolved: number; shareSolved: number | null };
};

export type Period = 'day' | 'week' | 'month';
export type GroupBy = 'none' | 'category' | 'zone' | 'channel';

export type IndicatorsResponse = {
  window: TimeWindow & { days: number };
  period: Period;
  groupBy: GroupBy;
  rows: IndicatorRow[];
};
