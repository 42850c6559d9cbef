/** Finding connector plugins through {@link java.util.ServiceLoader} and holding them in one registry. */
package io.triggermesh.aws.controller.plugins;
