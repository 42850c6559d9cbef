/** The public API of the ${connectorName} connector: the spec types users write. */
package ${package}.api;
