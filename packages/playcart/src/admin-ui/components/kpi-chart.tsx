"use client";

// Daily funnel chart (recharts). The same figures are in the table below it and the CSV.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type DailyPoint = { day: string; views: number; offers: number; plays: number; wins: number; orders: number };

export function KpiChart({ data }: { data: DailyPoint[] }) {
  if (data.length === 0) return <p className="playcart-admin-small playcart-admin-muted">No events in this range.</p>;
  return (
    <figure className="playcart-admin-full" aria-label="Daily checkout views, offers, plays, wins and paid orders">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
          <Tooltip />
          <Legend />
          <Bar dataKey="views" name="Checkout views" fill="#a8a29e" />
          <Bar dataKey="offers" name="Offers" fill="#f59e0b" />
          <Bar dataKey="plays" name="Plays" fill="#059669" />
          <Bar dataKey="wins" name="Wins" fill="#0e7490" />
          <Bar dataKey="orders" name="Paid orders" fill="#7c3aed" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
