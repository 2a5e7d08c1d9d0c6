// Reports: KPIs, funnels and the holdout lift; forecasts of a campaign before launch.

export * from "./forecast.ts";
export * from "./forecast-query.ts";
export * from "./kpis.ts";
