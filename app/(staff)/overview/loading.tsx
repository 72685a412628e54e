import { DashboardLoading } from "@/components/dashboard/dashboard-loading";

export default function Loading() {
  return <DashboardLoading testId="overview-loading" />;
}
