import { defineMessages } from "./define.ts";

export const tasksMessages = defineMessages({
  zhCN: {
    title: "走访任务",
    errors: {
      householdExcluded: "该户已设为不计入，不能再派走访任务。",
      householdMovedOut: "该户已搬离，不能再派走访任务。",
      dueInPast: "截止日期不能早于今天。",
      chooseDueDate: "请选择截止日期。",
      chooseKind: "请选择任务类型。",
      chooseAssignee: "请选择执行人。",
      assigneeOutside: "执行人必须是本项目（组长：本组）工作小组的成员或组长。",
      alreadyOpen: "该户已有一个同类型、尚未完成的任务。",
      changedMeanwhile: "任务在此期间已被完成、取消或改派，请刷新后重试。",
      reasonRequired: "请填写原因。",
      selectTasks: "请先勾选任务。",
      selectHouseholds: "请先勾选房屋。",
      tooMany: "一次最多创建 {max} 个任务，请缩小筛选范围。",
      nothingToCreate: "没有可创建任务的房屋。",
      sameAssignee: "新执行人与原执行人相同。",
    },
  },
  en: {
    title: "Visit tasks",
    errors: {
      householdExcluded: "This household is excluded and cannot be given a visit task.",
      householdMovedOut: "This household has moved out and cannot be given a visit task.",
      dueInPast: "The due date cannot be before today.",
      chooseDueDate: "Choose a due date.",
      chooseKind: "Choose the kind of task.",
      chooseAssignee: "Choose who does it.",
      assigneeOutside: "The assignee must be a member or leader of one of the project's working groups (for a leader: of their own group).",
      alreadyOpen: "This household already has an unfinished task of this kind.",
      changedMeanwhile: "The task was completed, cancelled or reassigned meanwhile. Refresh and try again.",
      reasonRequired: "Give a reason.",
      selectTasks: "Tick the tasks first.",
      selectHouseholds: "Tick the households first.",
      tooMany: "At most {max} tasks at once: narrow the filter.",
      nothingToCreate: "No household here can be given a task.",
      sameAssignee: "The new assignee is the current one.",
    },
  },
});
