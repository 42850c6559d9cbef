/**
 * AWS payloads turned into CloudEvents, shared by the connectors that receive them through SQS: S3 event
 * notifications ({@link io.triggermesh.aws.adapter.events.S3EventNotifications}), with ids derived from the payload
 * so redeliveries keep them.
 */
package io.triggermesh.aws.adapter.events;
