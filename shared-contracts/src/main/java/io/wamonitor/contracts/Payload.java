package io.wamonitor.contracts;

/**
 * The body of an {@link Envelope}. Every payload record is registered in {@link MessageCatalog}
 * under a logical, versioned type name; Java class names never travel on the wire.
 */
public interface Payload {}
