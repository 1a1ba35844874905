import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A deployed version of a BPMN process with its compiled machine. Never changed once stored. */
export const WorkflowDefinitionEntity = defineEntity({
  name: 'WorkflowDefinition',
  tableName: 'workflow_definition',
  properties: {
    key: p.string().primary(),
    version: p.integer().primary(),
    name: p.string(),
    bpmnXml: p.text(),
    compiledJson: p.text(),
    contentHash: p.string(),
    deployedBy: p.string(),
    deployedAt: p.datetime(),
  },
});
export type IWorkflowDefinitionEntity = InferEntity<typeof WorkflowDefinitionEntity>;
