/**
 * Tests of the Helm chart in charts/triggermesh-aws through the Helm Java binding (lint, template, show crds), and of
 * its controller manifests on fabric8's mock API server with the controller jar started from them.
 */
package io.triggermesh.aws.crds.chart;
