import { defineMessages } from "./define.ts";

export const coverageMessages = defineMessages({
  zhCN: {
    title: "五必访覆盖",
  },
  en: {
    title: "Coverage",
  },
});
