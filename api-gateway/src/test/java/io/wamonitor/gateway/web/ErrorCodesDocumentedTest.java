package io.wamonitor.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Integrators program against the error codes: every code the gateway's code can answer with (a problem built with
 * a status and a code, anywhere in src/main) must be in README's table of error codes.
 */
class ErrorCodesDocumentedTest {

    /** {@code HttpStatus.X, "CODE"} (ApiProblem, Problems.of, subclasses), {@code Refused(409, "CODE"}, codeFor. */
    private static final List<Pattern> CODE_SITES = List.of(
            Pattern.compile("HttpStatus\\.[A-Z_]+,\\s*\"([A-Z][A-Z_]{3,})\""),
            Pattern.compile("new Refused\\(\\d+,\\s*\"([A-Z][A-Z_]{3,})\""),
            Pattern.compile("case \\d+ -> \"([A-Z][A-Z_]{3,})\""),
            Pattern.compile("new FetchException\\(\"([A-Z][A-Z_]{3,})\""));

    @Test
    void everyErrorCodeTheApiCanAnswerIsInReadmesTable() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String source = read(f);
                for (Pattern site : CODE_SITES) {
                    Matcher m = site.matcher(source);
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            });
        }
        assertThat(codes)
                .as("the scan finds the codes")
                .contains(
                        "ACCOUNT_NOT_FOUND",
                        "VALIDATION_FAILED",
                        "WORKER_UNAVAILABLE",
                        "RATE_LIMITED",
                        "INTERNAL_ERROR");
        String readme = read(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("| Error `code` |"));
        table = table.substring(0, table.indexOf("\n\n"));
        for (String code : codes) {
            assertThat(table).as("README's error table documents " + code).contains("`" + code + "`");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
