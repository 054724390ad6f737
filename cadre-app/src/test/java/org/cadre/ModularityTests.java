package org.cadre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Cadre's capabilities respect their declared boundaries, and the module diagram in docs/ is current. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CadreApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    /** A Mermaid picture of the modules and their dependencies, kept current inside docs/architecture.md. */
    @Test
    void writesTheModuleGraphIntoTheArchitectureDocument() throws IOException {
        var lines = new ArrayList<String>();
        lines.add("```mermaid");
        lines.add("flowchart TD");
        var sorted = modules.stream()
                .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
                .toList();
        sorted.forEach(module -> lines.add("  " + module.getIdentifier() + "[\"" + module.getDisplayName() + "\"]"));
        sorted.forEach(module -> module.getDirectDependencies(modules)
                .uniqueModules()
                .map(target -> "  " + module.getIdentifier() + " --> " + target.getIdentifier())
                .sorted()
                .forEach(lines::add));
        lines.add("```");
        var file = Path.of("../docs/architecture.md");
        var document = Files.readString(file);
        var start = document.indexOf(START) + START.length();
        var end = document.indexOf(END);
        assertThat(start).as("%s marker in %s", START, file).isGreaterThan(START.length() - 1);
        assertThat(end).as("%s marker in %s", END, file).isGreaterThan(start);
        var updated = document.substring(0, start) + "\n" + String.join("\n", lines) + "\n" + document.substring(end);
        Files.writeString(file, updated);
        assertThat(Files.readString(file)).contains("organization --> audit");
    }

    private static final String START = "<!-- modules:start -->";
    private static final String END = "<!-- modules:end -->";
}
