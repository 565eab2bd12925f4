/** The wire contract between the gateway and the worker: envelope, codec, message catalog and AMQP topology. */
package io.wamonitor.contracts;
