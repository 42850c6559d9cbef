/** The quickstart: a guided demo of local mode against an AWS emulator, ending with a summary. */
package io.triggermesh.aws.e2e;
