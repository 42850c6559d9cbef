/** The controller application: its entry point and command line. */
package io.triggermesh.aws.controller;
