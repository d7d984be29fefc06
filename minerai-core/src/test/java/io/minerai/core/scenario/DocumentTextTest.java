package io.minerai.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTest {
    @Test
    void aMissingFileIsNamedWithItsAbsolutePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> DocumentText.readFile(missing, "plan"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan " + missing)
                .hasMessageContaining("file not found: " + missing.toAbsolutePath());
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        assertThatThrownBy(() -> DocumentText.parseObject("a: 1\nb: [2, 3\nc: 4\n", "inventory x.yaml", "fields"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("inventory x.yaml")
                .hasMessageMatching("(?s).*line \\d+, column \\d+.*not valid YAML/JSON.*");
    }

    @Test
    void theRootMustBeAnObject() {
        assertThatThrownBy(() -> DocumentText.parseObject("- 1\n- 2\n", "plan p.yaml", "a field 'plan'"))
                .hasMessageContaining("must be a YAML/JSON object with a field 'plan'");
        assertThatThrownBy(() -> DocumentText.parseObject("", "plan p.yaml", "a field 'plan'"))
                .hasMessageContaining("must be a YAML/JSON object");
    }

    @Test
    void jsonIsYamlAndUtf8IsKept(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"name\": \"Pecos – 2024\"}");
        String text = DocumentText.readFile(f, "scenario");
        assertThat(DocumentText.parseObject(text, "s", "fields").path("name").asText())
                .isEqualTo("Pecos – 2024");
    }

    @Test
    void bundledResourcesAreReadAndAMissingOneIsAPackagingError() {
        assertThat(DocumentText.resource(DefaultScenario.class, DefaultScenario.RESOURCE))
                .contains("site:");
        assertThatThrownBy(() -> DocumentText.resource(DefaultScenario.class, "/no/such.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such.yaml");
    }
}
