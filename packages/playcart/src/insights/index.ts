// Reports: KPIs, funnels and the holdout lift.

export * from "./kpis.ts";
