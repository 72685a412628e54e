"use client";

import { useMemo } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { dayAxisFormatter, dayValue } from "@/components/charts/day-axis";
import { EChart, type ChartOption } from "@/components/charts/echart";
import type { SeriesPoint } from "@/lib/domain/dashboard";

// The dashboard's three charts. Each builds its chart option and its data table from the same
// series array, so the numbers drawn and the numbers in the table cannot differ.

type FrameLabels = { title: string; summary: string; caption: string; show: string; hide: string };

const BRAND = "#b91c1c";
const MUTED = "#57534e";

export function CumulativeChart({
  series,
  threshold,
  forecastDay,
  signingEnd,
  locale,
  labels,
}: {
  series: SeriesPoint[];
  /** "85.00" */
  threshold: string;
  forecastDay: string | null;
  /** The signing end date, marked on the axis. */
  signingEnd: string | null;
  /** For the axis labels (month and day). */
  locale: string;
  labels: FrameLabels & {
    day: string;
    signedThatDay: string;
    cumulative: string;
    rate: string;
    thresholdLine: string;
    forecastLine: string;
    /** "签约截止 2027年1月5日" */
    signingEndLine: string;
  };
}) {
  const option = useMemo<ChartOption>(() => {
    // A time axis, so the forecast's gap to its day is drawn to scale.
    const last = series[series.length - 1];
    const forecast =
      forecastDay && last?.rate && forecastDay > last.day
        ? [
            [last.day, Number(last.rate)],
            [forecastDay, Number(threshold)],
          ]
        : [];
    // The axis reaches the signing end date, so its mark is drawn even before the series gets there.
    const lastDay = [last?.day, forecast.length ? forecastDay : null, signingEnd]
      .filter((d): d is string => !!d)
      .sort()
      .at(-1);
    const endMark = signingEnd
      ? [
          {
            xAxis: dayValue(signingEnd),
            lineStyle: { color: BRAND, type: "solid" as const },
            label: { position: "insideEndTop" as const, formatter: labels.signingEndLine, color: BRAND },
          },
        ]
      : [];
    return {
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [labels.rate, ...(forecast.length ? [labels.forecastLine] : [])] },
      xAxis: {
        type: "time",
        max: lastDay ? dayValue(lastDay) : undefined,
        axisLabel: { hideOverlap: true, formatter: dayAxisFormatter(locale) },
      },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        {
          name: labels.rate,
          type: "line",
          data: series.map((p) => [p.day, p.rate === null ? null : Number(p.rate)]),
          color: BRAND,
          showSymbol: series.length < 40,
          markLine: {
            symbol: "none",
            lineStyle: { color: MUTED, type: "dashed" },
            label: { position: "insideStartTop", formatter: `${labels.thresholdLine} ${threshold}%` },
            data: [{ yAxis: Number(threshold) }, ...endMark],
          },
        },
        ...(forecast.length
          ? [{ name: labels.forecastLine, type: "line" as const, data: forecast, color: MUTED, lineStyle: { type: "dotted" as const } }]
          : []),
      ],
    };
  }, [series, threshold, forecastDay, signingEnd, locale, labels]);
  return (
    <ChartFrame
      title={labels.title}
      showLabel={labels.show}
      hideLabel={labels.hide}
      testId="chart-cumulative"
      table={{
        caption: labels.caption,
        columns: [labels.day, labels.signedThatDay, labels.cumulative, labels.rate],
        rows: series.map((p) => [p.day, p.signed, p.cumulative, p.rate ?? "—"]),
      }}
    >
      <EChart option={option} label={labels.summary} />
    </ChartFrame>
  );
}

export function DailyChart({ series, labels }: { series: SeriesPoint[]; labels: FrameLabels & { day: string; signedThatDay: string } }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: series.map((p) => p.day) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ name: labels.signedThatDay, type: "bar", data: series.map((p) => p.signed), color: BRAND }],
    }),
    [series, labels],
  );
  return (
    <ChartFrame
      title={labels.title}
      showLabel={labels.show}
      hideLabel={labels.hide}
      testId="chart-daily"
      table={{ caption: labels.caption, columns: [labels.day, labels.signedThatDay], rows: series.map((p) => [p.day, p.signed]) }}
    >
      <EChart option={option} label={labels.summary} />
    </ChartFrame>
  );
}

export function StatesChart({
  states,
  labels,
}: {
  /** Already translated state names with their counts, in the order of householdState()'s states. */
  states: { label: string; count: number }[];
  labels: FrameLabels & { state: string; households: string };
}) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 96, right: 56, top: 8, bottom: 24 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: states.map((s) => s.label), inverse: true },
      series: [
        { name: labels.households, type: "bar", data: states.map((s) => s.count), color: BRAND, label: { show: true, position: "right" } },
      ],
    }),
    [states, labels],
  );
  return (
    <ChartFrame
      title={labels.title}
      showLabel={labels.show}
      hideLabel={labels.hide}
      testId="chart-states"
      table={{ caption: labels.caption, columns: [labels.state, labels.households], rows: states.map((s) => [s.label, s.count]) }}
    >
      <EChart option={option} label={labels.summary} />
    </ChartFrame>
  );
}
