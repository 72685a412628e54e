import { defineMessages } from "./define.ts";

export const tasksMessages = defineMessages({
  zhCN: {
    title: "走访任务",
  },
  en: {
    title: "Visit tasks",
  },
});
