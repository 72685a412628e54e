import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import { formatters, type Formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { DisplayBoard as DisplayBoardDto } from "@/lib/server/display/get-display-board";

// The wall screen's board: the project's headline, five big figures and the group league, in the
// display theme's colours (components/display/display-frame.tsx).

type Props = { board: DisplayBoardDto; token: string; fallbackRefreshMs: number; t: Translate; locale: Locale };
type Part = { board: DisplayBoardDto; t: Translate; format: Formatters };

function BoardHeader({ board, token, fallbackRefreshMs, t, format }: Part & { token: string; fallbackRefreshMs: number }) {
  const status =
    board.agreementStatus === "effective"
      ? t("project.effective")
      : board.agreementStatus === "failed"
        ? t("project.failed")
        : t("project.pending");
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-3xl font-bold sm:text-5xl">{t("live.display.headline", { name: board.project.name })}</h1>
        <p className="mt-2 text-xl text-[var(--display-muted)] sm:text-2xl">
          {board.project.code} · {t(`project.phases.${board.project.phase}`)} ·{" "}
          <span className="font-semibold text-[var(--display-fg)]" data-testid="display-status">
            {status}
          </span>
        </p>
      </div>
      <div className="text-right text-lg text-[var(--display-muted)]">
        <LiveRefresh
          displayToken={token}
          fallbackRefreshMs={fallbackRefreshMs}
          labels={liveLabels(t)}
          className="flex items-center justify-end gap-2 text-lg"
        />
        <p>{t("live.display.updatedAt", { time: format.dateTimeSeconds(board.at) })}</p>
      </div>
    </header>
  );
}

function BigFigures({ board, t, format }: Part) {
  const f = board.figures;
  const n = format.number;
  const big: { label: string; value: string; testId: string }[] = [
    { label: t("live.display.signedOfEligible"), value: `${n(f.signed)} / ${n(f.eligible)}`, testId: "display-signed" },
    { label: t("project.signingRate"), value: format.percent(f.signingRate), testId: "display-rate" },
    { label: t("project.threshold"), value: format.percent(f.signingThreshold), testId: "display-threshold" },
    {
      label: t("project.gap"),
      value: f.hasReachedThreshold ? t("project.reached") : t("project.gapValue", { count: n(f.gapToThreshold) }),
      testId: "display-gap",
    },
    { label: t("live.display.signedToday"), value: n(board.signedToday), testId: "display-today" },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-6">
      {big.map((s, index) => (
        <div
          key={s.testId}
          className={`rounded-xl border border-[var(--display-line)] bg-[var(--display-card)] p-5 ${index === 0 ? "sm:col-span-2" : ""}`}
        >
          <dt className="text-xl text-[var(--display-muted)] sm:text-2xl">{s.label}</dt>
          <dd className="mt-2 text-4xl font-bold tabular-nums sm:text-6xl" data-testid={s.testId}>
            {s.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function BoardLeague({ board, t, format }: Part) {
  return (
    <section aria-labelledby="display-league" className="rounded-xl border border-[var(--display-line)] bg-[var(--display-card)] p-5">
      <h2 id="display-league" className="text-2xl font-bold sm:text-3xl">
        {t("live.display.league")}
      </h2>
      {board.league.length === 0 ? (
        <p className="mt-3 text-xl text-[var(--display-muted)]">{t("live.display.noGroups")}</p>
      ) : (
        <TableRegion className="mt-3 overflow-x-auto" labelledBy="display-league">
          <Table className="text-xl sm:text-2xl">
            <TableHead className="text-[var(--display-muted)]">
              <ColumnHeader pad="display">{t("live.display.rank")}</ColumnHeader>
              <ColumnHeader pad="display">{t("live.display.group")}</ColumnHeader>
              <ColumnHeader pad="display" align="right">
                {t("live.display.households")}
              </ColumnHeader>
              <ColumnHeader pad="display" align="right">
                {t("live.display.signed")}
              </ColumnHeader>
              <ColumnHeader pad="displayLast" align="right">
                {t("live.display.rate")}
              </ColumnHeader>
            </TableHead>
            <TableBody>
              {board.league.map((row) => (
                <TableRow key={row.groupId} className="border-t border-[var(--display-line)]">
                  <TableCell pad="display" className="tabular-nums">
                    {row.rank}
                  </TableCell>
                  <RowHeader pad="display" className="font-semibold">
                    {row.name}
                  </RowHeader>
                  <TableCell pad="display" numeric>
                    {format.number(row.households)}
                  </TableCell>
                  <TableCell pad="display" numeric>
                    {format.number(row.signed)}
                  </TableCell>
                  <TableCell pad="displayLast" numeric>
                    {format.percent(row.rate)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

export function DisplayBoard({ board, token, fallbackRefreshMs, t, locale }: Props) {
  const format = formatters(locale, board.timeZone);
  return (
    <main className="flex flex-col gap-6 px-4 pb-8 sm:px-8">
      <BoardHeader board={board} token={token} fallbackRefreshMs={fallbackRefreshMs} t={t} format={format} />
      <BigFigures board={board} t={t} format={format} />
      <BoardLeague board={board} t={t} format={format} />
    </main>
  );
}

export function DisplaySwitchedOff({ t }: { t: Translate }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-stone-900 p-8 text-stone-50">
      <div className="max-w-2xl text-center">
        <h1 className="text-4xl font-bold" data-testid="display-switched-off">
          {t("live.display.switchedOffTitle")}
        </h1>
        <p className="mt-4 text-xl text-stone-200">{t("live.display.switchedOffBody")}</p>
      </div>
    </main>
  );
}
