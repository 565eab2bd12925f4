package io.wamonitor.contracts.event;

import io.wamonitor.contracts.Payload;
import java.time.Instant;

/**
 * A backup of the account's browser profile (its WhatsApp login), for another worker to continue the session
 * without a QR code if this one is lost. The gateway stores it; only workers can read it.
 *
 * @param archive   base64 of the profile as a compressed archive without Chromium's caches, encrypted with
 *                  AES-GCM under {@code PROFILE_BACKUP_KEY} (the account id is its associated data)
 * @param takenAt   when the files were read
 * @param trigger   {@code linked}, {@code stopped} or {@code interval}
 * @param sizeBytes the size of the encrypted archive
 * @param workerId  the worker that made it
 */
public record ProfileBackedUp(String archive, Instant takenAt, String trigger, long sizeBytes, String workerId)
        implements Payload {}
