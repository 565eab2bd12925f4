package io.wamonitor.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The worker's packages depend one way (messaging -> session -> whatsapp -> browser, journal beside session), as
 * each package-info declares; Playwright is known only to {@code browser}, and WhatsApp Web's {@code window.WPP}
 * only to {@code whatsapp}, so a change of either touches one package.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/wamonitor/worker");

    @Test
    void packagesDependOnlyOnWhatTheyDeclareAndFormNoCycle() {
        ApplicationModules.of(WorkerApplication.class).verify();
    }

    @Test
    void onlyTheBrowserPackageUsesPlaywright() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wamonitor.worker");
        noClasses()
                .that()
                .resideOutsideOfPackage("io.wamonitor.worker.browser..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.microsoft.playwright..")
                .check(classes);
    }

    @Test
    void onlyTheWhatsAppPackageCallsWpp() throws IOException {
        List<Path> outside;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("whatsapp")))
                    .filter(ModuleBoundariesTest::mentionsWpp)
                    .toList();
        }
        assertThat(outside)
                .as("Java files outside whatsapp/ that call window.WPP")
                .isEmpty();
    }

    private static boolean mentionsWpp(Path file) {
        try {
            return Files.readString(file).contains("WPP.");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
