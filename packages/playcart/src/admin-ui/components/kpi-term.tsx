// A KPI's name that opens its definition: a native disclosure, so it is one click (or Enter)
// away, keyboard-operable and announced without any script.
import { type KpiTerm, kpiDefinition } from "../kpi-definitions.ts";

export function KpiTermLabel({ term, label, oneCampaign }: { term: KpiTerm; label: string; oneCampaign: boolean }) {
  return (
    <details className="playcart-admin-term">
      <summary>{label}</summary>
      <span className="playcart-admin-block" data-testid={`definition-${term}`}>
        {kpiDefinition(term, oneCampaign)}
      </span>
    </details>
  );
}
