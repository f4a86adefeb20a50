/**
 * The coverage pictures, drawn on the server as SVG from our own geography: no tiles, no
 * script, nothing fetched, so they work under the pages' strict CSP. Each is a labelled image
 * whose words and table (beside it on the page) say the same.
 */
import type { CalendarWeek, SectorResult } from "../domain/coverage/index.js";
import { percent } from "./coverage-strings.js";

const WIDTH = 600;
const round = (n: number) => Math.round(n * 10) / 10;

export const MAP_COLOURS = { covered: "#0b5c63", gap: "#c2410c", na: "#8a96a3" } as const;

/** Squares where covered, diamonds where not (the shape tells them apart without colour). */
const square = (x: number, y: number, r: number) =>
  `M${round(x - r)} ${round(y - r)}h${round(2 * r)}v${round(2 * r)}h${round(-2 * r)}z`;
const diamond = (x: number, y: number, r: number) =>
  `M${round(x)} ${round(y - r)}l${round(r)} ${round(r)}l${round(-r)} ${round(r)}l${round(-r)} ${round(-r)}z`;

export interface MapProps {
  sectors: readonly SectorResult[];
  title: string;
  description: string;
  id: string;
}

/** Sector centres on an equirectangular projection scaled at the area's middle latitude. */
export function SectorMap(props: MapProps) {
  const { sectors } = props;
  let minLat = 90;
  let maxLat = -90;
  let minLon = 180;
  let maxLon = -180;
  for (const s of sectors) {
    minLat = Math.min(minLat, s.latitude);
    maxLat = Math.max(maxLat, s.latitude);
    minLon = Math.min(minLon, s.longitude);
    maxLon = Math.max(maxLon, s.longitude);
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(0.05, (maxLon - minLon) * k);
  const spanY = Math.max(0.05, maxLat - minLat);
  const height = Math.min(WIDTH * 2.2, Math.max(240, (WIDTH * spanY) / spanX));
  const r = Math.min(9, Math.max(1.3, 0.32 * Math.sqrt((WIDTH * height) / sectors.length)));
  const pad = r + 2;
  const scale = Math.min((WIDTH - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (WIDTH - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const paths = { covered: [] as string[], gap: [] as string[], na: [] as string[] };
  for (const s of sectors) {
    const x = offX + (s.longitude - minLon) * k * scale;
    const y = offY + (maxLat - s.latitude) * scale;
    if (s.covered === null) paths.na.push(square(x, y, r * 0.7));
    else if (s.covered) paths.covered.push(square(x, y, r * 0.85));
    else paths.gap.push(diamond(x, y, r * 1.15));
  }
  return (
    <svg
      class="cov-map"
      viewBox={`0 0 ${WIDTH} ${Math.round(height)}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <rect width={WIDTH} height={Math.round(height)} fill="#ffffff" />
      {paths.na.length > 0 ? <path d={paths.na.join("")} fill={MAP_COLOURS.na} /> : null}
      {paths.covered.length > 0 ? (
        <path d={paths.covered.join("")} fill={MAP_COLOURS.covered} />
      ) : null}
      {paths.gap.length > 0 ? <path d={paths.gap.join("")} fill={MAP_COLOURS.gap} /> : null}
    </svg>
  );
}

/** A small swatch for the legend, in the map's own shapes. */
export function Swatch({ kind }: { kind: keyof typeof MAP_COLOURS }) {
  const d = kind === "gap" ? diamond(8, 8, 7) : square(8, 8, kind === "na" ? 4.5 : 6);
  return (
    <svg class="cov-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} fill={MAP_COLOURS[kind]} />
    </svg>
  );
}

export interface CalendarChartProps {
  weeks: readonly CalendarWeek[];
  /** Label under the bar of a week, or null: month names at the first week of each month. */
  label: (week: CalendarWeek, index: number) => string | null;
  title: string;
  description: string;
  id: string;
}

/** One bar per week, its height the share of postcodes with no group session within reach. */
export function CalendarChart(props: CalendarChartProps) {
  const chartW = 620;
  const top = 10;
  const plotH = 160;
  const left = 40;
  const barW = (chartW - left - 4) / props.weeks.length;
  const y = (share: number) => top + plotH * (1 - share);
  return (
    <svg
      class="cov-chart"
      viewBox={`0 0 ${chartW} ${top + plotH + 30}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {[0, 0.5, 1].map((v) => (
        <>
          <line x1={left} x2={chartW} y1={y(v)} y2={y(v)} stroke="#c5ccd3" stroke-width="1" />
          <text x={left - 6} y={y(v) + 4} text-anchor="end" font-size="12" fill="#1b1f24">
            {percent(v)}
          </text>
        </>
      ))}
      {props.weeks.map((w, i) => {
        const h = Math.max(0, plotH * w.shareWithout);
        const label = props.label(w, i);
        return (
          <>
            <rect
              x={round(left + i * barW + 1)}
              y={round(y(w.shareWithout))}
              width={round(barW - 2)}
              height={round(h)}
              fill={MAP_COLOURS.gap}
            />
            {label ? (
              <text x={round(left + i * barW)} y={top + plotH + 20} font-size="12" fill="#1b1f24">
                {label}
              </text>
            ) : null}
          </>
        );
      })}
    </svg>
  );
}
