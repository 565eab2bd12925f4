package io.wamonitor.worker.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A Chromium profile as a backup: the files that hold the WhatsApp login (IndexedDB, Local Storage, cookies, ...)
 * in a zip archive without Chromium's caches and locks, encrypted with AES-GCM (a fresh 96-bit nonce each time, the
 * account id as associated data, so a backup cannot be passed off as another account's). Restoring checks every
 * entry's path (nothing may land outside the profile) and bounds what it unpacks.
 */
final class ProfileArchive {

    /** Directories Chromium rebuilds by itself: caches, crash reports. Skipped at any depth. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of(
            "Cache",
            "Code Cache",
            "GPUCache",
            "GrShaderCache",
            "GraphiteDawnCache",
            "ShaderCache",
            "DawnCache",
            "DawnGraphiteCache",
            "DawnWebGPUCache",
            "Crashpad",
            "CacheStorage",
            "ScriptCache",
            "component_crx_cache",
            "extensions_crx_cache",
            "optimization_guide_model_store",
            "Safe Browsing");
    /** Chromium's marks that a profile is in use by a running browser. */
    static final Set<String> SKIPPED_FILES = Set.of("SingletonLock", "SingletonSocket", "SingletonCookie");

    static final long MAX_UNPACKED_BYTES = 2L * 1024 * 1024 * 1024;
    static final int MAX_ENTRIES = 200_000;

    private static final byte[] MAGIC = "WAMB1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProfileArchive() {}

    /**
     * The backup's file list: relative paths, regular files only, sorted. A running Chromium creates and deletes
     * files and directories in its profile all the time (database journals, compactions, caches): one that vanishes
     * while the tree is walked is simply not part of this backup ({@code Files.walk} would give up on it instead).
     */
    static List<Path> files(Path profile) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(profile)) {
            return files;
        }
        try {
            Files.walkFileTree(profile, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(profile)
                                    && SKIPPED_DIRECTORIES.contains(
                                            dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    Path relative = profile.relativize(file);
                    // Skipped directories never get here (preVisitDirectory), so only the file's own name counts.
                    if (attributes.isRegularFile()
                            && !SKIPPED_FILES.contains(relative.getFileName().toString())) {
                        files.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the profile " + profile + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** What the backup would hold, as a hash of names, sizes and modification times: unchanged means no backup. */
    static String digest(Path profile) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files(profile)) {
                try {
                    BasicFileAttributes attributes =
                            Files.readAttributes(profile.resolve(file), BasicFileAttributes.class);
                    sha.update((file + "\u0000" + attributes.size() + "\u0000"
                                    + attributes.lastModifiedTime().toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                } catch (NoSuchFileException gone) {
                    // removed while listing (Chromium rotates its files): not part of this state
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /** The profile's files as a zip archive. Files that vanish while it is read (Chromium rotates some) are left out. */
    static byte[] pack(Path profile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Path file : files(profile)) {
                byte[] content;
                try {
                    content = Files.readAllBytes(profile.resolve(file));
                } catch (NoSuchFileException gone) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(file.toString().replace('\\', '/')));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot archive the profile " + profile + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks an archive into {@code target} (created; it must not hold anything yet).
     *
     * @throws BackupUnreadable when an entry would land outside {@code target}, or the archive is too large
     */
    static void unpack(byte[] archive, Path target) {
        try {
            Files.createDirectories(target);
            Path root = target.toRealPath();
            long total = 0;
            int entries = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                ZipEntry entry;
                byte[] buffer = new byte[64 * 1024];
                while ((entry = zip.getNextEntry()) != null) {
                    if (++entries > MAX_ENTRIES) {
                        throw new BackupUnreadable("the backup has more than " + MAX_ENTRIES + " files");
                    }
                    Path destination = root.resolve(entry.getName()).normalize();
                    if (!destination.startsWith(root) || destination.equals(root)) {
                        throw new BackupUnreadable("the backup names a file outside the profile: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(destination);
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    try (OutputStream out = Files.newOutputStream(destination)) {
                        int read;
                        while ((read = zip.read(buffer)) > 0) {
                            total += read;
                            if (total > MAX_UNPACKED_BYTES) {
                                throw new BackupUnreadable("the backup unpacks to more than 2 GiB");
                            }
                            out.write(buffer, 0, read);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new BackupUnreadable("the backup is not a readable archive: " + e.getMessage());
        }
    }

    static byte[] encrypt(SecretKey key, UUID account, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(account.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length)
                    .put(MAGIC)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** @throws BackupUnreadable when it was not made with this key for this account, or was changed since */
    static byte[] decrypt(SecretKey key, UUID account, byte[] sealed) {
        if (sealed.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8) {
            throw new BackupUnreadable("the backup is too short to be one");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (sealed[i] != MAGIC[i]) {
                throw new BackupUnreadable("the backup is not in a format this worker knows");
            }
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(account.toString().getBytes(StandardCharsets.US_ASCII));
            int start = MAGIC.length + NONCE_BYTES;
            return cipher.doFinal(sealed, start, sealed.length - start);
        } catch (AEADBadTagException e) {
            throw new BackupUnreadable(
                    "the backup was not made with this PROFILE_BACKUP_KEY for this account, or was changed since");
        } catch (GeneralSecurityException e) {
            throw new BackupUnreadable("the backup cannot be decrypted: " + e.getMessage());
        }
    }

    /** A backup that cannot be used; the session then starts without it. */
    static final class BackupUnreadable extends RuntimeException {
        BackupUnreadable(String message) {
            super(message);
        }
    }
}
