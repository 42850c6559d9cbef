/**
 * The ${connectorName} connector plugin: {@link ${package}.Connector} declares the kinds, {@link ${package}.TargetKind}
 * is the ${kind} kind (descriptor, validation, permissions, adapter workload).
 */
package ${package};
