/**
 * Tests of the generated CRDs: staleness of the committed copies, structure, admission of the user guide's manifests
 * and refusal of invalid ones (OpenAPI schema with networknt's validator, CEL rules with dev.cel, strict fields).
 */
package io.triggermesh.aws.crds;
