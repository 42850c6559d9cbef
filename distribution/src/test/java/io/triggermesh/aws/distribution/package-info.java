/** Tests of the bundled distribution: the jars run, the image entrypoints start, the image definitions match. */
package io.triggermesh.aws.distribution;
