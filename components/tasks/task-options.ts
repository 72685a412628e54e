// The task enums as translated options for selects (kinds, priorities, statuses).
import { optionsOf } from "@/lib/domain/options";
import { TaskKind, TaskPriority, TaskStatus } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";

export const TASK_KIND_VALUES = optionsOf(TaskKind);
export const TASK_PRIORITY_VALUES = optionsOf(TaskPriority);
export const TASK_STATUS_VALUES = optionsOf(TaskStatus);

export type Option = { value: string; label: string };

export function taskKindOptions(t: Translate): Option[] {
  return TASK_KIND_VALUES.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }));
}

export function taskPriorityOptions(t: Translate): Option[] {
  return TASK_PRIORITY_VALUES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }));
}
