import { defineMessages } from "./define.ts";

export const demandsMessages = defineMessages({
  zhCN: {
    title: "居民诉求",
    errors: {
      chooseCategory: "请选择诉求类别",
      groupOutside: "只能分派给本项目的专项工作组",
    },
  },
  en: {
    title: "Demands",
    errors: {
      chooseCategory: "Choose the kind of demand",
      groupOutside: "A demand can only go to a special group of this project",
    },
  },
});
