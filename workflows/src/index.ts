export { dueDiligenceWorkflow } from './due-diligence.workflow';
