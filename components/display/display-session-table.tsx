import { ActionForm } from "@/components/ui/action-form";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { DisplaySessionRow } from "@/lib/server/display/list-display-sessions";

// The project's display links: when made and by whom, last seen, whether switched off, and a
// button to switch each one off.

type Props = {
  projectId: string;
  sessions: DisplaySessionRow[];
  revokeAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  t: Translate;
  format: Formatters;
};

function SessionRow({ projectId, session: s, revokeAction, t, format }: Omit<Props, "sessions"> & { session: DisplaySessionRow }) {
  return (
    <TableRow className="border-t border-stone-200 align-top" data-testid="display-session-row">
      <RowHeader>{s.label}</RowHeader>
      <TableCell className="whitespace-nowrap">{format.dateTime(s.createdAt)}</TableCell>
      <TableCell>{s.createdBy?.name ?? t("common.none")}</TableCell>
      <TableCell className="whitespace-nowrap">{s.lastSeenAt ? format.dateTime(s.lastSeenAt) : t("live.sessions.never")}</TableCell>
      <TableCell data-testid="display-session-status" aria-live="polite">
        {s.revokedAt ? t("live.sessions.revoked", { time: format.dateTime(s.revokedAt) }) : t("live.sessions.active")}
      </TableCell>
      <TableCell>
        {s.revokedAt ? null : (
          <ActionForm
            action={revokeAction}
            submitLabel={t("live.sessions.revoke")}
            pendingLabel={t("common.loading")}
            submitVariant="secondary"
            testId={`revoke-display-${s.id}`}
            className="flex flex-col gap-1"
          >
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="displaySessionId" value={s.id} />
          </ActionForm>
        )}
      </TableCell>
    </TableRow>
  );
}

export function DisplaySessionTable({ sessions, ...props }: Props) {
  const { t } = props;
  return (
    <TableRegion label={t("live.sessions.tableLabel")}>
      <Table className="text-base">
        <TableHead>
          <ColumnHeader>{t("live.sessions.label")}</ColumnHeader>
          <ColumnHeader>{t("live.sessions.createdAt")}</ColumnHeader>
          <ColumnHeader>{t("live.sessions.createdBy")}</ColumnHeader>
          <ColumnHeader>{t("live.sessions.lastSeenAt")}</ColumnHeader>
          <ColumnHeader>{t("live.sessions.status")}</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">{t("live.sessions.revoke")}</span>
          </ColumnHeader>
        </TableHead>
        <TableBody>
          {sessions.map((s) => (
            <SessionRow key={s.id} session={s} {...props} />
          ))}
        </TableBody>
      </Table>
    </TableRegion>
  );
}
