package io.wamonitor.contracts.command;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * Put a backed-up profile in place before the account's session starts on this worker (failover, drain): the
 * login it holds lets the session reach READY without a new QR code. Sent before the {@link StartSession} of the
 * same epoch; refused while the worker holds the account.
 *
 * @param archive     the backup as a worker made it: base64 of the AES-GCM encrypted, compressed profile (only
 *                    workers hold {@code PROFILE_BACKUP_KEY})
 * @param takenAt     when the backup was made
 * @param captureFrom report messages from this time on (the newest message the gateway has for the account):
 *                    those the backup holds that were never reported are reported, older history is not
 */
public record RestoreProfile(String archive, Instant takenAt, Instant captureFrom) implements Payload {}
