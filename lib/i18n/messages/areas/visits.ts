import { defineMessages } from "./define.ts";

export const visitsMessages = defineMessages({
  zhCN: {
    title: "走访日志",
  },
  en: {
    title: "Visit log",
  },
});
