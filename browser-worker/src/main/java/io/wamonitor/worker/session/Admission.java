package io.wamonitor.worker.session;

/** The slot table's answer to "hold this account". */
public sealed interface Admission {

    /** The account got slot {@code slot} (1-based, for people). */
    record Admitted(int slot) implements Admission {}

    /** The account was already held; nothing changed. */
    record AlreadyHeld(int slot) implements Admission {}

    /** Every slot is taken. */
    record Full(int capacity) implements Admission {}
}
