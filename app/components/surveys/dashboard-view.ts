// The dashboard's figures as the page receives them (dates as strings), for its parts.
import type { SerializeFrom } from "@remix-run/node";
import type { loadDashboard } from "~/surveys/dashboard.server";

export type DashboardView = SerializeFrom<typeof loadDashboard>;
