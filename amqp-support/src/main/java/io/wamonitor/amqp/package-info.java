/**
 * The AMQP plumbing both applications use: topology declaration, envelope messages with publisher confirms, the
 * listener prologue and retry policy. Each application configures it with {@link io.wamonitor.amqp.AmqpSettings}.
 */
package io.wamonitor.amqp;
