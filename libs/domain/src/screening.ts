import type { Policy } from './policy';
import type { FieldProblem, Money, Sector } from './types';

/** Scope checks a project must pass before it is sent to reviewers. */
export function screenProject(project: { sector: Sector; totalInvestment: Money }, policy: Policy): FieldProblem[] {
  const reasons: FieldProblem[] = [];
  if (!policy.sectors.includes(project.sector)) {
    reasons.push({ field: 'sector', problem: `sector ${project.sector} is outside the park's policy` });
  }
  if (project.totalInvestment.amount < policy.minimumInvestment.amount) {
    reasons.push({
      field: 'totalInvestment.amount',
      problem: `below the minimum investment of ${policy.minimumInvestment.amount} ${policy.minimumInvestment.currency}`,
    });
  }
  return reasons;
}

export function needsDualApproval(totalInvestment: Money, policy: Policy): boolean {
  return totalInvestment.amount >= policy.dualApprovalThreshold.amount;
}
