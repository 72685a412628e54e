import Link from "next/link";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectListItem } from "@/lib/server/projects/list-projects";

export function ProjectTable({
  projects,
  t,
  format,
  caption,
}: {
  projects: ProjectListItem[];
  t: Translate;
  format: Formatters;
  caption: string;
}) {
  return (
    <TableRegion label={caption}>
      <Table caption={caption} className="min-w-[44rem] text-base" testId="project-table">
        <TableHead>
          <ColumnHeader>{t("project.name")}</ColumnHeader>
          <ColumnHeader>{t("project.kind")}</ColumnHeader>
          <ColumnHeader>{t("project.phase")}</ColumnHeader>
          <ColumnHeader align="right">{t("project.eligible")}</ColumnHeader>
          <ColumnHeader align="right">{t("project.signed")}</ColumnHeader>
          <ColumnHeader align="right">{t("project.signingRate")}</ColumnHeader>
          <ColumnHeader align="right">{t("project.threshold")}</ColumnHeader>
        </TableHead>
        <TableBody>
          {projects.map((p) => (
            <TableRow key={p.id} data-testid={`project-row-${p.code}`}>
              <RowHeader>
                <Link href={`/projects/${p.id}`} prefetch={false} className="text-brand-700 underline underline-offset-4">
                  {p.name}
                </Link>
                <div className="text-sm font-normal text-stone-600">
                  {p.code} · {p.district} {p.street}
                </div>
              </RowHeader>
              <TableCell>{t(`project.kinds.${p.kind}`)}</TableCell>
              <TableCell>{t(`project.phases.${p.phase}`)}</TableCell>
              <TableCell numeric>{format.number(p.figures.eligible)}</TableCell>
              <TableCell numeric>{format.number(p.figures.signed)}</TableCell>
              <TableCell numeric data-testid="signing-rate">
                {format.percent(p.figures.signingRate)}
              </TableCell>
              <TableCell numeric>{format.percent(p.figures.signingThreshold)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableRegion>
  );
}
