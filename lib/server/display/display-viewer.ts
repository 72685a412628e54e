import "server-only";

/**
 * A big-screen display (大屏) reading one project's headline figures. It is not an Actor: it
 * holds no role and no permission, only the project its display session was made for, so no
 * staff use case accepts it — only the display reads (get-display-board.ts) and the live stream.
 */
export type DisplayViewer = {
  kind: "display";
  displaySessionId: string;
  projectId: string;
};
