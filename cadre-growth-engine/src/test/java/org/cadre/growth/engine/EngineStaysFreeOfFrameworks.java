package org.cadre.growth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EngineStaysFreeOfFrameworks {

    @Test
    void mainSourcesImportOnlyTheJdkAndTheEngine() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offending;
        try (Stream<Path> files = Files.walk(sources)) {
            offending = files.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(path -> {
                        try {
                            return Files.readAllLines(path).stream()
                                    .filter(line -> line.startsWith("import "))
                                    .filter(line -> !line.matches("import (static )?(java|javax?)\\..*")
                                            && !line.startsWith("import org.cadre.growth.engine."))
                                    .map(line -> path + ": " + line);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offending).isEmpty();
    }
}
