package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile backup: what it holds, that only the right key and account open it, and that it cannot escape. */
class ProfileArchiveTest {

    private static final SecretKey KEY =
            ProfileBackups.parse(Base64.getEncoder().encodeToString(new byte[32]));
    private static final SecretKey OTHER_KEY =
            ProfileBackups.parse(Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()));

    @TempDir
    Path dir;

    @Test
    void aBackupHoldsTheLoginButNotChromiumsCachesNorItsLocks() throws IOException {
        Path profile = dir.resolve("profile");
        write(profile.resolve("Default/IndexedDB/http_localhost_0.indexeddb.leveldb/000003.log"), "device keys");
        write(profile.resolve("Default/Local Storage/leveldb/CURRENT"), "MANIFEST-000001");
        write(profile.resolve("Default/Cache/Cache_Data/data_0"), "cached page");
        write(profile.resolve("Default/Code Cache/js/index"), "compiled js");
        write(profile.resolve("GrShaderCache/data_1"), "shaders");
        write(profile.resolve("Crashpad/settings.dat"), "crash");
        Files.createSymbolicLink(profile.resolve("SingletonLock"), Path.of("host-42"));
        UUID account = UUID.randomUUID();

        byte[] sealed = ProfileArchive.encrypt(KEY, account, ProfileArchive.pack(profile));
        Path restored = dir.resolve("restored");
        ProfileArchive.unpack(ProfileArchive.decrypt(KEY, account, sealed), restored);

        assertThat(Files.readString(
                        restored.resolve("Default/IndexedDB/http_localhost_0.indexeddb.leveldb/000003.log")))
                .isEqualTo("device keys");
        assertThat(restored.resolve("Default/Local Storage/leveldb/CURRENT")).exists();
        assertThat(restored.resolve("Default/Cache")).doesNotExist();
        assertThat(restored.resolve("Default/Code Cache")).doesNotExist();
        assertThat(restored.resolve("GrShaderCache")).doesNotExist();
        assertThat(restored.resolve("Crashpad")).doesNotExist();
        assertThat(restored.resolve("SingletonLock")).doesNotExist();
        assertThat(new String(sealed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("WAMB1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("device keys");
    }

    @Test
    void filesAndDirectoriesThatComeAndGoWhileItIsBackedUpDoNotSpoilTheBackup() throws Exception {
        // A running Chromium rotates journals and creates and removes directories in its profile all the time;
        // the backup right after linking is taken while it does (a vanished entry once cost a whole backup).
        Path profile = dir.resolve("profile");
        write(profile.resolve("Default/IndexedDB/wa.leveldb/CURRENT"), "MANIFEST-000001");
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicInteger churned = new AtomicInteger();
        Thread chromium = new Thread(() -> {
            Path scratch = profile.resolve("Default/Session Storage");
            while (churning.get()) {
                try {
                    for (int i = 0; i < 20; i++) {
                        write(scratch.resolve("tmp-" + i + "/000" + i + ".log"), "journal " + i);
                    }
                    deleteTree(scratch);
                    churned.incrementAndGet();
                } catch (IOException ignored) {
                    // a racing walk of our own tree; the next round goes on
                }
            }
        });
        chromium.start();
        try {
            int packs = 0;
            while (packs < 50 || churned.get() < 50) {
                byte[] zip = ProfileArchive.pack(profile);
                Path restored = dir.resolve("restored-" + packs++);
                ProfileArchive.unpack(zip, restored);
                assertThat(restored.resolve("Default/IndexedDB/wa.leveldb/CURRENT"))
                        .hasContent("MANIFEST-000001");
                ProfileArchive.digest(profile);
            }
        } finally {
            churning.set(false);
            chromium.join();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void onlyTheSameKeyForTheSameAccountOpensABackup() {
        UUID account = UUID.randomUUID();
        byte[] sealed = ProfileArchive.encrypt(KEY, account, "profile".getBytes(StandardCharsets.UTF_8));

        assertThat(ProfileArchive.decrypt(KEY, account, sealed)).asString().isEqualTo("profile");
        assertThatThrownBy(() -> ProfileArchive.decrypt(OTHER_KEY, account, sealed))
                .isInstanceOf(ProfileArchive.BackupUnreadable.class)
                .hasMessageContaining("PROFILE_BACKUP_KEY");
        assertThatThrownBy(() -> ProfileArchive.decrypt(KEY, UUID.randomUUID(), sealed))
                .as("a backup passed off as another account's")
                .isInstanceOf(ProfileArchive.BackupUnreadable.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> ProfileArchive.decrypt(KEY, account, tampered))
                .isInstanceOf(ProfileArchive.BackupUnreadable.class);
        assertThat(ProfileArchive.encrypt(KEY, account, "profile".getBytes(StandardCharsets.UTF_8)))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void anArchiveNamingAFileOutsideTheProfileIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path target = dir.resolve("profile");

        assertThatThrownBy(() -> ProfileArchive.unpack(bytes.toByteArray(), target))
                .isInstanceOf(ProfileArchive.BackupUnreadable.class)
                .hasMessageContaining("outside the profile");
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void theDigestChangesWithTheLoginAndNotWithTheCaches() throws IOException {
        Path profile = dir.resolve("profile");
        write(profile.resolve("Default/IndexedDB/db/000003.log"), "one");
        String first = ProfileArchive.digest(profile);

        write(profile.resolve("Default/Cache/Cache_Data/data_0"), "cached");
        assertThat(ProfileArchive.digest(profile)).isEqualTo(first);

        write(profile.resolve("Default/IndexedDB/db/000004.log"), "two");
        assertThat(ProfileArchive.digest(profile)).isNotEqualTo(first);
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> ProfileBackups.parse("not base64!")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> ProfileBackups.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
